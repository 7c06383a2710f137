/**
 * The recorder: taps any Source and writes what it delivered as a citywall recording
 * (docs/recording-format.md) that the recorded source replays.
 *
 *   const rec = createRecorder(liveSource, { title: '宜昌 实时 2026-11-26 上午' });
 *   connectSource(rec.source, stores);      // the tapped source: same contract, same stores
 *   await rec.source.start(); … rec.source.close();
 *   writeFileSync(out, rec.toRecording());
 *
 * `rec.source` is the original source with its listener teed: every call reaches the downstream
 * listener exactly as before (the stores cannot tell), and the recorder keeps a copy of each message.
 * For a source whose listener is set elsewhere, `rec.tap(listener)` returns the teed listener instead.
 *
 * What is kept, and why:
 * - Every delivered message, re-validated with the topic schemas (a recorder may tap a source it does
 *   not own; a recording must only hold what the recorded source will accept), stamped with its
 *   receiveTime — for the live source the feed's data time, so a replay puts each message at the same
 *   instant of data time as it was live. Refused ones are counted, never written.
 * - Backfill batches too: the picture a live source starts from (snapshots, the event tail) is part
 *   of the state the stores held, and a replay from the recording's start must rebuild it.
 * - A reset() after messages were kept (a live resync on a new epoch, a recorded source's seek or loop)
 *   starts the recording over: the format has no reset marker, and folding two numberings (or the same
 *   data twice) into one file would replay a state the stores never held. `restarts` counts them.
 * Header times come from what was seen: startTime = the oldest receiveTime kept; endTime = the newest
 * data instant seen, i.e. the later of the newest receiveTime and the source clock of the last
 * 'playing' (or paused/ended) state (a quiet tail at the end is part of what was recorded).
 * Lines are written in receiveTime order (stable: equal times keep delivery order), which the format
 * requires and the replay follows.
 */
import { MAX_MESSAGE_BYTES, validateMessage, type Message } from './schemas';
import type { Source, SourceListener, SourceState } from './source';
import {
  RECORDING_FORMAT,
  RECORDING_VERSION,
  serializeRecording,
  toRecordingLines,
  type RecordingHeader,
} from './recording';

export const RECORDER_GENERATOR = 'citywall data-adapters/recorder v1';
/** Messages kept at most by default (hours of a busy city feed; bounded memory); beyond, `truncated`. */
export const DEFAULT_MAX_MESSAGES = 2_000_000;

export interface RecorderOptions {
  /** The recording's title (header `title`, at most 200 characters). */
  title: string;
  /** Messages kept at most; later ones are dropped and `truncated` is set (default DEFAULT_MAX_MESSAGES). */
  maxMessages?: number;
}

export interface RecorderStats {
  /** Messages kept (since the last restart). */
  readonly kept: number;
  /** Messages refused by the schemas or the line size limit (never written). */
  readonly refused: number;
  /** reset() calls that discarded what had been kept. */
  readonly restarts: number;
  readonly truncated: boolean;
}

export interface Recorder extends RecorderStats {
  /** The tapped source: pass it wherever the original source would go. */
  readonly source: Source;
  /** A listener that records and forwards to `downstream` (when given): for sources wired elsewhere. */
  tap(downstream?: SourceListener | null): SourceListener;
  /** The header the recording would have now; null while nothing was kept. */
  header(): RecordingHeader | null;
  /** The recording so far as NDJSON text. Throws if nothing was kept (a recording needs a time range). */
  toRecording(): string;
}

interface Kept {
  message: Message;
  /** Delivery order, the tie-break of the stable time sort. */
  order: number;
}

export function createRecorder(source: Source, options: RecorderOptions): Recorder {
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
  const title = options.title.slice(0, 200);
  let kept: Kept[] = [];
  let order = 0;
  let refused = 0;
  let restarts = 0;
  let truncated = false;
  let newestClock: number | null = null;

  function keep(batch: readonly Message[]): void {
    for (const m of batch) {
      // Re-validated (see header). validateMessage returns a parsed copy, so later mutation of the
      // source's objects (none of ours do it) cannot change what is written.
      const v = validateMessage(m.topic, m.payload, m.receiveTime, m.seq);
      if (!v.ok || !Number.isSafeInteger(m.receiveTime) || m.receiveTime < 0 || lineTooLong(v.message)) {
        refused += 1;
        continue;
      }
      if (kept.length >= maxMessages) {
        truncated = true;
        continue;
      }
      kept.push({ message: v.message, order: order++ });
    }
  }

  function noteState(state: SourceState): void {
    // A live source's clock keeps running from the newest data through an outage ('loading', 'error'):
    // only a clock that stands for delivered data extends the recording.
    if (kept.length === 0 || !(state.status === 'playing' || state.status === 'paused' || state.status === 'ended')) return;
    const t = Math.floor(state.clock.currentTime);
    if (Number.isSafeInteger(t) && (newestClock === null || t > newestClock)) newestClock = t;
  }

  function tap(downstream?: SourceListener | null): SourceListener {
    return {
      reset() {
        if (kept.length > 0) {
          restarts += 1;
          kept = [];
          newestClock = null;
          truncated = false;
        }
        downstream?.reset();
      },
      messages(batch, info) {
        keep(batch);
        downstream?.messages(batch, info);
      },
      state(state) {
        noteState(state);
        downstream?.state(state);
      },
    };
  }

  function sorted(): Message[] {
    // Stable by (receiveTime, delivery order); Array.prototype.sort is stable, the order key makes it explicit.
    return kept
      .slice()
      .sort((a, b) => a.message.receiveTime - b.message.receiveTime || a.order - b.order)
      .map((k) => k.message);
  }

  function header(): RecordingHeader | null {
    if (kept.length === 0) return null;
    let start = Infinity;
    let end = -Infinity;
    for (const { message } of kept) {
      if (message.receiveTime < start) start = message.receiveTime;
      if (message.receiveTime > end) end = message.receiveTime;
    }
    if (newestClock !== null && newestClock > end) end = newestClock;
    return { format: RECORDING_FORMAT, version: RECORDING_VERSION, startTime: start, endTime: end, title, generator: RECORDER_GENERATOR };
  }

  // The tapped source: the original object's own methods, with setListener teed. A Proxy would also
  // forward optional controls (play, seek) exactly as the original offers them, capabilities included.
  const tapped = new Proxy(source, {
    get(target, prop, receiver) {
      if (prop === 'setListener') return (listener: SourceListener) => target.setListener(tap(listener));
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

  return {
    source: tapped,
    tap,
    header,
    toRecording() {
      const h = header();
      if (!h) throw new Error('nothing was recorded: the source delivered no valid message');
      return serializeRecording(h, toRecordingLines(h, sorted()));
    },
    get kept() {
      return kept.length;
    },
    get refused() {
      return refused;
    },
    get restarts() {
      return restarts;
    },
    get truncated() {
      return truncated;
    },
  };
}

/** A line the writer would refuse (over MAX_MESSAGE_BYTES): refused here instead of failing the whole file. */
function lineTooLong(m: Message): boolean {
  const text = JSON.stringify(m.payload);
  // UTF-8 is at most 3 bytes per UTF-16 unit; the envelope adds well under 200 bytes.
  return text.length * 3 + 200 > MAX_MESSAGE_BYTES && new TextEncoder().encode(text).length + 200 > MAX_MESSAGE_BYTES;
}
