/**
 * The presenter hub: one Node process per wall (or several behind one Redis) that serves the built app,
 * pairs remotes, holds the control lock, owns the master clock and the tour playback, runs the briefing
 * alert queue and writes the audit log. Contract: src/presenter/protocol.ts. CLI: server/hub/main.ts.
 * Operator documentation: docs/presenter.md.
 *
 * Every change of what the wall shows goes the same way: the hub stamps a ClockCommand with the master
 * instant it applies at (now + leadMs, or a tour step's exact end) and broadcasts it to the walls' room
 * (the Redis adapter fans it out to the walls of every hub), then updates HubState (rev + 1) and
 * broadcasts that to walls and remotes. Walls never switch by themselves while on a hub.
 *
 * Several hubs: state is replicated with serverSideEmit (highest rev wins, ties by hubId), so a client
 * that fails over to another hub sees the current state at once. One hub runs the tour timer (the last
 * one that moved the tour); every hub heartbeats, and when the tour's hub falls silent for
 * peerTimeoutMs another (the lowest hubId alive) takes the tour over.
 */
import { randomBytes, randomInt, randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { Server as SocketServer, type Namespace, type Socket } from 'socket.io';
import type { ClockCommand, WallAction } from '../../electron/bridge-types';
import { MasterClock } from '../../electron/shared-clock';
import { SCENE_LIST, SCENES, DEFAULT_SCENE_ID } from '../../scenes';
import { AUTO_TOUR_ID, TOURS } from '../../scenes/tours';
import {
  alertSchema,
  auditEntrySchema,
  HUB_EVENTS,
  HUB_REMOTE_NS,
  HUB_WALL_NS,
  REMOTE_PAGE_PATH,
  remoteCommandSchema,
  wallReportSchema,
  type AuditEntry,
  type CommandAck,
  type FocusTarget,
  type HubState,
  type PairingInfo,
  type PairReply,
  type PairRequest,
  type RemoteCommand,
  type Toast,
  type WallReport,
} from '../../src/presenter/protocol';
import {
  decideAlert,
  emptyAlertQueue,
  hubAlerts,
  receiveAlert,
  setBriefing,
  type AlertEffect,
  type AlertQueueState,
} from '../../src/briefing/alert-queue';
import {
  advance,
  currentStep,
  nextIndex,
  pauseTour,
  resumeTour,
  startTour,
  stepEndsAt,
  stepTo,
  type TourPlayback,
} from '../../src/tour/runner';
import type { Tour } from '../../src/tour/schema';
import { AuditLog } from './audit-log';
import { applyControl, loseControl, NOT_IN_CONTROL, type ControlLock, type ControlResult, type Presenter } from './control';
import { createHttpHandler } from './http-api';
import { hubOrigins, isLoopbackAddress, localBaseUrl, publicBaseUrl } from './origins';
import { PairingDesk } from './pairing';
import { connectRedis, type RedisLink } from './redis-link';
import { signToken, verifyToken, type TokenClaims } from './tokens';

export interface HubOptions {
  /** Interface to bind; default 127.0.0.1. '0.0.0.0' (--lan) lets phones on the LAN in. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** Serve the built app (index.html, remote.html, assets) from here; omit for no static files. */
  distDir?: string;
  /** Walls not on loopback must present it in their handshake auth {wallKey}; loopback walls need none. */
  wallKey?: string;
  /** HMAC secret for remote tokens; default random per start. Hubs behind one Redis must share it. */
  secret?: string;
  /** Remote token lifetime; default 8 h. */
  tokenTtlMs?: number;
  /** Pairing code rotation; default 5 min (and after every pairing). */
  codeTtlMs?: number;
  /** Origins besides the hub's own that may pair and connect (e.g. a vite preview). */
  extraOrigins?: string[];
  /** Tours' holdSeconds × this (fast-clock tests); default 1. */
  dwellScale?: number;
  /** How far ahead of now a command applies (ms); default 300. */
  leadMs?: number;
  /** Start this tour at boot (demo). */
  tourId?: string;
  /** Scale out / failover: share state and broadcasts with every hub on this Redis. */
  redisUrl?: string;
  /** Default a random id; unique per hub behind one Redis. */
  hubId?: string;
  /** Append the audit log here as JSON lines; default none. */
  auditFile?: string;
  /** A controller disconnected longer than this loses control; default 60 s. */
  controlGraceMs?: number;
  /** Several hubs: heartbeat period and how long a silent hub counts as alive; default 1 s and 3 s. */
  heartbeatMs?: number;
  peerTimeoutMs?: number;
  /** Tours by id; default scenes/tours (TOURS). */
  tours?: Readonly<Record<string, Tour>>;
  /** Master clock (epoch ms); default Date.now. Tests inject one. */
  now?: () => number;
  /** Where errors go; default console.error. */
  logError?: (message: string) => void;
}

export interface Hub {
  /** A URL this machine reaches the hub at (http://127.0.0.1:<port> with --lan). */
  url: string;
  /** The URL a phone or another PC uses (the first LAN address with --lan). */
  publicUrl: string;
  port: number;
  hubId: string;
  /** Origins allowed to pair and connect. */
  origins: string[];
  state(): HubState;
  pairing(): PairingInfo;
  /** ClockCommands this hub scheduled (the last 1000), oldest first. */
  commands: ClockCommand[];
  /** Recent audit entries (the last 500), oldest first. */
  audit: AuditEntry[];
  /** Resolves when the audit file has every entry appended so far. */
  flushAudit(): Promise<void>;
  /** Other hubs on the same Redis heard from recently (empty without Redis). */
  peers(): string[];
  close(): Promise<void>;
}

export const DEFAULT_LEAD_MS = 300;
export const DEFAULT_TOKEN_TTL_MS = 8 * 3600_000;
export const DEFAULT_CODE_TTL_MS = 5 * 60_000;
export const DEFAULT_CONTROL_GRACE_MS = 60_000;
const COMMAND_MEMORY = 1000;
/** Wall reports that only move the data clock are batched into one state broadcast per this period. */
const REPORT_COMMIT_MS = 2000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What hubs behind one Redis tell each other (serverSideEmit). */
interface SyncMessage {
  from: string;
  state: HubState;
  playback: TourPlayback | null;
  tourOwner: string | null;
  queue: AlertQueueState;
  briefingForced: boolean | null;
  walls: HubState['walls'];
}
interface BeatMessage {
  from: string;
  walls: HubState['walls'];
}
const SYNC_EVENT = 'hub:sync';
const BEAT_EVENT = 'hub:beat';
const BYE_EVENT = 'hub:bye';
/** A starting hub asks the others for the wall's state (ack: SyncMessage), so it joins rather than resets it. */
const HELLO_EVENT = 'hub:hello';

type Actor = { kind: 'remote'; presenter: Presenter } | { kind: 'wall'; wallId: string };

function actorName(a: Actor): string {
  return a.kind === 'remote' ? a.presenter.name : `墙 ${a.wallId}`;
}

function clientRoom(clientId: string): string {
  return `client:${clientId}`;
}

function clampTimer(ms: number): number {
  return Math.min(Math.max(0, ms), MAX_TIMER_MS);
}

function sameKey(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  // Hash both so the comparison is constant time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function reply(ack: unknown, value: CommandAck): void {
  if (typeof ack === 'function') (ack as (v: CommandAck) => void)(value);
}

function isNewer(a: HubState, b: HubState): boolean {
  return a.rev > b.rev || (a.rev === b.rev && a.hubId > b.hubId);
}

function describeAction(action: WallAction): { what: string; detail: string } {
  switch (action.kind) {
    case 'scene': {
      const title = SCENES[action.sceneId]?.title ?? action.sceneId;
      const hl = action.highlight ? ` 突出 ${action.highlight.panelId ?? action.highlight.unitId ?? ''}` : '';
      return { what: 'scene', detail: `场景 ${title} (${action.sceneId})${action.camera ? ' 镜头飞行' : ''}${hl}` };
    }
    case 'blackout':
      return { what: 'blackout', detail: action.on ? '黑屏' : '取消黑屏' };
    case 'focus': {
      const t = action.target;
      const detail = !t ? '取消聚焦' : t.type === 'unit' ? `聚焦单位 ${t.unitId}` : t.type === 'alarm' ? `聚焦告警 ${t.alarmId}` : `聚焦面板 ${t.panelId}`;
      return { what: 'focus', detail };
    }
    case 'banner':
      return { what: 'banner', detail: action.alert ? `横幅 ${action.alert.title} [${action.alert.id}]` : '撤下横幅' };
    case 'play':
      return { what: 'playback', detail: '播放' };
    case 'pause':
      return { what: 'playback', detail: '暂停' };
    case 'speed':
      return { what: 'playback', detail: `速度 ×${action.speed}` };
    case 'seek':
      return { what: 'playback', detail: `跳转到 ${new Date(action.dataTime).toISOString()}` };
    case 'camera':
      return { what: 'camera', detail: '镜头' };
    case 'mark':
      return { what: 'mark', detail: action.label };
  }
}

class PresenterHub implements Hub {
  url = '';
  publicUrl = '';
  port = 0;
  readonly hubId: string;
  origins: string[] = [];
  readonly commands: ClockCommand[] = [];

  private readonly now: () => number;
  private readonly host: string;
  private readonly leadMs: number;
  private readonly dwellScale: number;
  private readonly tokenTtlMs: number;
  private readonly graceMs: number;
  private readonly heartbeatMs: number;
  private readonly peerTimeoutMs: number;
  private readonly secret: string | Buffer;
  private readonly tours: Readonly<Record<string, Tour>>;
  private readonly clock: MasterClock;
  private readonly desk: PairingDesk;
  private readonly auditLog: AuditLog;
  private readonly logError: (m: string) => void;
  private allowed = new Set<string>();

  private http: HttpServer | null = null;
  private io: SocketServer | null = null;
  private wallNs!: Namespace;
  private remoteNs!: Namespace;
  private redis: RedisLink | null = null;
  private readonly connections = new Set<NetSocket>();

  private st: HubState;
  private playback: TourPlayback | null = null;
  private tourOwner: string | null = null;
  private queue: AlertQueueState = emptyAlertQueue();
  private briefingForced: boolean | null = null;
  /** Walls connected to this hub, by wallId (from their reports), and the reports themselves. */
  private readonly localWalls = new Map<string, { lastSeen: number; report: WallReport }>();
  private readonly wallOfSocket = new Map<string, string>();
  /** Sockets per paired client on this hub (a presenter may have the remote open twice). */
  private readonly remotesHere = new Map<string, number>();
  private readonly peerHubs = new Map<string, { lastBeat: number; walls: HubState['walls'] }>();
  private nextCommandId: number;
  private startedAt = 0;
  private controllerMissingSince: number | null = null;
  private presenceCheckInFlight = false;
  private reportDirty = false;

  private tourTimer: ReturnType<typeof setTimeout> | null = null;
  private codeTimer: ReturnType<typeof setTimeout> | null = null;
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private graceTimer: ReturnType<typeof setInterval> | null = null;
  private beatTimer: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(private readonly opts: HubOptions) {
    this.now = opts.now ?? Date.now;
    this.host = opts.host ?? '127.0.0.1';
    this.leadMs = opts.leadMs ?? DEFAULT_LEAD_MS;
    this.dwellScale = opts.dwellScale ?? 1;
    if (!(this.dwellScale > 0)) throw new Error(`dwellScale must be > 0, got ${this.dwellScale}`);
    this.tokenTtlMs = opts.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
    this.graceMs = opts.controlGraceMs ?? DEFAULT_CONTROL_GRACE_MS;
    this.heartbeatMs = opts.heartbeatMs ?? 1000;
    this.peerTimeoutMs = opts.peerTimeoutMs ?? 3000;
    this.secret = opts.secret ?? randomBytes(32);
    this.tours = opts.tours ?? TOURS;
    this.hubId = opts.hubId ?? `hub-${randomBytes(4).toString('hex')}`;
    this.logError = opts.logError ?? ((m) => console.error(m));
    this.clock = new MasterClock(this.now, this.leadMs);
    this.desk = new PairingDesk(this.now, opts.codeTtlMs ?? DEFAULT_CODE_TTL_MS);
    this.auditLog = new AuditLog(opts.auditFile, this.logError);
    // Command ids must not collide between hubs (walls drop an id they have seen): each hub counts up
    // from its own random base.
    this.nextCommandId = randomInt(1, 2 ** 47);
    if (opts.tourId !== undefined && !this.tours[opts.tourId]) {
      throw new Error(`unknown tour "${opts.tourId}" (tours: ${Object.keys(this.tours).join(', ')})`);
    }
    this.st = {
      rev: 0,
      hubId: this.hubId,
      sceneId: DEFAULT_SCENE_ID,
      nextSceneId: DEFAULT_SCENE_ID,
      tour: null,
      blackout: false,
      focus: null,
      briefing: false,
      controller: null,
      handover: null,
      alerts: { banner: null, pending: [], queued: [] },
      playback: null,
      walls: [],
      alarms: [],
    };
  }

  get audit(): AuditEntry[] {
    return this.auditLog.entries;
  }

  state(): HubState {
    return this.st;
  }

  pairing(): PairingInfo {
    return { code: this.desk.code, expiresAt: this.desk.expiresAt, remoteUrl: `${this.publicUrl}${REMOTE_PAGE_PATH}` };
  }

  flushAudit(): Promise<void> {
    return this.auditLog.flush();
  }

  peers(): string[] {
    return [...this.peerHubs.keys()].filter((id) => id !== this.hubId && this.peerAlive(id)).sort();
  }

  // ---------- lifecycle ----------

  async start(): Promise<void> {
    this.startedAt = this.now();
    if (this.opts.redisUrl) this.redis = await connectRedis(this.opts.redisUrl, this.logError);
    const http = createServer(
      createHttpHandler({
        hubId: this.hubId,
        distDir: this.opts.distDir,
        isAllowedOrigin: (o) => this.isAllowedOrigin(o),
        pair: (req) => this.pair(req),
      }),
    );
    http.on('connection', (s: NetSocket) => {
      this.connections.add(s);
      s.on('close', () => this.connections.delete(s));
    });
    const io = new SocketServer(http, {
      serveClient: false,
      // Browsers on another allowed origin (a vite preview) need CORS for the polling transport; the
      // namespace middleware below refuses wrong origins with a reason either way.
      cors: { origin: (origin, cb) => cb(null, origin === undefined || this.isAllowedOrigin(origin)), methods: ['GET', 'POST'] },
      ...(this.redis ? { adapter: this.redis.adapter } : {}),
    });
    this.wallNs = io.of(HUB_WALL_NS);
    this.remoteNs = io.of(HUB_REMOTE_NS);
    // Nothing lives on the main namespace: refuse it rather than hold idle sockets.
    io.of('/').use((_s, next) => next(new Error('use the /wall or /remote namespace')));
    this.setupWalls();
    this.setupRemotes();
    let joined = false;
    if (this.redis) {
      this.setupCluster(io);
      joined = await this.joinCluster(io);
    }
    try {
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(this.opts.port ?? 0, this.host, () => {
          http.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      io.close();
      await this.redis?.close();
      throw err;
    }
    this.http = http;
    this.io = io;
    const address = http.address();
    this.port = address && typeof address === 'object' ? address.port : 0;
    this.url = localBaseUrl(this.host, this.port);
    this.publicUrl = publicBaseUrl(this.host, this.port);
    this.allowed = hubOrigins(this.host, this.port, this.opts.extraOrigins ?? []);
    this.origins = [...this.allowed];
    this.armCodeTimer();
    this.graceTimer = setInterval(() => this.checkControllerPresence(), Math.max(20, Math.min(1000, this.graceMs / 4)));
    // A hub joining running hubs keeps the wall as it is; the boot tour is for a wall starting up.
    if (this.opts.tourId && !joined) {
      const tour = this.tours[this.opts.tourId]!;
      this.beginTour(tour, 'hub');
    }
    this.commit();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of [this.tourTimer, this.codeTimer, this.reportTimer]) if (t) clearTimeout(t);
    for (const t of [this.graceTimer, this.beatTimer]) if (t) clearInterval(t);
    if (this.redis && this.io) this.io.serverSideEmit(BYE_EVENT, { from: this.hubId });
    const io = this.io;
    if (io) {
      // io.close() closes this hub's sockets only (disconnectSockets would reach every hub via Redis).
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        for (const s of this.connections) s.destroy();
      });
    }
    await this.redis?.close();
    await this.auditLog.flush();
  }

  // ---------- origins, pairing ----------

  private isAllowedOrigin(origin: string | undefined): boolean {
    return typeof origin === 'string' && this.allowed.has(origin);
  }

  private armCodeTimer(): void {
    if (this.codeTimer) clearTimeout(this.codeTimer);
    if (this.closed) return;
    this.codeTimer = setTimeout(() => {
      this.desk.rotate();
      this.announcePairing();
      this.armCodeTimer();
    }, clampTimer(this.desk.expiresAt - this.now()));
  }

  /** The code is per hub: only this hub's walls show it (their QR points at this hub). */
  private announcePairing(): void {
    this.wallNs.local.emit(HUB_EVENTS.pairing, this.pairing());
  }

  private pair(req: PairRequest): { status: number; reply: PairReply } {
    const before = this.desk.code;
    const result = this.desk.check(req.code);
    if (this.desk.code !== before) {
      this.announcePairing();
      this.armCodeTimer();
    }
    if (result === 'wrong') return { status: 403, reply: { ok: false, error: '配对码错误 / wrong code' } };
    if (result === 'locked') {
      this.addAudit({ at: this.now(), what: 'pairing', detail: '配对码错误次数过多，已更换配对码', by: req.name });
      return { status: 429, reply: { ok: false, error: '错误次数过多，配对码已更换 / too many wrong codes, the code has changed' } };
    }
    const clientId = randomUUID();
    const expiresAt = this.now() + this.tokenTtlMs;
    const token = signToken(this.secret, { clientId, name: req.name, expiresAt });
    this.addAudit({ at: this.now(), what: 'pairing', detail: `遥控器配对成功 (${clientId})，有效期至 ${new Date(expiresAt).toISOString()}`, by: req.name });
    return { status: 200, reply: { ok: true, token, clientId, expiresAt } };
  }

  // ---------- walls ----------

  private setupWalls(): void {
    this.wallNs.use((socket, next) => {
      const origin = socket.handshake.headers.origin;
      if (origin !== undefined && !this.isAllowedOrigin(origin)) return next(new Error('origin not allowed'));
      if (isLoopbackAddress(socket.handshake.address)) return next();
      const key = (socket.handshake.auth as { wallKey?: unknown } | undefined)?.wallKey;
      if (this.opts.wallKey && sameKey(key, this.opts.wallKey)) return next();
      return next(new Error(this.opts.wallKey ? 'wrong wall key' : 'wall key required'));
    });
    this.wallNs.on('connection', (socket: Socket) => {
      // The wall's name from its handshake names it in the audit log until its first report.
      const named = (socket.handshake.auth as { wallId?: unknown } | undefined)?.wallId;
      if (typeof named === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(named)) socket.data.wallId = named;
      socket.emit(HUB_EVENTS.state, this.st);
      socket.emit(HUB_EVENTS.pairing, this.pairing());
      socket.on(HUB_EVENTS.clockSync, (t0: unknown, ack: unknown) => this.onClockSync(t0, ack));
      socket.on(HUB_EVENTS.wallReport, (raw: unknown) => this.onWallReport(socket, raw));
      socket.on(HUB_EVENTS.wallAlert, (raw: unknown) => this.onWallAlert(raw));
      socket.on(HUB_EVENTS.wallAudit, (raw: unknown) => this.onWallAudit(socket, raw));
      socket.on(HUB_EVENTS.wallCommand, (raw: unknown, ack: unknown) => reply(ack, this.onWallCommand(socket, raw)));
      socket.on('disconnect', () => this.onWallGone(socket));
    });
  }

  private onClockSync(t0: unknown, ack: unknown): void {
    if (typeof ack !== 'function' || typeof t0 !== 'number' || !Number.isFinite(t0)) return;
    (ack as (r: unknown) => void)(this.clock.syncReply(t0));
  }

  private wallIdOf(socket: Socket): string {
    return this.wallOfSocket.get(socket.id) ?? (socket.data.wallId as string | undefined) ?? socket.id;
  }

  private onWallReport(socket: Socket, raw: unknown): void {
    const parsed = wallReportSchema.safeParse(raw);
    if (!parsed.success) return;
    const r = parsed.data;
    const prevId = this.wallOfSocket.get(socket.id);
    if (prevId && prevId !== r.wallId) this.dropLocalWall(prevId, socket.id);
    this.wallOfSocket.set(socket.id, r.wallId);
    const prev = this.localWalls.get(r.wallId)?.report;
    this.localWalls.set(r.wallId, { lastSeen: this.now(), report: r });
    const primary = this.primaryReport();
    let significant = !prev || prev.sceneId !== r.sceneId;
    if (primary === r) {
      const playback = { dataTime: r.dataTime, startTime: r.startTime, endTime: r.endTime, speed: r.speed, paused: r.paused, demo: r.demo };
      const old = this.st.playback;
      if (!old || old.speed !== r.speed || old.paused !== r.paused || old.demo !== r.demo || old.startTime !== r.startTime || old.endTime !== r.endTime) {
        significant = true;
      }
      if (JSON.stringify(this.st.alarms) !== JSON.stringify(r.alarms)) significant = true;
      this.st = { ...this.st, playback, alarms: r.alarms };
    }
    if (significant) this.commit();
    else this.commitLater();
  }

  /** The wall whose report stands for the wall's playback and alarms: the first by id (stable). */
  private primaryReport(): WallReport | null {
    let best: WallReport | null = null;
    for (const [id, w] of this.localWalls) if (!best || id < best.wallId) best = w.report;
    return best;
  }

  /** Reports that only move the data clock: one broadcast per REPORT_COMMIT_MS. */
  private commitLater(): void {
    this.reportDirty = true;
    if (this.reportTimer || this.closed) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = null;
      if (this.reportDirty) this.commit();
    }, REPORT_COMMIT_MS);
  }

  private dropLocalWall(wallId: string, socketId: string): void {
    // Two sockets may claim one wallId (a reloaded page before the old socket timed out).
    for (const [sid, wid] of this.wallOfSocket) if (sid !== socketId && wid === wallId) return;
    this.localWalls.delete(wallId);
  }

  private onWallGone(socket: Socket): void {
    const wallId = this.wallOfSocket.get(socket.id);
    this.wallOfSocket.delete(socket.id);
    if (wallId === undefined || this.closed) return;
    this.dropLocalWall(wallId, socket.id);
    this.commit();
  }

  private onWallAlert(raw: unknown): void {
    const parsed = alertSchema.safeParse(raw);
    if (!parsed.success) return;
    // Every wall PC raises the same alert from the same data: the queue treats the same id as one alert.
    const result = receiveAlert(this.queue, parsed.data, this.st.briefing, this.now());
    const changed = result.state !== this.queue;
    this.queue = result.state;
    this.runAlertEffects(result.effects, undefined);
    // Only audited (recorded, or a repeat): nothing anyone shows has changed.
    if (changed || result.effects.some((e) => e.kind !== 'audit')) this.commit();
  }

  private onWallAudit(socket: Socket, raw: unknown): void {
    const parsed = auditEntrySchema.safeParse(raw);
    if (!parsed.success) return;
    this.addAudit({ ...parsed.data, by: parsed.data.by ?? `墙 ${this.wallIdOf(socket)}` });
  }

  private onWallCommand(socket: Socket, raw: unknown): CommandAck {
    const parsed = remoteCommandSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: '命令无效 / bad command' };
    const cmd = parsed.data;
    // A clicker at the wall: the scene keys and blackout, nothing else (no control lock needed: whoever
    // stands at the wall PC is trusted like the wall itself).
    if (cmd.kind !== 'next' && cmd.kind !== 'prev' && cmd.kind !== 'goTo' && cmd.kind !== 'blackout') {
      return { ok: false, error: '墙端只能切换场景或黑屏 / walls may only send next, prev, goTo, blackout' };
    }
    return this.dispatch(cmd, { kind: 'wall', wallId: this.wallIdOf(socket) });
  }

  // ---------- remotes ----------

  private setupRemotes(): void {
    this.remoteNs.use((socket, next) => {
      if (!this.isAllowedOrigin(socket.handshake.headers.origin)) return next(new Error('origin not allowed'));
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const check = verifyToken(this.secret, token, this.now());
      if (!check.ok) return next(new Error(check.reason));
      socket.data.claims = check.claims;
      next();
    });
    this.remoteNs.on('connection', (socket: Socket) => {
      const claims = socket.data.claims as TokenClaims;
      const presenter: Presenter = { clientId: claims.clientId, name: claims.name };
      void socket.join(clientRoom(claims.clientId));
      this.remotesHere.set(claims.clientId, (this.remotesHere.get(claims.clientId) ?? 0) + 1);
      if (this.st.controller?.clientId === claims.clientId) this.controllerMissingSince = null;
      socket.emit(HUB_EVENTS.state, this.st);
      // An expired token ends the session, not only the next handshake.
      const expiry = setTimeout(() => socket.disconnect(true), clampTimer(claims.expiresAt - this.now()));
      socket.on(HUB_EVENTS.clockSync, (t0: unknown, ack: unknown) => this.onClockSync(t0, ack));
      socket.on(HUB_EVENTS.remoteCommand, (raw: unknown, ack: unknown) => {
        if (this.now() >= claims.expiresAt) {
          reply(ack, { ok: false, error: 'token expired' });
          socket.disconnect(true);
          return;
        }
        reply(ack, this.onRemoteCommand(raw, presenter));
      });
      socket.on('disconnect', () => {
        clearTimeout(expiry);
        const n = (this.remotesHere.get(claims.clientId) ?? 1) - 1;
        if (n > 0) this.remotesHere.set(claims.clientId, n);
        else this.remotesHere.delete(claims.clientId);
      });
    });
  }

  private toast(clientId: string, toast: Toast): void {
    this.remoteNs.to(clientRoom(clientId)).emit(HUB_EVENTS.toast, toast);
  }

  private onRemoteCommand(raw: unknown, presenter: Presenter): CommandAck {
    const parsed = remoteCommandSchema.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('; ');
      return { ok: false, error: `命令无效 / bad command: ${why}`.slice(0, 300) };
    }
    const cmd = parsed.data;
    if (cmd.kind === 'control') return this.onControl(presenter, cmd.action);
    if (this.st.controller?.clientId !== presenter.clientId) return { ok: false, error: NOT_IN_CONTROL };
    return this.dispatch(cmd, { kind: 'remote', presenter });
  }

  // ---------- control ----------

  private onControl(presenter: Presenter, action: 'take' | 'release' | 'accept' | 'decline'): CommandAck {
    const result = applyControl({ controller: this.st.controller, handover: this.st.handover }, presenter, action, this.now());
    if (result.error) return { ok: false, error: result.error };
    this.applyControlResult(result, presenter.name);
    return { ok: true };
  }

  private applyControlResult(result: ControlResult, by: string | undefined): void {
    const before: ControlLock = { controller: this.st.controller, handover: this.st.handover };
    for (const line of result.audit) this.addAudit({ at: this.now(), what: 'control', detail: line, ...(by ? { by } : {}) });
    for (const t of result.toasts) this.toast(t.to, t.toast);
    const lock = result.lock;
    if (lock.controller === before.controller && lock.handover === before.handover) return;
    // Briefing follows the lock; an explicit setting lasts until the next change of holder.
    if ((lock.controller?.clientId ?? null) !== (before.controller?.clientId ?? null)) {
      this.briefingForced = null;
      this.controllerMissingSince = null;
    }
    this.st = { ...this.st, controller: lock.controller, handover: lock.handover };
    this.syncBriefing(by);
    this.commit();
  }

  /** A controller gone (no socket on any hub) longer than the grace period loses control. */
  private checkControllerPresence(): void {
    const holder = this.st.controller;
    if (!holder || this.closed) {
      this.controllerMissingSince = null;
      return;
    }
    const mark = (present: boolean): void => {
      if (this.st.controller?.clientId !== holder.clientId) return;
      if (present) {
        this.controllerMissingSince = null;
        return;
      }
      const now = this.now();
      this.controllerMissingSince ??= now;
      if (now - this.controllerMissingSince >= this.graceMs) {
        this.controllerMissingSince = null;
        this.applyControlResult(loseControl({ controller: this.st.controller, handover: this.st.handover }, this.graceMs), 'hub');
      }
    };
    if ((this.remotesHere.get(holder.clientId) ?? 0) > 0) return mark(true);
    if (!this.redis) return mark(false);
    // Behind Redis the controller may be connected to another hub.
    if (this.presenceCheckInFlight) return;
    this.presenceCheckInFlight = true;
    this.remoteNs
      .in(clientRoom(holder.clientId))
      .fetchSockets()
      .then(
        (sockets) => mark(sockets.length > 0),
        // No answer from the other hubs: do not take control away on a Redis hiccup.
        () => mark(true),
      )
      .finally(() => {
        this.presenceCheckInFlight = false;
      });
  }

  private effectiveBriefing(): boolean {
    return this.briefingForced ?? this.st.controller !== null;
  }

  /** Tell the alert queue when briefing mode changes (it audits it). */
  private syncBriefing(by: string | undefined): void {
    const on = this.effectiveBriefing();
    if (on === this.st.briefing) return;
    const result = setBriefing(this.queue, on, this.now(), by);
    this.queue = result.state;
    this.runAlertEffects(result.effects, by);
    this.st = { ...this.st, briefing: on };
  }

  // ---------- commands ----------

  private dispatch(cmd: Exclude<RemoteCommand, { kind: 'control' }>, actor: Actor): CommandAck {
    const by = actorName(actor);
    switch (cmd.kind) {
      case 'next':
      case 'prev':
        this.stepScene(cmd.kind === 'next' ? 1 : -1, by);
        break;
      case 'goTo': {
        if (!SCENES[cmd.sceneId]) return { ok: false, error: `未知场景 / unknown scene ${cmd.sceneId}` };
        this.goToScene(cmd.sceneId, by);
        break;
      }
      case 'tour': {
        const ack = this.onTour(cmd.action, cmd.tourId, by);
        if (!ack.ok) return ack;
        break;
      }
      case 'focus':
        this.focus(cmd.target, by);
        break;
      case 'blackout':
        this.schedule({ kind: 'blackout', on: cmd.on }, by);
        this.st = { ...this.st, blackout: cmd.on };
        break;
      case 'playback': {
        const ack = this.onPlayback(cmd, by);
        if (!ack.ok) return ack;
        break;
      }
      case 'alert': {
        const result = decideAlert(this.queue, cmd.alertId, cmd.decision, this.now(), by);
        if (result.error) return { ok: false, error: result.error };
        this.queue = result.state;
        this.runAlertEffects(result.effects, by);
        break;
      }
      case 'briefing':
        this.briefingForced = cmd.on;
        this.syncBriefing(by);
        break;
    }
    this.commit();
    return { ok: true };
  }

  /** Stamp, remember, audit and broadcast one command to every wall (of every hub). */
  private schedule(action: WallAction, by: string | undefined, applyAt?: number): ClockCommand {
    const stamped = this.clock.schedule(action);
    const cmd: ClockCommand = { id: this.nextCommandId++, applyAt: applyAt ?? stamped.applyAt, action };
    this.commands.push(cmd);
    if (this.commands.length > COMMAND_MEMORY) this.commands.splice(0, this.commands.length - COMMAND_MEMORY);
    this.wallNs.emit(HUB_EVENTS.command, cmd);
    const { what, detail } = describeAction(action);
    this.addAudit({ at: this.now(), what, detail: `${detail} · #${cmd.id} @${new Date(cmd.applyAt).toISOString()}`, ...(by ? { by } : {}) });
    return cmd;
  }

  private showScene(sceneId: string, by: string | undefined, step?: { camera?: unknown; highlight?: { panelId?: string; unitId?: string } }, applyAt?: number): void {
    const action: WallAction = { kind: 'scene', sceneId, highlight: step?.highlight ?? null };
    if (step?.camera !== undefined) action.camera = step.camera;
    this.schedule(action, by, applyAt);
    // A focus belongs to the scene it was made on: the wall drops it with the scene change.
    this.st = { ...this.st, sceneId, focus: null };
  }

  private focus(target: FocusTarget | null, by: string | undefined): void {
    this.schedule({ kind: 'focus', target }, by);
    this.st = { ...this.st, focus: target };
  }

  private stepScene(delta: 1 | -1, by: string): void {
    const tour = this.currentTour();
    if (tour && this.playback) {
      const at = this.now() + this.leadMs;
      const before = this.playback.index;
      this.playback = stepTo(this.playback, tour, this.playback.index + delta, at, this.dwellScale);
      this.tourOwner = this.hubId;
      const step = currentStep(this.playback, tour);
      if (this.playback.index !== before || step.scene !== this.st.sceneId) this.showScene(step.scene, by, step, at);
      this.armTourTimer();
      return;
    }
    const ids = SCENE_LIST.map((s) => s.id);
    const i = Math.max(0, ids.indexOf(this.st.sceneId));
    this.showScene(ids[(i + delta + ids.length) % ids.length]!, by);
  }

  /** Within a tour: its next step showing the scene. Outside it: the tour pauses (resume picks it up). */
  private goToScene(sceneId: string, by: string): void {
    const tour = this.currentTour();
    if (tour && this.playback) {
      const n = tour.steps.length;
      for (let k = 0; k < n; k++) {
        const i = (this.playback.index + k) % n;
        if (tour.steps[i]!.scene !== sceneId) continue;
        const at = this.now() + this.leadMs;
        this.playback = stepTo(this.playback, tour, i, at, this.dwellScale);
        this.tourOwner = this.hubId;
        this.showScene(sceneId, by, tour.steps[i], at);
        this.armTourTimer();
        return;
      }
      this.pauseCurrentTour(by);
    }
    this.showScene(sceneId, by);
  }

  private onPlayback(cmd: Extract<RemoteCommand, { kind: 'playback' }>, by: string): CommandAck {
    const pb = this.st.playback;
    switch (cmd.action) {
      case 'play':
        this.schedule({ kind: 'play' }, by);
        if (pb) this.st = { ...this.st, playback: { ...pb, paused: false } };
        return { ok: true };
      case 'pause':
        this.schedule({ kind: 'pause' }, by);
        if (pb) this.st = { ...this.st, playback: { ...pb, paused: true } };
        return { ok: true };
      case 'speed':
        if (cmd.speed === undefined) return { ok: false, error: '缺少速度 / speed missing' };
        this.schedule({ kind: 'speed', speed: cmd.speed }, by);
        if (pb) this.st = { ...this.st, playback: { ...pb, speed: cmd.speed } };
        return { ok: true };
      case 'seek': {
        if (cmd.dataTime === undefined) return { ok: false, error: '缺少时间 / dataTime missing' };
        let t = cmd.dataTime;
        // Keep a seek inside the recording the walls play.
        if (pb?.startTime != null) t = Math.max(t, pb.startTime);
        if (pb?.endTime != null) t = Math.min(t, pb.endTime);
        this.schedule({ kind: 'seek', dataTime: t, pause: pb?.paused ?? false }, by);
        if (pb) this.st = { ...this.st, playback: { ...pb, dataTime: t } };
        return { ok: true };
      }
    }
  }

  private runAlertEffects(effects: AlertEffect[], by: string | undefined): void {
    for (const e of effects) {
      if (e.kind === 'audit') this.addAudit(e.entry);
      else if (e.kind === 'banner') {
        const a = e.alert;
        this.schedule({ kind: 'banner', alert: a ? { id: a.id, severity: a.severity, title: a.title, detail: a.detail } : null }, by);
      } else {
        // Opened: the presenter talks about the alert now; a running tour waits.
        if (this.playback?.playing) this.pauseCurrentTour(by);
        if (e.sceneId && SCENES[e.sceneId] && e.sceneId !== this.st.sceneId) this.showScene(e.sceneId, by);
        if (e.focus) this.focus(e.focus, by);
      }
    }
  }

  // ---------- tours ----------

  private currentTour(): Tour | null {
    return this.playback ? (this.tours[this.playback.tourId] ?? null) : null;
  }

  private onTour(action: 'start' | 'pause' | 'resume' | 'stop', tourId: string | undefined, by: string): CommandAck {
    if (action === 'start') {
      const id = tourId ?? AUTO_TOUR_ID;
      const tour = this.tours[id];
      if (!tour) return { ok: false, error: `未知导览 / unknown tour ${id}` };
      this.beginTour(tour, by);
      return { ok: true };
    }
    const tour = this.currentTour();
    if (!tour || !this.playback) return { ok: false, error: '没有正在进行的导览 / no tour' };
    if (action === 'pause') {
      this.pauseCurrentTour(by);
    } else if (action === 'resume') {
      if (this.playback.playing) return { ok: true };
      const step = currentStep(this.playback, tour);
      // Back from a detour (a scene outside the tour): show the step again, its dwell resumes from then.
      const detour = step.scene !== this.st.sceneId;
      const at = detour ? this.now() + this.leadMs : this.now();
      this.playback =
        this.playback.remainingMs === null
          ? stepTo(this.playback, tour, this.playback.index, at, this.dwellScale) // ended: replay the last step
          : this.playback;
      this.playback = resumeTour(this.playback, tour, at, this.dwellScale);
      this.tourOwner = this.hubId;
      if (detour) this.showScene(step.scene, by, step, at);
      this.addAudit({ at: this.now(), what: 'tour', detail: `继续导览 ${tour.title}`, by });
      this.armTourTimer();
    } else {
      this.playback = null;
      this.tourOwner = null;
      this.clearTourTimer();
      this.addAudit({ at: this.now(), what: 'tour', detail: `结束导览 ${tour.title}`, by });
    }
    return { ok: true };
  }

  private beginTour(tour: Tour, by: string): void {
    const at = this.now() + this.leadMs;
    this.playback = startTour(tour, at);
    this.tourOwner = this.hubId;
    this.addAudit({ at: this.now(), what: 'tour', detail: `开始导览 ${tour.title} (${tour.id})，${tour.steps.length} 步`, by });
    const step = currentStep(this.playback, tour);
    this.showScene(step.scene, by, step, at);
    this.armTourTimer();
  }

  private pauseCurrentTour(by: string | undefined): void {
    const tour = this.currentTour();
    if (!tour || !this.playback?.playing) return;
    this.playback = pauseTour(this.playback, tour, this.now(), this.dwellScale);
    this.tourOwner = this.hubId;
    this.clearTourTimer();
    this.addAudit({ at: this.now(), what: 'tour', detail: `暂停导览 ${tour.title}`, ...(by ? { by } : {}) });
  }

  private clearTourTimer(): void {
    if (this.tourTimer) clearTimeout(this.tourTimer);
    this.tourTimer = null;
  }

  /**
   * One timer for the next step end, firing leadMs early: the next step's command then applies exactly at
   * the end instant on the master clock, so dwell times are exact whatever the timer's jitter.
   */
  private armTourTimer(): void {
    this.clearTourTimer();
    const tour = this.currentTour();
    if (!tour || !this.playback?.playing || this.tourOwner !== this.hubId || this.closed) return;
    const endsAt = stepEndsAt(this.playback, tour, this.dwellScale);
    if (endsAt === null) return;
    this.tourTimer = setTimeout(() => this.onStepEnd(), clampTimer(endsAt - this.leadMs - this.now()));
  }

  private onStepEnd(): void {
    this.tourTimer = null;
    const tour = this.currentTour();
    if (!tour || !this.playback?.playing || this.tourOwner !== this.hubId) return;
    const endsAt = stepEndsAt(this.playback, tour, this.dwellScale);
    if (endsAt === null) return;
    const now = this.now();
    // Normally the step end is still ahead (we woke leadMs early). After a stall, pass every step that
    // ended meanwhile at once and show the current one as soon as the walls can take it.
    const { playback, changed } = advance(this.playback, tour, Math.max(endsAt, now), this.dwellScale);
    this.playback = playback;
    if (changed) {
      const step = currentStep(playback, tour);
      if (playback.playing) {
        const applyAt = playback.stepStartedAt >= now ? playback.stepStartedAt : now + this.leadMs;
        this.showScene(step.scene, 'tour', step, applyAt);
      } else {
        this.addAudit({ at: now, what: 'tour', detail: `导览 ${tour.title} 已结束` });
      }
      this.commit();
    }
    this.armTourTimer();
  }

  private tourStatus(): HubState['tour'] {
    const tour = this.currentTour();
    const p = this.playback;
    if (!tour || !p) return null;
    return {
      tourId: tour.id,
      title: tour.title,
      index: p.index,
      count: tour.steps.length,
      playing: p.playing,
      stepEndsAt: stepEndsAt(p, tour, this.dwellScale),
      remainingMs: p.remainingMs,
    };
  }

  private computeNextScene(): string {
    const tour = this.currentTour();
    if (tour && this.playback) {
      const i = nextIndex(this.playback, tour);
      return i === null ? currentStep(this.playback, tour).scene : tour.steps[i]!.scene;
    }
    const ids = SCENE_LIST.map((s) => s.id);
    const i = ids.indexOf(this.st.sceneId);
    return ids[(i + 1) % ids.length]!;
  }

  // ---------- state ----------

  private addAudit(entry: AuditEntry): void {
    this.auditLog.append(entry);
  }

  private localWallList(): HubState['walls'] {
    return [...this.localWalls].map(([wallId, w]) => ({ wallId, sceneId: w.report.sceneId, lastSeen: w.lastSeen }));
  }

  private allWalls(): HubState['walls'] {
    const walls = this.localWallList();
    const seen = new Set(walls.map((w) => w.wallId));
    for (const [id, peer] of this.peerHubs) {
      if (!this.peerAlive(id)) continue;
      for (const w of peer.walls) {
        if (seen.has(w.wallId)) continue;
        seen.add(w.wallId);
        walls.push(w);
      }
    }
    return walls.sort((a, b) => (a.wallId < b.wallId ? -1 : a.wallId > b.wallId ? 1 : 0));
  }

  /** New revision: derive the computed fields, broadcast to everyone, replicate to the other hubs. */
  private commit(): void {
    // Before start() finished nobody is connected: its last step commits the first revision.
    if (this.closed || !this.io) return;
    this.reportDirty = false;
    this.st = this.derived(this.st.rev + 1);
    this.wallNs.emit(HUB_EVENTS.state, this.st);
    this.remoteNs.emit(HUB_EVENTS.state, this.st);
    this.replicate();
  }

  private derived(rev: number): HubState {
    return {
      ...this.st,
      rev,
      hubId: this.hubId,
      nextSceneId: this.computeNextScene(),
      tour: this.tourStatus(),
      alerts: hubAlerts(this.queue),
      briefing: this.effectiveBriefing(),
      walls: this.allWalls(),
    };
  }

  // ---------- several hubs ----------

  private setupCluster(io: SocketServer): void {
    io.on(SYNC_EVENT, (msg: SyncMessage) => void this.onSync(msg));
    io.on(BEAT_EVENT, (msg: BeatMessage) => this.onBeat(msg));
    io.on(HELLO_EVENT, (ack: unknown) => {
      // A hub still starting answers too (rev 0): the asker ignores states nobody has committed yet.
      if (typeof ack === 'function') (ack as (m: SyncMessage) => void)(this.syncMessage());
    });
    io.on(BYE_EVENT, (msg: { from: string }) => {
      if (!msg || typeof msg.from !== 'string') return;
      this.peerHubs.set(msg.from, { lastBeat: -Infinity, walls: [] });
      this.checkTourOwner();
    });
    this.beatTimer = setInterval(() => {
      io.serverSideEmit(BEAT_EVENT, { from: this.hubId, walls: this.localWallList() } satisfies BeatMessage);
      this.checkTourOwner();
    }, this.heartbeatMs);
  }

  private syncMessage(): SyncMessage {
    return {
      from: this.hubId,
      state: this.st,
      playback: this.playback,
      tourOwner: this.tourOwner,
      queue: this.queue,
      briefingForced: this.briefingForced,
      walls: this.localWallList(),
    };
  }

  private replicate(): void {
    if (!this.redis || !this.io) return;
    this.io.serverSideEmit(SYNC_EVENT, this.syncMessage());
  }

  /** At start: adopt the newest state of the hubs already running, if any. True when one was adopted. */
  private async joinCluster(io: SocketServer): Promise<boolean> {
    try {
      // Our own subscription must be counted first, or the request would expect one answer too few.
      const until = Date.now() + 2000;
      while ((await io.of('/').adapter.serverCount()) < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      const replies = (await io.serverSideEmitWithAck(HELLO_EVENT)) as unknown[];
      let best: SyncMessage | null = null;
      for (const r of replies) {
        const m = r as SyncMessage | null;
        if (m && typeof m.from === 'string' && m.state?.rev > 0 && (!best || isNewer(m.state, best.state))) best = m;
      }
      if (!best || !this.onSync(best)) return false;
      this.addAudit({ at: this.now(), what: 'hub', detail: `加入运行中的集群，采用 ${best.from} 的状态 (rev ${best.state.rev})`, by: this.hubId });
      return true;
    } catch (err) {
      this.logError(`hub ${this.hubId}: no state from the other hubs (${err instanceof Error ? err.message : String(err)}); starting fresh`);
      return false;
    }
  }

  private peerAlive(id: string): boolean {
    if (id === this.hubId) return true;
    const last = this.peerHubs.get(id)?.lastBeat ?? this.startedAt;
    return this.now() - last <= this.peerTimeoutMs;
  }

  private onBeat(msg: BeatMessage): void {
    if (!msg || typeof msg.from !== 'string' || msg.from === this.hubId) return;
    this.peerHubs.set(msg.from, { lastBeat: this.now(), walls: Array.isArray(msg.walls) ? msg.walls : [] });
  }

  /** Another hub's state: adopted when newer (true), else only its walls are taken in. */
  private onSync(msg: SyncMessage): boolean {
    if (!msg || typeof msg.from !== 'string' || msg.from === this.hubId || !msg.state) return false;
    this.peerHubs.set(msg.from, { lastBeat: this.now(), walls: Array.isArray(msg.walls) ? msg.walls : [] });
    if (!isNewer(msg.state, this.st)) {
      // Its walls may have changed even if its state lost: keep our view of them current.
      this.st = { ...this.st, walls: this.allWalls() };
      return false;
    }
    const hadTour = this.tourOwner === this.hubId && this.playback?.playing;
    this.st = { ...msg.state, walls: this.st.walls };
    this.st = { ...this.st, walls: this.allWalls() };
    this.playback = msg.playback;
    this.tourOwner = msg.tourOwner;
    this.queue = msg.queue;
    this.briefingForced = msg.briefingForced;
    this.controllerMissingSince = null;
    // The tour moved on another hub: that hub runs the timer now.
    if (hadTour || this.tourOwner === this.hubId) this.armTourTimer();
    return true;
  }

  /** The tour's hub fell silent: the lowest hubId alive takes the tour over and catches up. */
  private checkTourOwner(): void {
    if (this.closed || !this.playback?.playing || !this.tourOwner || this.tourOwner === this.hubId) return;
    if (this.peerAlive(this.tourOwner)) return;
    const alive = [this.hubId, ...[...this.peerHubs.keys()].filter((id) => id !== this.tourOwner && this.peerAlive(id))].sort();
    if (alive[0] !== this.hubId) return;
    const tour = this.currentTour();
    if (!tour) return;
    const from = this.tourOwner;
    this.tourOwner = this.hubId;
    const now = this.now();
    const { playback, changed } = advance(this.playback, tour, now, this.dwellScale);
    this.playback = playback;
    this.addAudit({ at: now, what: 'tour', detail: `接管导览 ${tour.title}（${from} 无响应）`, by: this.hubId });
    const step = currentStep(playback, tour);
    if (changed && playback.playing) this.showScene(step.scene, 'tour', step, now + this.leadMs);
    this.commit();
    this.armTourTimer();
  }
}

export async function startHub(opts: HubOptions = {}): Promise<Hub> {
  const hub = new PresenterHub(opts);
  await hub.start();
  return hub;
}
