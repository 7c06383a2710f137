/**
 * The one contract between the outside world and the wall (after Foxglove Studio's Player).
 * Recorded replay, REST polling and socket.io all implement it; stores cannot tell them apart.
 * Playback controls exist only where `capabilities` says so.
 */
import type { Message, Topic, TopicKind } from './schemas';

export type SourceKind = 'recorded' | 'live';

/** Life cycle of a source, as a string union so every switch over it is exhaustive. */
export type SourceStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'error';

export type Capability = 'playPause' | 'seek' | 'setSpeed' | 'loop';

export interface TopicInfo {
  topic: Topic;
  kind: TopicKind;
}

/** The source's clock, in epoch milliseconds of the data (not of the machine). */
export interface SourceClock {
  /** First instant of the data (a recording's start). */
  startTime: number;
  /** Last instant, when known (a recording's end); null for a live feed. */
  endTime: number | null;
  /** "Now" in the data: what the wall's title bar shows. */
  currentTime: number;
  speed: number;
  loop: boolean;
}

/** What went wrong at the boundary, for the wall's health indicator. */
export interface SourceHealth {
  accepted: number;
  rejected: number;
  rejectedByTopic: Record<string, number>;
  /** The most recent rejection, human-readable, for the log and the indicator's tooltip. */
  lastError: string | null;
}

/**
 * Per-topic freshness, judged by the source on its own clock: 'live' while messages keep coming within
 * the topic's threshold, 'stale' after it (the wall keeps the last good values and shows their as-of
 * time), 'error' when the topic's feed itself fails (HTTP errors, refused payloads only).
 */
export type Freshness = 'live' | 'stale' | 'error';
export interface TopicFreshness {
  freshness: Freshness;
  /** Data time of the newest good message, epoch ms; null before the first. */
  asOf: number | null;
  /** Why it is in error, human-readable. */
  reason: string | null;
}

export interface SourceState {
  kind: SourceKind;
  status: SourceStatus;
  clock: SourceClock;
  health: SourceHealth;
  /** Fatal problem (e.g. the recording could not be loaded); null otherwise. */
  error: string | null;
  /** Live sources judge freshness per topic; a recording's freshness follows its data clock (absent). */
  freshness?: Partial<Record<Topic, TopicFreshness>>;
}

export interface MessageBatchInfo {
  /**
   * True when the batch rebuilds state after a seek or loop (all event messages up to the new time and
   * the latest message of each snapshot topic): stores apply it without animating pings or tickers.
   */
  backfill: boolean;
}

export interface SourceListener {
  /** Called before a backfill: stores drop everything they hold and rebuild from what follows. */
  reset(): void;
  /** Validated messages in time order. */
  messages(batch: readonly Message[], info: MessageBatchInfo): void;
  /** The state changed (clock advanced, status, health). Called at most once per frame-ish tick. */
  state(state: SourceState): void;
}

export interface Source {
  readonly kind: SourceKind;
  readonly topics: readonly TopicInfo[];
  readonly capabilities: ReadonlySet<Capability>;
  /** One listener; setting a new one replaces the old. */
  setListener(listener: SourceListener): void;
  /** Load and begin delivering. Resolves when the first state is known; never rejects (errors go to state). */
  start(): Promise<void>;
  /** Stop timers and release everything. */
  close(): void;
  getState(): SourceState;
  // Playback: only where capabilities include them.
  play?(): void;
  pause?(): void;
  /** Jump to an instant; the listener gets reset() and a backfill that rebuilds state as of that instant. */
  seek?(time: number): void;
  setSpeed?(speed: number): void;
  setLoop?(loop: boolean): void;
}
