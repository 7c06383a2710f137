/**
 * The wall's link to the presenter hub (server/hub/): one socket.io connection to HUB_WALL_NS.
 *
 *   clock     a ClockFollower (electron/shared-clock.ts) fed by `clock:sync` acks: a burst of five samples
 *             on every connect, then one sample a second (the shortest round trip of the newest 16 wins).
 *             Spread-out single samples beat bursts: a wall's main thread is busy in bursts (a software-
 *             rendered map frame, a scene build), a reply handled late skews its sample by half the delay,
 *             and a burst lands all five samples in the same busy spell. Measured on a loaded 2-core
 *             machine, 10 s bursts left offsets wrong by up to 20 ms. Samples whose round trip is far
 *             above the best of the last minute are not passed on (rttFilter), so a busy spell longer than
 *             the follower's 16 samples cannot push the good ones out.
 *             A new follower per connection: a restarted or failed-over hub has another master clock and
 *             numbers its commands from 1 again; commands already scheduled on the old one still apply.
 *   commands  `hub:command` is applied at its master instant; each application is recorded with the
 *             master time of the first animation frame after it (`frameAt`: what "switched in the same
 *             frame" is measured by).
 *   state     `hub:state` is kept (older revisions of the same hub dropped); the first one after each
 *             connect is applied at once (scene, blackout, focus, banner): a late joiner or a wall that
 *             was offline shows what the others show.
 *   reports   `wall:report` every 2 s and after each command: scene, data clock, playback, alarms.
 *   offline   reconnects forever with backoff; the wall keeps its scene meanwhile (the title area shows
 *             遥控离线), and clicker keys are refused by the router rather than switching one PC alone.
 *
 * Time, frames, the socket factory and the wall itself are injected: the unit test runs it under Node
 * against a real socket.io server on 127.0.0.1.
 */
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import type { ClockCommand, ClockSyncReply, WallAction } from '../../electron/bridge-types';
import { ClockFollower, type Applied } from '../../electron/shared-clock';
import {
  HUB_EVENTS,
  HUB_WALL_NS,
  type AuditEntry,
  type CommandAck,
  type FocusTarget,
  type HubState,
  type PairingInfo,
  type RemoteCommand,
  type WallAlert,
  type WallReport,
} from './protocol';

/** What a wall PC's keys may ask the hub for (protocol: next / prev / goTo / blackout only). */
export type WallKeyCommand = Extract<RemoteCommand, { kind: 'next' | 'prev' | 'goTo' | 'blackout' }>;

export interface AppliedCommand {
  id: number;
  kind: WallAction['kind'];
  /** The master instant it was scheduled for. */
  applyAt: number;
  /** Master time the command reached this wall (before its instant, unless the hub or the link was slow). */
  receivedMaster: number | null;
  /** Master time it was applied at, and how late that was. */
  appliedMaster: number;
  lateMs: number;
  /**
   * Master time of the first animation frame after applying it: the frame's own timestamp (its vsync,
   * which may precede the application when the frame was due while the command ran). Null until then.
   */
  frameAt: number | null;
  /** Master time that frame's callbacks actually ran (after the switch's rendering work): diagnostics. */
  frameRunAt: number | null;
}

export interface HubLinkDeps {
  connect(url: string, opts: Partial<ManagerOptions & SocketOptions>): Socket;
  /** Local epoch-based time (performance.timeOrigin + performance.now() on a page). */
  now(): number;
  /** Calls back with the local time of the next animation frame, and the local time the callback runs. */
  nextFrame(cb: (localFrameTime: number, localRunTime: number) => void): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** The clock follower's wake-up timer (default setTimer): a page aligns it with its frames (frame-timer.ts). */
  followerTimer?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
  setRepeat(fn: () => void, ms: number): unknown;
  clearRepeat(handle: unknown): void;
  /** Apply one action to the wall (the shared-clock kinds and the presenter kinds). */
  apply(action: WallAction, lateMs: number): void;
  /** The scene on show now (to skip a no-op switch when joining). */
  currentScene(): string | null;
  /** The wall's side of the report (wallId is added here); null while there is nothing to say yet. */
  report(): Omit<WallReport, 'wallId'> | null;
  onStatus(status: 'connecting' | 'online' | 'offline'): void;
  onState(state: HubState): void;
  onPairing(info: PairingInfo): void;
  log(message: string): void;
}

export interface HubLinkOptions {
  url: string;
  wallId: string;
  wallKey?: string;
  reportEveryMs?: number;
  syncEveryMs?: number;
  /** Reconnection delays (socket.io's own backoff, and ours after a refusal). */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** Leave the spin to the follower's default (pages) or 0 (fake timers). */
  spinMs?: number;
}

export interface HubLink {
  readonly connected: boolean;
  readonly state: HubState | null;
  readonly applied: readonly AppliedCommand[];
  /** master − local, ms (0 before the first sample). */
  readonly offset: number;
  readonly follower: ClockFollower;
  /** A wall key: the hub schedules it for every wall. Resolves {ok:false} while offline. */
  command(cmd: WallKeyCommand): Promise<CommandAck>;
  alert(alert: WallAlert): void;
  audit(entry: AuditEntry): void;
  /** Send a report now (after a scene change). */
  reportNow(): void;
  close(): void;
}

const SYNC_BURST = 5;
/** Round trips remembered for the filter (one a second: about a minute). */
const RTT_WINDOW = 60;
const SYNC_GAP_MS = 40;
const ACK_TIMEOUT_MS = 4000;
const MAX_APPLIED = 200;
const MAX_QUEUED_ALERTS = 20;

function isCommand(v: unknown): v is ClockCommand {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Partial<ClockCommand>;
  return (
    typeof c.id === 'number' &&
    Number.isFinite(c.id) &&
    typeof c.applyAt === 'number' &&
    Number.isFinite(c.applyAt) &&
    typeof c.action === 'object' &&
    c.action !== null &&
    typeof (c.action as { kind?: unknown }).kind === 'string'
  );
}

function isState(v: unknown): v is HubState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<HubState>;
  return typeof s.rev === 'number' && typeof s.hubId === 'string' && typeof s.sceneId === 'string' && typeof s.blackout === 'boolean';
}

function isPairing(v: unknown): v is PairingInfo {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<PairingInfo>;
  return typeof p.code === 'string' && typeof p.remoteUrl === 'string' && typeof p.expiresAt === 'number';
}

/**
 * Which clock samples are worth passing to the follower: those whose round trip is within 1.5 × + 2 ms of
 * the best of the recent ones (the best always is). Pure apart from its memory of recent round trips.
 */
export function rttFilter(windowSize = RTT_WINDOW) {
  let recent: number[] = [];
  return {
    accept(rtt: number): boolean {
      recent = [...recent, rtt].slice(-windowSize);
      return rtt <= Math.min(...recent) * 1.5 + 2;
    },
    reset() {
      recent = [];
    },
  };
}

/** Is `next` newer than `held`? A state from another hub (restart, failover) always is. */
export function isNewerState(held: HubState | null, next: HubState): boolean {
  return held === null || next.hubId !== held.hubId || next.rev > held.rev;
}

const sameFocus = (a: FocusTarget | null, b: FocusTarget | null) => JSON.stringify(a) === JSON.stringify(b);

export function startHubLink(opts: HubLinkOptions, deps: HubLinkDeps): HubLink {
  const reportEveryMs = opts.reportEveryMs ?? 2000;
  const syncEveryMs = opts.syncEveryMs ?? 1000;
  const retryMinMs = opts.retryMinMs ?? 500;
  const retryMaxMs = opts.retryMaxMs ?? 10_000;
  const applied: AppliedCommand[] = [];
  let state: HubState | null = null;
  let appliedStateSinceConnect = false;
  let closed = false;
  let refusals = 0;
  let retryTimer: unknown = null;
  const queuedAlerts: WallAlert[] = [];
  /** Local arrival time of each command not yet applied (diagnostics: how much lead it arrived with). */
  const receivedAt = new Map<number, number>();
  /** What the wall shows as the presenter set it, to join without redoing what is already there. */
  let shownFocus: FocusTarget | null = null;
  let shownBanner: string | null = null;

  const env = {
    now: deps.now,
    setTimer: deps.followerTimer?.set ?? deps.setTimer,
    clearTimer: deps.followerTimer?.clear ?? deps.clearTimer,
    ...(opts.spinMs !== undefined ? { spinMs: opts.spinMs } : {}),
  };

  const onApply = (cmd: ClockCommand, a: Applied, clock: ClockFollower) => {
    try {
      deps.apply(cmd.action, a.lateMs);
    } catch (err) {
      deps.log(`command ${cmd.id} (${cmd.action.kind}) failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (cmd.action.kind === 'focus') shownFocus = cmd.action.target;
    if (cmd.action.kind === 'banner') shownBanner = cmd.action.alert?.id ?? null;
    const received = receivedAt.get(cmd.id);
    receivedAt.delete(cmd.id);
    const entry: AppliedCommand = { id: cmd.id, kind: cmd.action.kind, applyAt: cmd.applyAt, receivedMaster: received === undefined ? null : clock.toMaster(received), appliedMaster: a.master, lateMs: a.lateMs, frameAt: null, frameRunAt: null };
    applied.push(entry);
    if (applied.length > MAX_APPLIED) applied.shift();
    deps.nextFrame((t, ran) => {
      entry.frameAt = clock.toMaster(t);
      entry.frameRunAt = clock.toMaster(ran);
    });
    link.reportNow();
  };

  const newFollower = (): ClockFollower => {
    const f: ClockFollower = new ClockFollower(env, (cmd, a) => onApply(cmd, a, f));
    return f;
  };
  let follower = newFollower();

  const socket = deps.connect(`${opts.url}${HUB_WALL_NS}`, {
    auth: { wallId: opts.wallId, ...(opts.wallKey !== undefined ? { wallKey: opts.wallKey } : {}) },
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: retryMinMs,
    reconnectionDelayMax: retryMaxMs,
    randomizationFactor: 0.5,
    // WebSocket first (steady round trips for the clock), long-polling where a proxy refuses it.
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
  });

  const rtts = rttFilter();
  const sample = () => {
    if (!socket.connected) return;
    const clock = follower;
    const t0 = deps.now();
    socket.timeout(ACK_TIMEOUT_MS).emit(HUB_EVENTS.clockSync, t0, (err: Error | null, reply: ClockSyncReply | undefined) => {
      if (err || !reply || typeof reply.master !== 'number' || !Number.isFinite(reply.master) || reply.t0 !== t0 || clock !== follower) return;
      const t1 = deps.now();
      if (rtts.accept(t1 - t0)) clock.addSample({ t0, master: reply.master, t1 });
    });
  };
  const burst = () => {
    for (let i = 0; i < SYNC_BURST; i++) deps.setTimer(sample, i * SYNC_GAP_MS);
  };

  /** Show what the hub shows (joining, or back after being offline): only what differs. */
  const join = (s: HubState) => {
    const run = (action: WallAction) => {
      try {
        deps.apply(action, 0);
      } catch (err) {
        deps.log(`joining: ${action.kind} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    if (deps.currentScene() !== s.sceneId) run({ kind: 'scene', sceneId: s.sceneId });
    run({ kind: 'blackout', on: s.blackout });
    if (!sameFocus(shownFocus, s.focus)) {
      run({ kind: 'focus', target: s.focus });
      shownFocus = s.focus;
    }
    const bannerAlert = s.alerts?.banner ?? null;
    if ((bannerAlert?.id ?? null) !== shownBanner) {
      run({ kind: 'banner', alert: bannerAlert ? { id: bannerAlert.id, severity: bannerAlert.severity, title: bannerAlert.title, detail: bannerAlert.detail } : null });
      shownBanner = bannerAlert?.id ?? null;
    }
  };

  const retryLater = () => {
    if (closed || retryTimer !== null) return;
    const delay = Math.min(retryMaxMs, retryMinMs * 2 ** Math.min(refusals, 10)) * (0.75 + Math.random() * 0.5);
    refusals += 1;
    retryTimer = deps.setTimer(() => {
      retryTimer = null;
      if (!closed && !socket.connected) socket.connect();
    }, delay);
  };

  deps.onStatus('connecting');
  socket.on('connect', () => {
    refusals = 0;
    appliedStateSinceConnect = false;
    follower = newFollower();
    rtts.reset();
    burst();
    deps.onStatus('online');
    for (const a of queuedAlerts.splice(0)) socket.emit(HUB_EVENTS.wallAlert, a);
    link.reportNow();
  });
  socket.on('disconnect', (reason) => {
    deps.onStatus('offline');
    deps.log(`hub link lost (${reason}); reconnecting`);
    // The server ended it (hub shutting down, or this wall dropped): socket.io does not retry by itself.
    if (!socket.active) retryLater();
  });
  socket.on('connect_error', (err) => {
    deps.onStatus('offline');
    // A refusal by the hub's middleware (wrong wall key) is not retried by socket.io: retry slowly anyway,
    // the key may be fixed on the hub without touching the wall.
    if (!socket.active) {
      deps.log(`hub refused this wall: ${err.message}`);
      retryLater();
    }
  });
  socket.on(HUB_EVENTS.command, (cmd: unknown) => {
    if (!isCommand(cmd)) {
      deps.log('malformed hub command ignored');
      return;
    }
    if (receivedAt.size > MAX_APPLIED) receivedAt.clear();
    if (!receivedAt.has(cmd.id)) receivedAt.set(cmd.id, deps.now());
    follower.receive(cmd);
  });
  socket.on(HUB_EVENTS.state, (s: unknown) => {
    if (!isState(s)) {
      deps.log('malformed hub state ignored');
      return;
    }
    if (!isNewerState(state, s)) return;
    state = s;
    deps.onState(s);
    if (!appliedStateSinceConnect) {
      appliedStateSinceConnect = true;
      join(s);
      link.reportNow();
    }
  });
  socket.on(HUB_EVENTS.pairing, (p: unknown) => {
    if (isPairing(p)) deps.onPairing(p);
  });

  const syncTimer = deps.setRepeat(sample, syncEveryMs);
  const reportTimer = deps.setRepeat(() => link.reportNow(), reportEveryMs);

  const link: HubLink = {
    get connected() {
      return socket.connected;
    },
    get state() {
      return state;
    },
    applied,
    get offset() {
      return follower.offset;
    },
    get follower() {
      return follower;
    },
    command(cmd) {
      if (!socket.connected) return Promise.resolve({ ok: false, error: '遥控离线 / hub offline' });
      return new Promise((resolve) => {
        socket.timeout(ACK_TIMEOUT_MS).emit(HUB_EVENTS.wallCommand, cmd, (err: Error | null, ack: CommandAck | undefined) => {
          resolve(err ? { ok: false, error: 'no answer from the hub' } : (ack ?? { ok: false, error: 'empty answer' }));
        });
      });
    },
    alert(a) {
      if (socket.connected) socket.emit(HUB_EVENTS.wallAlert, a);
      else {
        queuedAlerts.push(a);
        if (queuedAlerts.length > MAX_QUEUED_ALERTS) queuedAlerts.shift();
      }
    },
    audit(entry) {
      if (socket.connected) socket.emit(HUB_EVENTS.wallAudit, entry);
    },
    reportNow() {
      if (!socket.connected) return;
      const r = deps.report();
      if (r) socket.emit(HUB_EVENTS.wallReport, { wallId: opts.wallId, ...r } satisfies WallReport);
    },
    close() {
      closed = true;
      deps.clearRepeat(syncTimer);
      deps.clearRepeat(reportTimer);
      if (retryTimer !== null) deps.clearTimer(retryTimer);
      follower.cancelAll();
      socket.disconnect();
    },
  };
  return link;
}
