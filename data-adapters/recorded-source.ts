/**
 * The recorded source: replays a citywall recording (docs/recording-format.md) through the Source
 * contract, with play/pause, seek, speed and loop. It is the one replay player of lesson 2: the
 * recording (MessageIndex) only yields messages in time order and backfills; this module owns the
 * clock, speed, loop and seek.
 *
 * Delivery contract:
 * - On start the clock stands at startTime and the messages at t=0 arrive as an ordinary batch.
 * - On each tick, every message with receiveTime in (time delivered so far, current time] arrives as one
 *   batch `{backfill:false}`, then one state().
 * - seek(time): reset(), then one `{backfill:true}` batch that rebuilds state as of `time` (all event
 *   messages ≤ time, the latest message ≤ time of each snapshot topic), then state().
 * - At endTime: the remaining messages arrive, then with loop on it behaves as seek(startTime) and keeps
 *   playing; with loop off the status becomes 'ended'.
 * - A listener set while data is loaded gets reset() + a backfill to the current time, so it never
 *   starts from a partial picture.
 * A listener that throws does not break the player: the error is rethrown asynchronously (as DOM
 * EventTarget does) so it still surfaces on the console, and delivery to the next call goes on.
 */
import { createListenerCaller } from './listener-call';
import { createConsoleLogger, type Logger } from './log';
import { MessageIndex } from './message-index';
import { ReplayClock, clampSpeed, type ClockStep, type Now, type Schedule } from './replay-clock';
import { parseRecording, type ParsedRecording, type RejectedLine } from './recording';
import { TOPICS, type Topic } from './schemas';
import type {
  Capability,
  Source,
  SourceHealth,
  SourceState,
  SourceStatus,
  TopicInfo,
} from './source';

export interface RecordedSourceOptions {
  /** Where to fetch the recording (e.g. '/recordings/demo.ndjson'); ignored when `text` is given. */
  url?: string;
  /** The recording itself (tests, or a file the shell already read). */
  text?: string;
  fetchImpl?: typeof fetch;
  now?: Now;
  schedule?: Schedule;
  /** Tick period in ms (default 100). */
  tickMs?: number;
  /** Start playing once loaded (default true); otherwise 'paused' at startTime. */
  autoplay?: boolean;
  /** Wrap to the start at the end (default true: the demo wall loops unattended). */
  loop?: boolean;
  /** Replay speed, clamped to [MIN_SPEED, MAX_SPEED] (default 1). */
  speed?: number;
  logger?: Logger;
}

/** At most this many rejected lines are logged one by one; the rest are summarised in one warning. */
export const MAX_LOGGED_REJECTIONS = 200;

const CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>(['playPause', 'seek', 'setSpeed', 'loop']);
const ALL_TOPICS: readonly TopicInfo[] = (Object.keys(TOPICS) as Topic[]).map((topic) => ({ topic, kind: TOPICS[topic].kind }));

type Phase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; index: MessageIndex; clock: ReplayClock }
  | { kind: 'error'; message: string }
  | { kind: 'closed' };

export function createRecordedSource(options: RecordedSourceOptions): Source {
  const logger = options.logger ?? createConsoleLogger('[citywall:recorded]');
  let phase: Phase = { kind: 'idle' };
  let wantPlaying = options.autoplay ?? true;
  let speed = Number.isFinite(options.speed) ? clampSpeed(options.speed as number) : 1;
  let loop = options.loop ?? true;
  /** Index of the next message not yet delivered. */
  let nextIndex = 0;
  let health: SourceHealth = { accepted: 0, rejected: 0, rejectedByTopic: {}, lastError: null };
  let startPromise: Promise<void> | null = null;

  function status(): SourceStatus {
    switch (phase.kind) {
      case 'idle':
      case 'closed':
        return 'idle';
      case 'loading':
        return 'loading';
      case 'error':
        return 'error';
      case 'ready':
        switch (phase.clock.mode) {
          case 'running':
            return 'playing';
          case 'paused':
            return 'paused';
          case 'ended':
            return 'ended';
          default:
            return assertNever(phase.clock.mode);
        }
      default:
        return assertNever(phase);
    }
  }

  function getState(): SourceState {
    const clock =
      phase.kind === 'ready'
        ? { startTime: phase.clock.startTime, endTime: phase.clock.endTime, currentTime: phase.clock.time, speed, loop }
        : { startTime: 0, endTime: null, currentTime: 0, speed, loop };
    return {
      kind: 'recorded',
      status: status(),
      clock,
      health: { ...health, rejectedByTopic: { ...health.rejectedByTopic } },
      error: phase.kind === 'error' ? phase.message : null,
    };
  }

  const { call, emitMessages, ...listeners } = createListenerCaller();
  const emitState = (): void => listeners.emitState(getState());

  /** Deliver everything not yet delivered with receiveTime ≤ time, as one ordinary batch. */
  function deliverThrough(index: MessageIndex, time: number): void {
    const end = index.upperBound(time);
    if (end <= nextIndex) return;
    const batch = index.slice(nextIndex, end);
    nextIndex = end;
    emitMessages(batch, { backfill: false });
  }

  /** reset() and one backfill batch that rebuilds the state as of `time`. */
  function rebuildAt(index: MessageIndex, time: number): void {
    nextIndex = index.upperBound(time);
    call((l) => l.reset());
    emitMessages(index.backfill(time), { backfill: true });
  }

  function applyStep(ready: Extract<Phase, { kind: 'ready' }>, step: ClockStep): void {
    const { index, clock } = ready;
    switch (step.kind) {
      case 'advanced':
        deliverThrough(index, step.to);
        return;
      case 'wrapped':
        deliverThrough(index, clock.endTime);
        rebuildAt(index, clock.startTime);
        return;
      case 'ended':
        deliverThrough(index, clock.endTime);
        return;
      default:
        assertNever(step);
    }
  }

  /** Bring delivery up to the clock's real-time position (before any control, and on every tick). */
  function catchUp(ready: Extract<Phase, { kind: 'ready' }>): void {
    applyStep(ready, ready.clock.advance());
  }

  function onTick(): void {
    if (phase.kind !== 'ready') return;
    catchUp(phase);
    emitState();
  }

  // A function, not an inline test: close() may run during load()'s awaits, which narrowing cannot see.
  const isClosed = (): boolean => phase.kind === 'closed';

  async function load(): Promise<void> {
    phase = { kind: 'loading' };
    emitState();
    let parsed: ParsedRecording;
    try {
      parsed = parseRecording(await readText());
    } catch (err) {
      if (isClosed()) return; // close() ran while loading
      // RecordingFormatError (bad header) and fetch failures both carry a message meant for people.
      const message = err instanceof Error ? err.message : String(err);
      phase = { kind: 'error', message };
      logger.warn(`could not load the recording: ${message}`);
      emitState();
      return;
    }
    if (isClosed()) return;

    health = healthOf(parsed);
    logRejections(parsed.rejected);
    const index = new MessageIndex(parsed.messages);
    const clock = new ReplayClock({
      startTime: parsed.header.startTime,
      endTime: parsed.header.endTime,
      speed,
      loop,
      now: options.now,
      schedule: options.schedule,
      tickMs: options.tickMs,
      onTick,
    });
    phase = { kind: 'ready', index, clock };
    nextIndex = 0;
    deliverThrough(index, clock.startTime);
    if (wantPlaying) clock.play();
    emitState();
  }

  async function readText(): Promise<string> {
    if (options.text !== undefined) return options.text;
    if (!options.url) throw new Error('no recording given (neither url nor text)');
    const fetchFn = options.fetchImpl ?? globalThis.fetch;
    let res: Response;
    try {
      res = await fetchFn(options.url);
    } catch (err) {
      throw new Error(`could not fetch ${options.url}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!res.ok) throw new Error(`could not fetch ${options.url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    return res.text();
  }

  function logRejections(rejected: readonly RejectedLine[]): void {
    const shown = rejected.slice(0, MAX_LOGGED_REJECTIONS);
    for (const r of shown) logger.warn(`skipped line ${r.line} (${r.topic}): ${r.reason}`);
    if (rejected.length > shown.length) {
      logger.warn(`… and ${rejected.length - shown.length} more skipped lines (${rejected.length} in all)`);
    }
  }

  return {
    kind: 'recorded',
    topics: ALL_TOPICS,
    capabilities: CAPABILITIES,

    setListener(next) {
      listeners.setListener(next);
      if (phase.kind === 'ready') {
        phase.clock.advance(); // no catch-up delivery: the rebuild below replaces it
        rebuildAt(phase.index, phase.clock.time);
      }
      emitState();
    },

    start() {
      if (startPromise) return startPromise;
      if (phase.kind === 'closed') return Promise.resolve();
      // load() catches its own failures; the final catch only guards the "never rejects" promise.
      startPromise = load().catch((err: unknown) => {
        logger.warn(`unexpected failure while starting: ${err instanceof Error ? err.message : String(err)}`);
      });
      return startPromise;
    },

    close() {
      if (phase.kind === 'ready') phase.clock.dispose();
      phase = { kind: 'closed' };
      listeners.setListener(null);
    },

    getState,

    play() {
      wantPlaying = true;
      if (phase.kind !== 'ready') return;
      const { clock, index } = phase;
      if (clock.mode === 'running') return;
      // Playing from the end starts over, as a media player does.
      if (clock.time >= clock.endTime) rebuildAt(index, clock.seek(clock.startTime));
      clock.play();
      emitState();
    },

    pause() {
      wantPlaying = false;
      if (phase.kind !== 'ready' || phase.clock.mode !== 'running') return;
      catchUp(phase);
      phase.clock.pause();
      emitState();
    },

    seek(time) {
      if (phase.kind !== 'ready') return;
      rebuildAt(phase.index, phase.clock.seek(time));
      emitState();
    },

    setSpeed(next) {
      if (!Number.isFinite(next)) return;
      speed = clampSpeed(next);
      if (phase.kind === 'ready') {
        catchUp(phase); // the time so far counts at the old speed
        phase.clock.setSpeed(speed);
      }
      emitState();
    },

    setLoop(next) {
      loop = next;
      if (phase.kind === 'ready') {
        catchUp(phase);
        phase.clock.setLoop(next);
      }
      emitState();
    },
  };
}

function healthOf(parsed: ParsedRecording): SourceHealth {
  const rejectedByTopic: Record<string, number> = {};
  for (const r of parsed.rejected) rejectedByTopic[r.topic] = (rejectedByTopic[r.topic] ?? 0) + 1;
  const last = parsed.rejected[parsed.rejected.length - 1];
  return {
    accepted: parsed.messages.length,
    rejected: parsed.rejected.length,
    rejectedByTopic,
    lastError: last ? `line ${last.line} (${last.topic}): ${last.reason}` : null,
  };
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
