/**
 * A small in-process feed server for the live source's tests (Node only; never imported by the app):
 * the REST routes and the socket.io namespace of feed-contract.ts on 127.0.0.1, an ephemeral port,
 * with knobs to lose, corrupt, flood and fail. The reference server (server/) is the real thing; this
 * one exists so each failure can be produced on purpose and counted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as IoServer, type Namespace } from 'socket.io';
import { FEED_API_PREFIX, FEED_NAMESPACE, SOCKET_EVENTS, type FeedEnvelope, type SubscribeAck, type SubscribeRequest } from '../feed-contract';
import { TOPICS, isTopic } from '../schemas';

export type RestMode = 'ok' | 'fail' | 'hang';

export interface TestFeedServer {
  readonly url: string;
  epoch: string;
  /** 'fail' answers 503, 'hang' never answers (timeouts). */
  restMode: RestMode;
  /** Replay missed messages on subscribe {after} (like connectionStateRecovery would); default false. */
  replayOnSubscribe: boolean;
  /** Answer a REST path yourself (malformed bodies, odd headers); return null to fall through. */
  override: ((path: string) => { status: number; body: string; headers?: Record<string, string> } | null) | null;
  /** Publish a message; `emit: false` stores it without sending it on the socket (a loss → a gap). */
  publish(topic: string, payload: unknown, options?: { time?: number; emit?: boolean }): FeedEnvelope;
  /** Send anything on the socket to every subscriber, as 'msg' or 'msgs'. */
  emitRaw(event: 'msg' | 'msgs', data: unknown): void;
  /** Start a new epoch: sequence numbers restart, history is dropped. */
  newEpoch(epoch: string): void;
  /** Forget history up to and including `seq` of `topic` (firstSeq moves past it). */
  forget(topic: string, seq: number): void;
  disconnectAll(): void;
  /** Refuse socket.io connections (the namespace rejects them) while true. */
  refuseSockets: boolean;
  readonly subscribes: SubscribeRequest[];
  readonly requests: string[];
  readonly notModified: number;
  close(): Promise<void>;
}

export async function startTestFeedServer(options: { epoch?: string } = {}): Promise<TestFeedServer> {
  const http: Server = createServer();
  const io = new IoServer(http, { cors: { origin: '*' }, maxHttpBufferSize: 64 * 1024 * 1024 });
  const ns: Namespace = io.of(FEED_NAMESPACE);
  const history = new Map<string, FeedEnvelope[]>();
  const firstSeq = new Map<string, number>();
  const subscribes: SubscribeRequest[] = [];
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();

  const api = {
    url: '',
    epoch: options.epoch ?? 'e1',
    restMode: 'ok' as RestMode,
    replayOnSubscribe: false,
    refuseSockets: false,
    override: null as TestFeedServer['override'],
    subscribes,
    requests,
    notModified: 0,
  };

  const lastSeq = (topic: string): number => history.get(topic)?.at(-1)?.seq ?? 0;

  ns.use((_socket, next) => (api.refuseSockets ? next(new Error('refused by test')) : next()));
  ns.on('connection', (socket) => {
    socket.on(SOCKET_EVENTS.subscribe, (req: SubscribeRequest, ack: (a: SubscribeAck) => void) => {
      subscribes.push(req);
      const topics = (req.topics ?? []).filter((t) => isTopic(t));
      for (const t of topics) void socket.join(t);
      const last: Record<string, number> = {};
      for (const t of topics) last[t] = lastSeq(t);
      ack({ ok: true, epoch: api.epoch, lastSeq: last });
      if (api.replayOnSubscribe && req.epoch === api.epoch && req.after) {
        const missed: FeedEnvelope[] = [];
        for (const t of topics) for (const m of history.get(t) ?? []) if (m.seq > (req.after[t] ?? 0)) missed.push(m);
        if (missed.length > 0) socket.emit(SOCKET_EVENTS.msgs, missed);
      }
    });
  });

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(FEED_API_PREFIX)) return; // socket.io handles its own path
    const path = url.pathname.slice(FEED_API_PREFIX.length);
    requests.push(path + url.search);
    if (api.restMode === 'hang') {
      hanging.add(res);
      return;
    }
    if (api.restMode === 'fail') return send(res, 503, { error: 'down' });
    const custom = api.override?.(path + url.search) ?? null;
    if (custom) {
      res.writeHead(custom.status, { 'content-type': 'application/json', ...(custom.headers ?? {}) });
      res.end(custom.body);
      return;
    }
    if (path === '/topics') {
      return send(res, 200, {
        epoch: api.epoch,
        time: Date.now(),
        topics: Object.keys(TOPICS).map((t) => ({ topic: t, kind: TOPICS[t as keyof typeof TOPICS].kind, lastSeq: lastSeq(t) })),
      });
    }
    const snap = /^\/snapshot\/([^/]+)$/.exec(path);
    if (snap) {
      const topic = decodeURIComponent(snap[1] as string);
      const latest = history.get(topic)?.at(-1);
      if (!latest) return send(res, 404, { error: 'none' });
      const etag = `"${latest.epoch}:${latest.seq}"`;
      if (req.headers['if-none-match'] === etag) {
        api.notModified += 1;
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      return send(res, 200, latest, { etag });
    }
    const ev = /^\/events\/([^/]+)$/.exec(path);
    if (ev) {
      const topic = decodeURIComponent(ev[1] as string);
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Math.min(5000, Number(url.searchParams.get('limit') ?? 1000));
      const all = history.get(topic) ?? [];
      return send(res, 200, {
        topic,
        epoch: api.epoch,
        lastSeq: lastSeq(topic),
        firstSeq: firstSeq.get(topic) ?? 1,
        messages: all.filter((m) => m.seq > after).slice(0, limit),
      });
    }
    send(res, 404, { error: 'no route' });
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  return Object.assign(api, {
    publish(topic: string, payload: unknown, opts: { time?: number; emit?: boolean } = {}): FeedEnvelope {
      const list = history.get(topic) ?? [];
      history.set(topic, list);
      const env: FeedEnvelope = { topic, seq: lastSeq(topic) + 1, epoch: api.epoch, time: opts.time ?? Date.now(), payload };
      list.push(env);
      if (opts.emit !== false) ns.to(topic).emit(SOCKET_EVENTS.msg, env);
      return env;
    },
    emitRaw(event: 'msg' | 'msgs', data: unknown) {
      ns.emit(event, data);
    },
    newEpoch(epoch: string) {
      api.epoch = epoch;
      history.clear();
      firstSeq.clear();
    },
    forget(topic: string, seq: number) {
      history.set(topic, (history.get(topic) ?? []).filter((m) => m.seq > seq));
      firstSeq.set(topic, seq + 1);
    },
    disconnectAll() {
      ns.disconnectSockets(true);
    },
    async close() {
      for (const res of hanging) res.destroy();
      ns.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  }) as TestFeedServer;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
