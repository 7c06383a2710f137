/**
 * The reference feed server: REST and socket.io (data-adapters/feed-contract.ts) on one node:http
 * server, fed by the deterministic LiveStream. Programmatic API for tests and tools; server/main.ts is
 * the CLI.
 *
 * Lifecycle: 'stopped' → start() → 'running' → stop() (orderly) or kill() (abrupt) → 'stopped', and
 * start() again, on the same port (the one actually bound the first time, also when port 0 was asked)
 * and the same origin — hence the same epoch and seqs: clients resume exactly where they were.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { FEED_NAMESPACE } from '../data-adapters/feed-contract';
import type { Topic } from '../data-adapters/schemas';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { createRestHandler, type HttpTestHooks } from './rest';
import { FeedPublisher } from './socket';
import { DEFAULT_RETAIN, LiveStream } from './stream';

export const DEFAULT_PORT = 4400;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_TICK_MS = 50;
/** connectionStateRecovery window: short disconnects are bridged by socket.io itself. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

export interface FeedServerOptions {
  /** Default DEFAULT_PORT; 0 = any free port (kept for restarts). */
  port?: number;
  host?: string;
  /** Generator seed; default DEMO_SEED (the shipped demo recording). */
  seed?: number;
  /** Epoch ms where the stream starts; default now rounded down to the minute. Same origin → same epoch. */
  originTime?: number;
  /** Data ms per real ms; default 1. */
  speed?: number;
  /** Publish period in ms, or 'manual' (tests call tick()). Default DEFAULT_TICK_MS. */
  tick?: number | 'manual';
  /** Messages retained per topic; default DEFAULT_RETAIN. */
  retain?: number;
  /** Real clock, epoch ms; default Date.now. Tests inject one. */
  now?: () => number;
  /** Mount the HTTP test hooks (POST /__test/…). Default false: fault injection is programmatic only. */
  httpTestHooks?: boolean;
}

export type FeedServerState = 'stopped' | 'starting' | 'running' | 'stopping';

export class FeedServer {
  readonly stream: LiveStream;
  readonly host: string;
  private portValue: number;
  private readonly tickSetting: number | 'manual';
  private readonly now: () => number;
  private readonly publisher: FeedPublisher;
  private readonly httpTestHooks: boolean;
  private http: HttpServer | null = null;
  private io: SocketServer | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly connections = new Set<NetSocket>();
  private stateValue: FeedServerState = 'stopped';

  constructor(options: FeedServerOptions = {}) {
    this.now = options.now ?? Date.now;
    const originTime = options.originTime ?? Math.floor(this.now() / 60_000) * 60_000;
    this.stream = new LiveStream({
      seed: options.seed ?? DEMO_SEED,
      originTime,
      speed: options.speed ?? 1,
      retain: options.retain ?? DEFAULT_RETAIN,
    });
    this.host = options.host ?? DEFAULT_HOST;
    this.portValue = options.port ?? DEFAULT_PORT;
    if (!Number.isInteger(this.portValue) || this.portValue < 0 || this.portValue > 65535) throw new Error(`bad port ${this.portValue}`);
    this.tickSetting = options.tick ?? DEFAULT_TICK_MS;
    if (this.tickSetting !== 'manual' && !(this.tickSetting > 0)) throw new Error(`tick must be > 0 ms or 'manual'`);
    this.httpTestHooks = options.httpTestHooks ?? false;
    this.publisher = new FeedPublisher({ stream: this.stream, dataNow: () => this.dataNow() });
  }

  get state(): FeedServerState {
    return this.stateValue;
  }
  get port(): number {
    return this.portValue;
  }
  get url(): string {
    return `http://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.portValue}`;
  }
  get epoch(): string {
    return this.stream.epoch;
  }
  get originTime(): number {
    return this.stream.originTime;
  }

  /** The feed's data clock now. */
  dataNow(): number {
    return this.stream.dataTimeAt(this.now());
  }

  /** Newest published seq of a topic. */
  lastSeq(topic: Topic): number {
    return this.publisher.published(topic);
  }

  /** Publish everything due now (the timer does this every tick; with tick 'manual', tests do). */
  tick(): void {
    this.publisher.tick();
  }

  async start(): Promise<void> {
    if (this.stateValue !== 'stopped') throw new Error(`cannot start: server is ${this.stateValue}`);
    this.stateValue = 'starting';
    // Whatever became due while stopped is not broadcast: resuming clients fetch it by `after`.
    this.publisher.catchUpToNow();
    const http = createServer(
      createRestHandler({
        stream: this.stream,
        publisher: this.publisher,
        dataNow: () => this.dataNow(),
        testHooks: this.httpTestHooks ? this.hooks() : null,
      }),
    );
    http.on('connection', (socket: NetSocket) => {
      this.connections.add(socket);
      socket.on('close', () => this.connections.delete(socket));
    });
    const io = new SocketServer(http, {
      serveClient: false,
      cors: { origin: '*', methods: ['GET', 'POST'] },
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: true },
    });
    this.publisher.attach(io.of(FEED_NAMESPACE));
    try {
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(this.portValue, this.host, () => {
          http.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      this.publisher.attach(null);
      io.close();
      this.stateValue = 'stopped';
      throw err;
    }
    const address = http.address();
    if (address && typeof address === 'object') this.portValue = address.port;
    this.http = http;
    this.io = io;
    if (this.tickSetting !== 'manual') this.timer = setInterval(() => this.publisher.tick(), this.tickSetting);
    this.stateValue = 'running';
  }

  /** Orderly stop: transports are closed (clients see a transport close and reconnect later). */
  async stop(): Promise<void> {
    await this.teardown('orderly');
  }

  /** Abrupt stop, as if the process died: every TCP connection is destroyed first, nothing is said. */
  async kill(): Promise<void> {
    await this.teardown('abrupt');
  }

  /** Fault injection: `event` with `data` (anything, e.g. malformed envelopes) to every client. */
  injectRaw(event: string, data: unknown): void {
    this.publisher.injectRaw(event, data);
  }

  /** Fault injection: n already-published envelopes of `topic` re-sent as fast as possible (duplicates). */
  flood(n: number, topic: Topic = 'case.event'): number {
    return this.publisher.flood(n, topic);
  }

  private async teardown(mode: 'orderly' | 'abrupt'): Promise<void> {
    if (this.stateValue !== 'running') return;
    this.stateValue = 'stopping';
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const { http, io } = this;
    this.http = null;
    this.io = null;
    this.publisher.attach(null);
    if (mode === 'abrupt') for (const socket of this.connections) socket.destroy();
    await new Promise<void>((resolve) => {
      // io.close() closes the engine and then the HTTP listener.
      void io?.close(() => resolve());
      if (!io) resolve();
      // Idle keep-alive connections would hold the listener open.
      http?.closeIdleConnections();
    });
    for (const socket of this.connections) socket.destroy();
    this.connections.clear();
    this.stateValue = 'stopped';
  }

  private hooks(): HttpTestHooks {
    return {
      injectRaw: (event, data) => this.injectRaw(event, data),
      flood: (n, topic) => this.flood(n, topic),
      killAndRestart: (restartAfterMs) => {
        void this.kill().then(() => {
          if (restartAfterMs !== null) setTimeout(() => void this.start().catch(() => undefined), restartAfterMs);
        });
      },
    };
  }
}

/** Create and start a feed server. */
export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const server = new FeedServer(options);
  await server.start();
  return server;
}
