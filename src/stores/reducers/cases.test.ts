import { describe, expect, it } from 'vitest';
import {
  ALERT_CAPACITY, ESCALATION_LATE_MS, PING_CAPACITY, TICKER_CAPACITY, TRACKED_CAPACITY, casesToday, emptyCasesState, openCases, reduceCases,
  type CasesState,
} from './cases';
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

// ---- command & coordination: dwell, overdue, escalation ----

type Ev = Parameters<typeof event>;
/** An event `min` minutes after the baseline; its deadline is far away unless the test sets one. */
const ev = (id: string, stage: Ev[1], min: number, over: Ev[3] = {}) => eventMsg(event(id, stage, T0 + min * MIN, { dueAt: T0 + 600 * MIN, ...over }));
const FAR = { dueAt: T0 + 600 * MIN };
const fold = (msgs: ReturnType<typeof eventMsg>[]) => reduceCases(emptyCasesState(), [baselineMsg(), ...msgs], false);

describe('reduceCases: dwell times', () => {
  it('measures each stage from prevAt, or from the entry it followed itself; mean exact, median on minutes', () => {
    const s = fold([
      ev('c1', 'discover', 1),
      ev('c3', 'discover', 2),
      ev('c3', 'register', 3), // 1 min, followed
      ev('c1', 'register', 4), // 3 min, followed
      ev('c2', 'register', 10, { prevAt: T0 - 20 * MIN }), // 30 min: entered before the baseline
      ev('c9', 'register', 11), // entered before the baseline, no prevAt: unknown, not a sample
    ]);
    expect(s.dwell.discover).toEqual({ samples: 3, meanMinutes: 34 / 3, medianMinutes: 3 });
    expect(s.dwell.register.samples).toBe(0);
    const s2 = reduceCases(s, [ev('c4', 'register', 12, { prevAt: T0 + 7 * MIN })], false); // 5 min
    expect(s2.dwell.discover).toEqual({ samples: 4, meanMinutes: 39 / 4, medianMinutes: 4 });
  });

  it('refuses a negative dwell (prevAt after the event) instead of bending the figures', () => {
    const s = fold([ev('c1', 'register', 5, { prevAt: T0 + 9 * MIN })]);
    expect(s.dwell.discover.samples).toBe(0);
  });

  it('counts today only: a new day starts the dwell figures again, the followed cases carry over', () => {
    const s = fold([ev('c1', 'discover', 1, { dueAt: T0 + 5 * MIN }), ev('c1', 'register', 3), ev('x', 'discover', 7)]);
    expect(s.dwell.discover.samples).toBe(1);
    const nextDay = Date.UTC(2026, 10, 26, 16, 5, 0);
    const s2 = reduceCases(s, [eventMsg(event('c2', 'discover', nextDay))], false);
    expect(s2.dwell.discover.samples).toBe(0);
    expect(s2.tracked.has('c1')).toBe(true);
  });
});

describe('reduceCases: overdue and escalated cases', () => {
  it('a followed case turns overdue when its deadline passes on the data clock (strictly after it)', () => {
    const s1 = fold([ev('c1', 'discover', 1, { dueAt: T0 + 10 * MIN }), ev('x', 'discover', 10)]);
    expect(s1.overdueOpen).toBe(7);
    expect(s1.alerts).toEqual([]);
    const s2 = reduceCases(s1, [ev('y', 'discover', 11)], false);
    expect(s2.overdueOpen).toBe(8);
    expect(s2.overdueByUnit.wujiagang).toBe(1);
    expect(s2.alerts).toEqual([
      { caseId: 'c1', unitId: 'wujiagang', category: 'sanitation', address: '伍家岗区 夷陵大道', lon: 111.31, lat: 30.65, since: T0 + 10 * MIN, escalated: false, lateMinutes: 1 },
    ]);
  });

  it('escalates a case waiting more than ESCALATION_LATE_MS past its deadline, then finishing late does not count twice', () => {
    const dueAt = T0 + 10 * MIN;
    const s1 = fold([ev('c1', 'discover', 1, { dueAt }), ev('x', 'discover', 11)]);
    const s2 = reduceCases(s1, [eventMsg(event('y', 'discover', dueAt + ESCALATION_LATE_MS, FAR))], false);
    expect(s2.escalatedOpen).toBe(0); // exactly at the threshold: not yet more than it
    const s3 = reduceCases(s2, [eventMsg(event('z', 'discover', dueAt + ESCALATION_LATE_MS + 1000, FAR))], false);
    expect(s3.escalatedOpen).toBe(1);
    expect(s3.escalatedByUnit.wujiagang).toBe(1);
    expect(s3.alerts[0]).toMatchObject({ caseId: 'c1', escalated: true, since: dueAt + ESCALATION_LATE_MS, lateMinutes: 120 });
    // The late step out of discover: the same missed deadline, so one late stage and one overdue case.
    const s4 = reduceCases(s3, [eventMsg(event('c1', 'register', dueAt + 3 * 3600_000, { overdue: true, ...FAR }))], false);
    expect(s4.overdueOpen).toBe(8);
    expect(s4.escalatedOpen).toBe(1);
    expect(s4.alerts[0]).toMatchObject({ caseId: 'c1', lateMinutes: 180 });
    const s5 = reduceCases(s4, [eventMsg(event('c1', 'close', dueAt + 4 * 3600_000, { prevStage: 'register' }))], false);
    expect([s5.overdueOpen, s5.escalatedOpen, s5.overdueByUnit.wujiagang, s5.escalatedByUnit.wujiagang]).toEqual([7, 0, 0, 0]);
    expect(s5.alerts).toEqual([]);
    expect(s5.tracked.has('c1')).toBe(false);
  });

  it('escalates a case late at two stages, dated by the second missed deadline', () => {
    const s = fold([
      ev('c1', 'discover', 1, { dueAt: T0 + 5 * MIN }),
      ev('c1', 'register', 6, { overdue: true, dueAt: T0 + 7 * MIN }),
      ev('c1', 'dispatch', 8, { overdue: true }),
    ]);
    expect(s.overdueOpen).toBe(8);
    expect(s.escalatedOpen).toBe(1);
    expect(s.alerts).toEqual([
      { caseId: 'c1', unitId: 'wujiagang', category: 'sanitation', address: '伍家岗区 夷陵大道', lon: 111.31, lat: 30.65, since: T0 + 7 * MIN, escalated: true, lateMinutes: 1 },
    ]);
    expect(s.ticker.map((t) => t.kind)).toEqual(['discover', 'overdue']);
  });

  it('escalates at once a first-seen case that finished a stage more than the threshold late (from prevDueAt)', () => {
    const s = fold([ev('b', 'verify', 180, { overdue: true, prevDueAt: T0 + 30 * MIN })]);
    expect(s.overdueOpen).toBe(8); // its deadline passed after the baseline: not in the baseline's count
    expect(s.alerts).toEqual([
      { caseId: 'b', unitId: 'wujiagang', category: 'sanitation', address: '伍家岗区 夷陵大道', lon: 111.31, lat: 30.65, since: T0 + 150 * MIN, escalated: true, lateMinutes: 150 },
    ]);
  });

  it('does not count twice a case the baseline already counted as overdue; its close takes it off', () => {
    const s1 = fold([ev('old', 'register', 5, { overdue: true, prevDueAt: T0 - 30 * MIN })]);
    expect(s1.overdueOpen).toBe(7);
    expect(s1.overdueByUnit.wujiagang).toBe(1);
    expect(s1.alerts[0]).toMatchObject({ caseId: 'old', since: T0 - 30 * MIN, lateMinutes: 35 });
    const s2 = reduceCases(s1, [ev('old', 'close', 9, { prevStage: 'register' })], false);
    expect(s2.overdueOpen).toBe(6);
    // An unseen case that fell behind only after the baseline was never in its count: its close changes nothing.
    const s3 = reduceCases(s2, [ev('new', 'close', 10, { overdue: true, prevDueAt: T0 + 2 * MIN })], false);
    expect(s3.overdueOpen).toBe(6);
  });

  it('lists newest first and caps the list', () => {
    const msgs = Array.from({ length: ALERT_CAPACITY + 5 }, (_, i) => ev(`k${i}`, 'register', 10 + i, { overdue: true, prevDueAt: T0 + (5 + i) * MIN }));
    const s = fold(msgs);
    expect(s.alerts).toHaveLength(ALERT_CAPACITY);
    expect(s.alerts[0]?.caseId).toBe(`k${ALERT_CAPACITY + 4}`);
    expect(s.overdueByUnit.wujiagang).toBe(ALERT_CAPACITY + 5);
  });

  it('a new baseline forgets what was followed (the baseline is the truth as of its asOf)', () => {
    const s1 = fold([ev('c1', 'discover', 1), ev('c1', 'register', 3, { overdue: true })]);
    expect(s1.alerts).toHaveLength(1);
    const s2 = reduceCases(s1, [baselineMsg(baseline(T0 + 30 * MIN))], false);
    expect(s2.alerts).toEqual([]);
    expect(s2.overdueByUnit.wujiagang).toBe(0);
    expect(s2.tracked.size).toBe(0);
    expect(s2.dwell.discover.samples).toBe(0);
    expect(s2.overdueOpen).toBe(7);
  });

  it('follows at most TRACKED_CAPACITY open cases, forgetting the least recently updated', () => {
    const msgs = Array.from({ length: TRACKED_CAPACITY + 10 }, (_, i) => eventMsg(event(`n${i}`, 'discover', T0 + (i + 1) * 100, { dueAt: T0 + 100 * 3600_000 })));
    const s = fold(msgs);
    expect(s.tracked.size).toBe(TRACKED_CAPACITY);
    expect(s.tracked.has('n0')).toBe(false);
    expect(s.tracked.has(`n${TRACKED_CAPACITY + 9}`)).toBe(true);
  });
});

describe('reduceCases: batching never changes the result', () => {
  const story = () => [
    baselineMsg(),
    ev('c1', 'discover', 1, { dueAt: T0 + 10 * MIN }),
    ev('c2', 'discover', 2, { dueAt: T0 + 4 * MIN, unitId: 'xiling' }),
    ev('c2', 'register', 5, { overdue: true, dueAt: T0 + 6 * MIN, unitId: 'xiling' }), // late since 4
    ev('old', 'register', 6, { overdue: true, prevAt: T0 - 90 * MIN, prevDueAt: T0 - 60 * MIN, unitId: 'yidu' }),
    ev('c3', 'discover', 12),
    ev('c2', 'dispatch', 13, { overdue: true, unitId: 'xiling' }), // second late stage: escalated
    ev('b', 'verify', 20, { overdue: true, prevAt: T0 - 600 * MIN, prevDueAt: T0 - 200 * MIN, unitId: 'zigui' }),
    ev('c1', 'register', 140, { overdue: true }), // late since 10, more than 2 h by now: escalated
    ev('c3', 'register', 150),
    ev('old', 'close', 151, { prevStage: 'register', unitId: 'yidu' }),
    ev('c4', 'discover', 300),
  ];
  const plain = (x: CasesState) =>
    JSON.parse(
      JSON.stringify({
        ...x,
        ticker: x.ticker.map((t) => ({ ...t, backfill: false })),
        seen: [...x.seen].sort(),
        overdueIds: [...x.overdueIds].sort(),
        tracked: [...x.tracked.entries()],
        dwellTallies: Object.fromEntries(Object.entries(x.dwellTallies).map(([k, t]) => [k, { ...t, byMinute: [...t.byMinute.entries()].sort() }])),
      }),
    ) as unknown;

  it('one batch = message by message = any split into chunks (a seek backfill equals live delivery)', () => {
    const msgs = story();
    let oneByOne = emptyCasesState();
    for (const m of msgs) oneByOne = reduceCases(oneByOne, [m], false);
    const batch = reduceCases(emptyCasesState(), msgs, true);
    expect(plain(batch)).toEqual(plain(oneByOne));
    for (const size of [2, 3, 5]) {
      let chunked = emptyCasesState();
      for (let i = 0; i < msgs.length; i += size) chunked = reduceCases(chunked, msgs.slice(i, i + size), false);
      expect(plain(chunked), `chunks of ${size}`).toEqual(plain(oneByOne));
    }
    // And the story reads as intended.
    expect(oneByOne.escalatedByUnit).toMatchObject({ xiling: 1, zigui: 1, wujiagang: 1 });
    expect(oneByOne.escalatedOpen).toBe(3);
    // c2 and c1 fell behind after the baseline; old and b were in its count (their deadlines passed before it); old closed.
    expect(oneByOne.overdueOpen).toBe(7 + 2 - 1);
    expect(oneByOne.dwell.register).toEqual({ samples: 2, meanMinutes: (8 + 145) / 2, medianMinutes: (8 + 145) / 2 });
    expect(oneByOne.dwell.discover).toEqual({ samples: 4, meanMinutes: (3 + 96 + 138 + 139) / 4, medianMinutes: (96 + 138) / 2 });
    expect(oneByOne.dwell.handle).toEqual({ samples: 1, meanMinutes: 620, medianMinutes: 620 });
    expect(oneByOne.alerts.map((a) => [a.caseId, a.since, a.lateMinutes])).toEqual([
      ['c1', T0 + 130 * MIN, 130],
      ['c2', T0 + 6 * MIN, 7],
      ['b', T0 - 80 * MIN, 220],
    ]);
  });

  it('keeps unchanged outputs identical objects (a batch that only adds a discovery reaches no alert or dwell panel)', () => {
    const s1 = reduceCases(emptyCasesState(), story().slice(0, 8), false);
    const s2 = reduceCases(s1, [ev('quiet', 'discover', 20.5, { dueAt: T0 + 600 * MIN })], false);
    expect(s2.alerts).toBe(s1.alerts);
    expect(s2.dwell).toBe(s1.dwell);
    expect(s2.overdueByUnit).toBe(s1.overdueByUnit);
    expect(s2.escalatedByUnit).toBe(s1.escalatedByUnit);
  });
});
