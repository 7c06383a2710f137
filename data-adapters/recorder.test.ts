/**
 * The recorder on its own: it forwards everything unchanged, keeps validated messages with their
 * receiveTime, starts over on a reset, and what it writes the recorded source replays — recording a
 * replay of a file gives back that file's lines byte for byte.
 * (Round trip against the real feed server: recorder.integration.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFakeTicker } from './fake-ticker';
import { createRecordedSource } from './recorded-source';
import { createRecorder, RECORDER_GENERATOR } from './recorder';
import { parseRecording } from './recording';
import type { Message } from './schemas';
import type { Capability, Source, SourceListener, SourceState } from './source';
import { T0, caseEventPayload, ratesPayload } from './test-fixtures';

const quiet = { warn: () => undefined };

/** A hand-driven source: the test calls the listener directly. */
function fakeSource() {
  let listener: SourceListener | null = null;
  const state = (currentTime: number, status: SourceState['status'] = 'playing'): SourceState => ({
    kind: 'live',
    status,
    clock: { startTime: T0, endTime: null, currentTime, speed: 1, loop: false },
    health: { accepted: 0, rejected: 0, rejectedByTopic: {}, lastError: null },
    error: null,
  });
  const source: Source & { played: number } = {
    kind: 'live',
    topics: [],
    capabilities: new Set<Capability>(['playPause']),
    played: 0,
    setListener(l) {
      listener = l;
    },
    start: () => Promise.resolve(),
    close: () => undefined,
    getState: () => state(T0),
    play() {
      this.played += 1;
    },
  };
  return {
    source,
    reset: () => listener?.reset(),
    send: (batch: Message[], backfill = false) => listener?.messages(batch, { backfill }),
    state: (t: number, status?: SourceState['status']) => listener?.state(state(t, status)),
  };
}

const event = (id: string, t: number, seq?: number): Message =>
  ({ topic: 'case.event', receiveTime: t, seq, payload: caseEventPayload(id, 'discover', t) }) as Message;
const rates = (t: number, seq?: number): Message => ({ topic: 'rates.units', receiveTime: t, seq, payload: ratesPayload(t) }) as Message;

function downstream() {
  const got = { resets: 0, batches: [] as { batch: readonly Message[]; backfill: boolean }[], states: 0 };
  const listener: SourceListener = {
    reset: () => void (got.resets += 1),
    messages: (batch, info) => void got.batches.push({ batch, backfill: info.backfill }),
    state: () => void (got.states += 1),
  };
  return { got, listener };
}

describe('createRecorder', () => {
  it('forwards every call unchanged and keeps the messages with their receiveTime, written in time order', () => {
    const f = fakeSource();
    const rec = createRecorder(f.source, { title: '测试 recording' });
    const { got, listener } = downstream();
    rec.source.setListener(listener);
    expect(rec.header()).toBeNull();
    expect(() => rec.toRecording()).toThrow(/nothing was recorded/);

    const first = [rates(T0, 1), event('A', T0 + 1_000, 1)];
    f.send(first, true);
    f.send([event('B', T0 + 3_000, 2)]);
    // A later batch may carry an older message of another topic (e.g. a snapshot fetched late).
    f.send([rates(T0 + 2_000, 2)]);
    f.state(T0 + 9_000);
    expect(got.batches.map((b) => b.backfill)).toEqual([true, false, false]);
    expect(got.batches[0]?.batch).toBe(first); // the very same array: the stores see no difference
    expect(got.states).toBe(1);

    const header = rec.header();
    expect(header).toMatchObject({ startTime: T0, endTime: T0 + 9_000, title: '测试 recording', generator: RECORDER_GENERATOR });
    const parsed = parseRecording(rec.toRecording());
    expect(parsed.rejected).toEqual([]);
    expect(parsed.messages.map((m) => [m.topic, m.receiveTime - T0, m.seq])).toEqual([
      ['rates.units', 0, 1],
      ['case.event', 1_000, 1],
      ['rates.units', 2_000, 2],
      ['case.event', 3_000, 2],
    ]);
    expect(rec.kept).toBe(4);
  });

  it('refuses what the schemas refuse, counted, and never writes it', () => {
    const f = fakeSource();
    const rec = createRecorder(f.source, { title: 't' });
    rec.source.setListener(downstream().listener);
    const bad = { topic: 'case.event', receiveTime: T0, payload: { ...caseEventPayload('X', 'discover', T0), lon: 'east' } } as unknown as Message;
    const unknownTopic = { topic: 'weather.now', receiveTime: T0, payload: {} } as unknown as Message;
    const badTime = { ...event('Y', T0), receiveTime: Number.NaN } as Message;
    f.send([bad, unknownTopic, badTime, event('OK', T0 + 5)]);
    expect(rec.refused).toBe(3);
    expect(rec.kept).toBe(1);
    expect(parseRecording(rec.toRecording()).messages).toHaveLength(1);
  });

  it('a reset after data starts the recording over (the format has no reset marker); the clock only counts while data flows', () => {
    const f = fakeSource();
    const rec = createRecorder(f.source, { title: 't' });
    const { got, listener } = downstream();
    rec.source.setListener(listener);
    f.state(T0 + 99_000); // no data yet: ignored
    f.reset(); // nothing kept yet: not a restart
    f.send([event('A', T0 + 1_000, 1)], true);
    f.state(T0 + 50_000, 'loading'); // an outage: the live clock runs on without data, not recorded time
    expect(rec.header()?.endTime).toBe(T0 + 1_000);
    f.reset();
    f.send([event('B', T0 + 7_000, 1)], true);
    expect(got.resets).toBe(2);
    expect(rec.restarts).toBe(1);
    expect(rec.header()).toMatchObject({ startTime: T0 + 7_000, endTime: T0 + 7_000 });
    expect(parseRecording(rec.toRecording()).messages.map((m) => m.topic === 'case.event' && m.payload.caseId)).toEqual(['B']);
  });

  it('the tapped source keeps the original controls and capabilities; tap() wraps a listener set elsewhere', () => {
    const f = fakeSource();
    const rec = createRecorder(f.source, { title: 't' });
    expect(rec.source.kind).toBe('live');
    expect(rec.source.capabilities.has('playPause')).toBe(true);
    rec.source.play?.();
    expect(f.source.played).toBe(1);
    const { got, listener } = downstream();
    f.source.setListener(rec.tap(listener));
    f.send([event('A', T0)]);
    expect(got.batches).toHaveLength(1);
    expect(rec.kept).toBe(1);
  });

  it('stops keeping at maxMessages and says so', () => {
    const f = fakeSource();
    const rec = createRecorder(f.source, { title: 't', maxMessages: 2 });
    rec.source.setListener(downstream().listener);
    f.send([event('A', T0), event('B', T0 + 1), event('C', T0 + 2)]);
    expect(rec.kept).toBe(2);
    expect(rec.truncated).toBe(true);
  });
});

describe('recording a replay', () => {
  it('of the shipped demo writes the same lines, byte for byte, and the same time range', () => {
    const text = readFileSync('public/recordings/yichang-demo.ndjson', 'utf8');
    const original = parseRecording(text);
    const ticker = createFakeTicker();
    const replay = createRecordedSource({ text, now: ticker.now, schedule: ticker.schedule, loop: false, speed: 64, logger: quiet });
    const rec = createRecorder(replay, { title: original.header.title });
    rec.source.setListener(downstream().listener);
    return rec.source.start().then(() => {
      ticker.advance(Math.ceil((original.header.endTime - original.header.startTime) / 64) + 1_000);
      expect(replay.getState().status).toBe('ended');
      expect(rec.kept).toBe(original.messages.length);
      const written = rec.toRecording().split('\n');
      const source = text.split('\n');
      expect(written.slice(1)).toEqual(source.slice(1)); // every data line, byte for byte
      expect(JSON.parse(written[0] as string)).toMatchObject({
        startTime: original.header.startTime,
        endTime: original.header.endTime,
        title: original.header.title,
        generator: RECORDER_GENERATOR,
      });
    });
  });
});
