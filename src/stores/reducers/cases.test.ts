import { describe, expect, it } from 'vitest';
import { PING_CAPACITY, TICKER_CAPACITY, casesToday, emptyCasesState, openCases, reduceCases } from './cases';
import { MIN, T0, baseline, baselineMsg, event, eventMsg } from '../fixtures';

const base = () => reduceCases(emptyCasesState(), [baselineMsg()], false);

describe('reduceCases: baseline', () => {
  it('takes every figure from the baseline', () => {
    const s = base();
    expect(casesToday(s)).toBe(105);
    expect(s.cumulativeHandled).toBe(860_600);
    expect(s.stageCounts).toEqual({ discover: 10, register: 20, dispatch: 30, handle: 40, verify: 50, close: 50 });
    expect(openCases(s)).toBe(150);
    expect(s.overdueOpen).toBe(7);
    expect(s.todayByChannel.hotline12345).toBe(40);
    expect(s.trend).toHaveLength(7);
    expect(s.today).toBe('2026-11-26');
    expect(s.lastDataTime).toBe(T0);
  });

  it('does not modify the previous state (pure)', () => {
    const s0 = base();
    const copy = JSON.parse(JSON.stringify({ ...s0, seen: [], overdueIds: [] }));
    reduceCases(s0, [eventMsg(event('c1', 'discover', T0 + MIN))], false);
    expect(JSON.parse(JSON.stringify({ ...s0, seen: [], overdueIds: [] }))).toEqual(copy);
  });

  it('returns the same object for a batch with no case topics', () => {
    const s0 = base();
    expect(reduceCases(s0, [], false)).toBe(s0);
  });
});

describe('reduceCases: events', () => {
  it('a discovery adds a case today, to its unit, channel, category, trend and the discover stage', () => {
    const s = reduceCases(base(), [eventMsg(event('c1', 'discover', T0 + MIN))], false);
    expect(casesToday(s)).toBe(106);
    expect(s.todayByUnit.wujiagang).toBe(3);
    expect(s.todayByChannel.snapshot).toBe(21);
    expect(s.byCategorySinceBaseline.sanitation).toBe(1);
    expect(s.trend[6]).toEqual({ date: '2026-11-26', received: 101, closed: 90 });
    expect(s.stageCounts.discover).toBe(11);
    expect(s.pings).toEqual([{ id: 'c1', lon: 111.31, lat: 30.65, at: T0 + MIN, channel: 'snapshot' }]);
    expect(s.ticker[0]).toMatchObject({ kind: 'discover', unit: '伍家岗', channel: '市民随手拍', category: '环卫保洁' });
  });

  it('transitions move a case between stages; closing adds to today and the cumulative figure', () => {
    const e = (stage: Parameters<typeof event>[1], m: number) => eventMsg(event('c1', stage, T0 + m * MIN));
    const s = reduceCases(base(), [e('discover', 1), e('register', 2), e('dispatch', 3), e('handle', 4), e('verify', 5), e('close', 6)], false);
    expect(s.stageCounts).toEqual({ discover: 10, register: 20, dispatch: 30, handle: 40, verify: 50, close: 51 });
    expect(s.closedToday).toBe(51);
    expect(s.cumulativeHandled).toBe(860_601);
    expect(s.trend[6]).toEqual({ date: '2026-11-26', received: 101, closed: 91 });
    expect(s.ticker.map((t) => t.kind)).toEqual(['discover', 'close']);
  });

  it('a transition out of a baseline stage never drives a count below zero', () => {
    const b = baseline(T0, { openByStage: { discover: 0, register: 0, dispatch: 0, handle: 0, verify: 0, close: 0 } });
    const s = reduceCases(emptyCasesState(), [baselineMsg(b), eventMsg(event('old', 'register', T0 + MIN))], false);
    expect(s.stageCounts.discover).toBe(0);
    expect(s.stageCounts.register).toBe(1);
  });

  it('tracks overdue cases: counted once when they turn overdue, removed when they close', () => {
    const s1 = reduceCases(base(), [
      eventMsg(event('c1', 'discover', T0 + MIN)),
      eventMsg(event('c1', 'register', T0 + 2 * MIN, { overdue: true })),
      eventMsg(event('c1', 'dispatch', T0 + 3 * MIN, { overdue: true })),
    ], false);
    expect(s1.overdueOpen).toBe(8);
    expect(s1.ticker.map((t) => t.kind)).toEqual(['discover', 'overdue']);
    const s2 = reduceCases(s1, [eventMsg(event('c1', 'close', T0 + 4 * MIN, { prevStage: 'dispatch' }))], false);
    expect(s2.overdueOpen).toBe(7);
    // A late close of a case that was already overdue at the baseline takes it off the baseline count.
    const s3 = reduceCases(s2, [eventMsg(event('old', 'close', T0 + 5 * MIN, { overdue: true }))], false);
    expect(s3.overdueOpen).toBe(6);
  });

  it('drops duplicates (same case and stage) and events already in the baseline', () => {
    const e1 = eventMsg(event('c1', 'discover', T0 + MIN));
    const s = reduceCases(base(), [e1, e1, eventMsg(event('c0', 'discover', T0 - MIN))], false);
    expect(casesToday(s)).toBe(106);
    expect(s.duplicates).toBe(1);
    expect(s.superseded).toBe(1);
  });

  it('ignores topics it does not fold (snapshots, unknown)', () => {
    const odd = { topic: 'weather.now', receiveTime: T0, payload: {} } as unknown as ReturnType<typeof baselineMsg>;
    const s0 = base();
    expect(reduceCases(s0, [odd], false)).toBe(s0);
  });

  it('keeps the ticker and ping rings bounded, newest last', () => {
    const batch = Array.from({ length: PING_CAPACITY + 20 }, (_, i) => eventMsg(event(`n${i}`, 'discover', T0 + (i + 1) * 1000)));
    const s = reduceCases(base(), batch, false);
    expect(s.ticker).toHaveLength(TICKER_CAPACITY);
    expect(s.pings).toHaveLength(PING_CAPACITY);
    expect(s.ticker[TICKER_CAPACITY - 1]?.key).toBe(`n${PING_CAPACITY + 19}:discover`);
    expect(s.pings[0]?.id).toBe('n20');
    expect(casesToday(s)).toBe(105 + PING_CAPACITY + 20);
  });

  it('rolls over at midnight Beijing time: the trend shifts and the day counters restart', () => {
    const nextDay = Date.UTC(2026, 10, 26, 16, 5, 0); // 2026-11-27 00:05 CST
    const s = reduceCases(base(), [eventMsg(event('c1', 'discover', nextDay))], false);
    expect(s.today).toBe('2026-11-27');
    expect(s.trend.map((d) => d.date)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(s.trend[6]).toEqual({ date: '2026-11-27', received: 1, closed: 0 });
    expect(casesToday(s)).toBe(1);
    expect(s.closedToday).toBe(0);
    expect(s.stageCounts.close).toBe(0);
    expect(s.cumulativeHandled).toBe(860_600);
  });

  it('marks ticker items from a backfill so they are shown without animation', () => {
    const s = reduceCases(base(), [eventMsg(event('c1', 'discover', T0 + MIN))], true);
    expect(s.ticker[0]?.backfill).toBe(true);
  });

  it('keeps citizen text verbatim (it is rendered as text, never parsed)', () => {
    const s = reduceCases(base(), [eventMsg(event('c1', 'discover', T0 + MIN))], false);
    expect(s.ticker[0]?.description).toBe('<img src=x onerror=alert(1)> 垃圾满溢');
  });
});

describe('reduceCases: reset and backfill', () => {
  it('a reset followed by a backfill rebuilds exactly what live delivery built', () => {
    const msgs = [
      baselineMsg(),
      eventMsg(event('c1', 'discover', T0 + MIN)),
      eventMsg(event('c1', 'register', T0 + 2 * MIN)),
      eventMsg(event('c2', 'discover', T0 + 3 * MIN)),
    ];
    let live = emptyCasesState();
    for (const m of msgs) live = reduceCases(live, [m], false);
    const rebuilt = reduceCases(emptyCasesState(), msgs, true);
    const strip = (x: typeof live) => ({ ...x, ticker: x.ticker.map((t) => ({ ...t, backfill: false })), seen: [...x.seen], overdueIds: [...x.overdueIds] });
    expect(strip(rebuilt)).toEqual(strip(live));
  });

  it('an older baseline never replaces a newer one', () => {
    const s = reduceCases(base(), [baselineMsg(baseline(T0 - 10 * MIN, { cumulativeHandled: 1 }))], false);
    expect(s.cumulativeHandled).toBe(860_600);
    expect(s.superseded).toBe(1);
  });
});
