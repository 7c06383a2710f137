import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeTicker, type FakeTicker } from './fake-ticker';
import type { Logger } from './log';
import { createRecordedSource, type RecordedSourceOptions } from './recorded-source';
import { parseRecording, serializeRecording, UNPARSED_TOPIC } from './recording';
import { TOPICS, type Message, type Topic } from './schemas';
import type { MessageBatchInfo, Source, SourceListener, SourceState } from './source';
import { caseEventPayload, header, ratesPayload, sampleRecording, T0 } from './test-fixtures';

type Call =
  | { type: 'reset' }
  | { type: 'messages'; batch: readonly Message[]; info: MessageBatchInfo }
  | { type: 'state'; state: SourceState };

/** Records every listener call, and folds the messages the way a store would. */
function recorder() {
  const calls: Call[] = [];
  let snapshots: Partial<Record<Topic, unknown>> = {};
  let events: string[] = [];
  const listener: SourceListener = {
    reset() {
      calls.push({ type: 'reset' });
      snapshots = {};
      events = [];
    },
    messages(batch, info) {
      calls.push({ type: 'messages', batch, info });
      for (const m of batch) {
        if (TOPICS[m.topic].kind === 'snapshot') snapshots[m.topic] = m.payload;
        else if (m.topic === 'case.event') events.push(`${m.payload.caseId}:${m.payload.stage}@${m.receiveTime - T0}`);
      }
    },
    state(state) {
      calls.push({ type: 'state', state });
    },
  };
  return {
    listener,
    calls,
    folded: () => ({ snapshots, events }),
    batches: () => calls.filter((c): c is Extract<Call, { type: 'messages' }> => c.type === 'messages'),
    statuses: () => calls.filter((c): c is Extract<Call, { type: 'state' }> => c.type === 'state').map((c) => c.state.status),
    clear: () => calls.splice(0),
  };
}

const quiet: Logger = { warn: () => {} };
let fake: FakeTicker;

async function started(options: Partial<RecordedSourceOptions> = {}) {
  fake = createFakeTicker();
  const rec = recorder();
  const source = createRecordedSource({ text: sampleRecording(), now: fake.now, schedule: fake.schedule, logger: quiet, ...options });
  source.setListener(rec.listener);
  await source.start();
  return { source, rec };
}

afterEach(() => vi.restoreAllMocks());

describe('createRecordedSource: the Source contract', () => {
  it('is a recorded source with all four capabilities and every topic', () => {
    const source = createRecordedSource({ text: sampleRecording(), logger: quiet });
    expect(source.kind).toBe('recorded');
    expect([...source.capabilities].sort()).toEqual(['loop', 'playPause', 'seek', 'setSpeed']);
    expect(source.topics).toEqual(Object.entries(TOPICS).map(([topic, v]) => ({ topic, kind: v.kind })));
    for (const fn of [source.play, source.pause, source.seek, source.setSpeed, source.setLoop]) expect(typeof fn).toBe('function');
    expect(source.getState()).toMatchObject({ kind: 'recorded', status: 'idle', error: null });
  });

  it('goes idle → loading → playing, delivering the t=0 messages as an ordinary batch', async () => {
    const { source, rec } = await started();
    expect(rec.statuses()).toEqual(['idle', 'loading', 'playing']);
    const [first] = rec.batches();
    expect(first?.info).toEqual({ backfill: false });
    expect(first?.batch.map((m) => m.receiveTime)).toEqual([T0, T0, T0, T0]);
    expect(source.getState().clock).toEqual({ startTime: T0, endTime: T0 + 60_000, currentTime: T0, speed: 1, loop: true });
  });

  it('with autoplay off, loads paused at startTime and plays / pauses on command', async () => {
    const { source, rec } = await started({ autoplay: false });
    expect(source.getState().status).toBe('paused');
    fake.advance(5000);
    expect(source.getState().clock.currentTime).toBe(T0);
    source.play?.();
    fake.advance(3000);
    source.pause?.();
    expect(source.getState().clock.currentTime).toBe(T0 + 3000);
    fake.advance(3000);
    expect(source.getState().clock.currentTime).toBe(T0 + 3000);
    expect(rec.statuses().slice(-2)).toEqual(['playing', 'paused']);
    expect(fake.active).toBe(0);
  });

  it('resolves start() with an error state on a 404, never rejecting', async () => {
    const warn = vi.fn();
    const fetchImpl = vi.fn(async () => new Response('Not Found', { status: 404, statusText: 'Not Found' }));
    const source = createRecordedSource({ url: '/recordings/missing.ndjson', fetchImpl, logger: { warn } });
    const rec = recorder();
    source.setListener(rec.listener);
    await expect(source.start()).resolves.toBeUndefined();
    expect(fetchImpl).toHaveBeenCalledWith('/recordings/missing.ndjson');
    expect(source.getState().status).toBe('error');
    expect(source.getState().error).toMatch(/HTTP 404 Not Found/);
    expect(rec.statuses()).toEqual(['idle', 'loading', 'error']);
    expect(warn).toHaveBeenCalledTimes(1);
    source.play?.();
    source.seek?.(T0);
    expect(source.getState().status).toBe('error');
  });

  it.each([
    ['garbage text', { text: 'this is not a recording' }, /not a citywall recording/],
    ['an empty file', { text: '' }, /empty/],
    ['a network failure', { url: '/x', fetchImpl: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch }, /could not fetch \/x: Failed to fetch/],
    ['no recording at all', {}, /neither url nor text/],
  ])('resolves start() with an error state on %s', async (_name, options, message) => {
    const source = createRecordedSource({ logger: quiet, ...options });
    await expect(source.start()).resolves.toBeUndefined();
    expect(source.getState()).toMatchObject({ status: 'error', error: expect.stringMatching(message) });
  });

  it('loads over fetch', async () => {
    const fetchImpl = vi.fn(async () => new Response(sampleRecording()));
    const { source } = await started({ text: undefined, url: '/recordings/demo.ndjson', fetchImpl });
    expect(source.getState().status).toBe('playing');
    expect(source.getState().health.accepted).toBe(parseRecording(sampleRecording()).messages.length);
  });

  it('close() stops the ticker and all further listener calls', async () => {
    const { source, rec } = await started();
    expect(fake.active).toBe(1);
    source.close();
    expect(fake.active).toBe(0);
    rec.clear();
    fake.advance(5000);
    source.play?.();
    expect(rec.calls).toEqual([]);
  });
});

describe('createRecordedSource: playback', () => {
  it('delivers each message exactly once, in order, in per-tick batches (receiveTime ≤ current time), one state per tick', async () => {
    const { source, rec } = await started({ loop: false });
    const all = parseRecording(sampleRecording()).messages;
    rec.clear();
    for (let i = 0; i < 700; i += 1) {
      const before = rec.calls.length;
      fake.advance(100);
      const tickCalls = rec.calls.slice(before);
      expect(tickCalls.filter((c) => c.type === 'state').length).toBeLessThanOrEqual(1);
      const now = source.getState().clock.currentTime;
      for (const c of tickCalls) if (c.type === 'messages') for (const m of c.batch) expect(m.receiveTime).toBeLessThanOrEqual(now);
    }
    const delivered = rec.batches().flatMap((b) => b.batch);
    expect(rec.batches().every((b) => !b.info.backfill)).toBe(true);
    expect(delivered).toEqual(all.filter((m) => m.receiveTime > T0));
    expect(source.getState().status).toBe('ended');
    expect(source.getState().clock.currentTime).toBe(T0 + 60_000);
    expect(rec.statuses().at(-1)).toBe('ended');
  });

  it('setSpeed keeps the current time and then runs faster', async () => {
    const { source } = await started();
    fake.advance(10_000);
    fake.advance(50); // between ticks: the 50 ms must count at the old speed
    source.setSpeed?.(4);
    expect(source.getState().clock).toMatchObject({ currentTime: T0 + 10_050, speed: 4 });
    fake.advance(1000);
    expect(source.getState().clock.currentTime).toBe(T0 + 14_050 - 200); // last tick at +1000-50 ms real
    source.setSpeed?.(1000);
    expect(source.getState().clock.speed).toBe(64);
  });

  it('with loop on, delivers up to the end, then reset + backfill of the t=0 messages, and plays on', async () => {
    const { source, rec } = await started({ loop: true });
    fake.advance(59_900);
    rec.clear();
    fake.advance(100); // reaches endTime
    expect(rec.calls.map((c) => c.type)).toEqual(['messages', 'reset', 'messages', 'state']);
    const [last, backfill] = rec.batches();
    expect(last?.batch.map((m) => m.receiveTime - T0)).toEqual([60_000]);
    expect(backfill?.info).toEqual({ backfill: true });
    expect(backfill?.batch.map((m) => m.receiveTime)).toEqual([T0, T0, T0, T0]);
    expect(source.getState()).toMatchObject({ status: 'playing', clock: { currentTime: T0 } });
    rec.clear();
    fake.advance(2000);
    expect(rec.batches().flatMap((b) => b.batch).map((m) => m.receiveTime - T0)).toEqual([2000]);
  });

  it('with loop off, ends; play() then starts over from the beginning', async () => {
    const { source, rec } = await started({ loop: false });
    fake.advance(61_000);
    expect(source.getState().status).toBe('ended');
    rec.clear();
    source.play?.();
    expect(rec.calls.map((c) => c.type)).toEqual(['reset', 'messages', 'state']);
    expect(source.getState()).toMatchObject({ status: 'playing', clock: { currentTime: T0 } });
  });

  it('setLoop(false) mid-play makes the end final', async () => {
    const { source } = await started({ loop: true });
    source.setLoop?.(false);
    expect(source.getState().clock.loop).toBe(false);
    fake.advance(70_000);
    expect(source.getState().status).toBe('ended');
  });

  it('a listener set mid-play gets reset() and a backfill to the current time', async () => {
    const { source, rec } = await started();
    fake.advance(30_000);
    const late = recorder();
    source.setListener(late.listener);
    expect(late.calls.map((c) => c.type)).toEqual(['reset', 'messages', 'state']);
    expect(late.folded()).toEqual(rec.folded());
    rec.clear();
    fake.advance(1000);
    expect(rec.calls).toEqual([]); // the old listener is replaced
  });
});

describe('createRecordedSource: seek', () => {
  /** State of a store fed by playing straight from the start to `ms` after startTime. */
  async function playedTo(ms: number) {
    const { rec } = await started({ loop: false });
    fake.advance(ms);
    return rec.folded();
  }

  it.each([0, 1_000, 13_000, 30_000, 45_500, 59_900, 60_000])('seek to +%i ms rebuilds the same state as playing there', async (ms) => {
    const expected = await playedTo(ms);
    if (ms >= 30_000) expect(Object.keys(expected.snapshots)).toContain('data.volumes'); // the fixture really has it

    // Forward, from a paused source at the start.
    const fwd = await started({ autoplay: false, loop: false });
    fwd.rec.clear();
    fwd.source.seek?.(T0 + ms);
    expect(fwd.rec.calls.map((c) => c.type)).toEqual(['reset', 'messages', 'state']);
    expect(fwd.rec.batches()[0]?.info).toEqual({ backfill: true });
    expect(fwd.rec.folded()).toEqual(expected);
    expect(fwd.source.getState().clock.currentTime).toBe(T0 + ms);

    // Backward, while playing, from near the end.
    const back = await started({ loop: false });
    fake.advance(59_950);
    back.source.seek?.(T0 + ms);
    expect(back.rec.folded()).toEqual(expected);
    expect(back.source.getState().status).toBe('playing');
  });

  it('continues from the seek point without repeating or skipping messages', async () => {
    const expected = await playedTo(50_000);
    const { source, rec } = await started({ loop: false });
    fake.advance(40_000);
    source.seek?.(T0 + 20_000);
    fake.advance(30_000);
    expect(rec.folded()).toEqual(expected);
  });

  it('puts only the latest message of each snapshot topic into the backfill', async () => {
    const { source, rec } = await started({ autoplay: false });
    rec.clear();
    source.seek?.(T0 + 45_000);
    const backfill = rec.batches()[0]?.batch ?? [];
    const count = (topic: Topic): number => backfill.filter((m) => m.topic === topic).length;
    expect([count('cases.baseline'), count('rates.units'), count('industry.systems'), count('data.volumes')]).toEqual([1, 1, 1, 1]);
    const rates = backfill.find((m) => m.topic === 'rates.units');
    expect(rates?.receiveTime).toBe(T0 + 40_000);
    expect(count('case.event')).toBe(backfill.length - 4);
  });

  it('clamps to the recording and turns ended into paused', async () => {
    const { source } = await started({ loop: false });
    source.seek?.(T0 - 99_999);
    expect(source.getState().clock.currentTime).toBe(T0);
    fake.advance(61_000);
    expect(source.getState().status).toBe('ended');
    source.seek?.(T0 + 10_000_000);
    expect(source.getState()).toMatchObject({ status: 'paused', clock: { currentTime: T0 + 60_000 } });
  });
});

describe('createRecordedSource: corrupted recordings', () => {
  const h = header(10_000);
  const line = (t: number, id: string): string => JSON.stringify({ t, topic: 'case.event', payload: caseEventPayload(id, 'discover', T0 + t) });
  const text = [
    serializeRecording(h, [{ t: 0, topic: 'rates.units', payload: ratesPayload(T0) }]).trimEnd(), // lines 1–2
    '{"t": 500, "topic": "case.event", "payl', // 3 bad JSON
    JSON.stringify({ t: 1000, topic: 'case.event', payload: { ...caseEventPayload('X', 'discover', T0), lat: 'north' } }), // 4 wrong type
    JSON.stringify({ t: 1000, topic: 'rates.units', payload: { asOf: T0 } }), // 5 missing field
    JSON.stringify({ t: 1000, topic: 'weather.now', payload: {} }), // 6 unknown topic
    JSON.stringify({ t: 1500, topic: 'case.event', payload: { ...caseEventPayload('Y', 'discover', T0), pad: '#'.repeat(300_000) } }), // 7 oversize
    line(2000, 'G1'), // 8
    line(1000, 'Z'), // 9 out of order
    line(5000, 'G2'), // 10
  ].join('\n') + '\n';

  it('skips bad lines, counts them per topic, logs each once as a warning, and still delivers later good lines', async () => {
    const warn = vi.fn();
    const { source, rec } = await started({ text, logger: { warn } });
    expect(source.getState().health).toEqual({
      accepted: 3,
      rejected: 6,
      rejectedByTopic: { [UNPARSED_TOPIC]: 1, 'case.event': 3, 'rates.units': 1, 'weather.now': 1 },
      lastError: expect.stringMatching(/^line 9 \(case\.event\): t=1000 is before the previous line's t=2000/),
    });
    expect(warn).toHaveBeenCalledTimes(6);
    expect(warn.mock.calls.map((c) => String(c[0]).match(/line (\d+)/)?.[1])).toEqual(['3', '4', '5', '6', '7', '9']);
    fake.advance(25_000); // play through a loop and more: no further warnings
    expect(warn).toHaveBeenCalledTimes(6);
    expect(rec.folded().events).toEqual(['G1:discover@2000', 'G2:discover@5000']);
    expect(source.getState().status).toBe('playing');
  });

  it('warns through console.warn with the [citywall:recorded] prefix by default, never console.error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await started({ text, logger: undefined });
    expect(warn).toHaveBeenCalledTimes(6);
    expect(warn.mock.calls.every((c) => String(c[0]).startsWith('[citywall:recorded] '))).toBe(true);
    expect(error).not.toHaveBeenCalled();
  });
});

// Keep the Source type honest: the factory's result is usable where a Source is expected.
const _typed: (o: RecordedSourceOptions) => Source = createRecordedSource;
