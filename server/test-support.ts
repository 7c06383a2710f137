/** Helpers for the feed server's tests: a hand-driven clock, condition waits, a collecting client. */
import { io as connect, type Socket } from 'socket.io-client';
import { FEED_NAMESPACE, SOCKET_EVENTS, type FeedEnvelope, type SubscribeAck } from '../data-adapters/feed-contract';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { demoRecording } from './stream';

/** Origin used by the tests: the recording's own start, so loop 0 is the recording itself. */
export const TEST_ORIGIN = demoRecording(DEMO_SEED).header.startTime;

export class ManualClock {
  constructor(public value: number) {}
  readonly now = (): number => this.value;
  advance(ms: number): void {
    this.value += ms;
  }
}

/** Poll `condition` until true; fails after `timeoutMs` (generous: this is not a timing assertion). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * A socket.io client that subscribes on every (re)connect with `after` = the last seq it received per
 * topic, and records every envelope in arrival order (no dedupe: the tests look for duplicates).
 */
export class CollectingClient {
  readonly socket: Socket;
  readonly received: FeedEnvelope[] = [];
  readonly acks: SubscribeAck[] = [];
  readonly raw: { event: string; args: unknown[] }[] = [];
  epoch: string | undefined;
  readonly last: Record<string, number> = {};

  constructor(
    url: string,
    readonly topics: string[],
    options: { resume?: Record<string, number>; epoch?: string; onRecovered?: 'resubscribe' | 'rely-on-recovery' } = {},
  ) {
    const onRecovered = options.onRecovered ?? 'resubscribe';
    Object.assign(this.last, options.resume ?? {});
    this.epoch = options.epoch;
    this.socket = connect(`${url}${FEED_NAMESPACE}`, {
      transports: ['websocket'],
      reconnectionDelay: 20,
      reconnectionDelayMax: 100,
      forceNew: true,
    });
    this.socket.on('connect', () => {
      if (this.socket.recovered && onRecovered === 'rely-on-recovery') return;
      const hasAfter = Object.keys(this.last).length > 0;
      this.socket.emit(
        SOCKET_EVENTS.subscribe,
        { topics: this.topics, ...(this.epoch ? { epoch: this.epoch } : {}), ...(hasAfter ? { after: { ...this.last } } : {}) },
        (ack: SubscribeAck) => {
          this.acks.push(ack);
          this.epoch = ack.epoch;
          // A topic with nothing received yet starts at the ack's position (what a real client does).
          if (ack.ok) for (const [topic, seq] of Object.entries(ack.lastSeq)) this.last[topic] ??= seq;
        },
      );
    });
    this.socket.on(SOCKET_EVENTS.msg, (env: FeedEnvelope) => this.take([env]));
    this.socket.on(SOCKET_EVENTS.msgs, (batch: FeedEnvelope[]) => this.take(batch));
    this.socket.onAny((event: string, ...args: unknown[]) => this.raw.push({ event, args }));
  }

  private take(envelopes: unknown): void {
    if (!Array.isArray(envelopes)) return;
    for (const env of envelopes as FeedEnvelope[]) {
      if (typeof env?.seq !== 'number') continue;
      this.received.push(env);
      this.last[env.topic] = Math.max(this.last[env.topic] ?? 0, env.seq);
    }
  }

  of(topic: string): FeedEnvelope[] {
    return this.received.filter((e) => e.topic === topic);
  }

  close(): void {
    this.socket.close();
  }
}

/** seqs of the envelopes, for compact assertions. */
export const seqs = (envs: readonly FeedEnvelope[]): number[] => envs.map((e) => e.seq);
export const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
