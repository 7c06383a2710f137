/**
 * The main process's side of in-step scene changes, free of Electron so that it runs under Node tests
 * with fake windows. A scene key at any window arrives as a 'wall:command' message; it is checked (our
 * app's top-level frame, one of our kiosk windows, the payload's schema, a rate limit against a stuck key),
 * turned into one WallAction by wall-scenes.ts, stamped by the master clock and sent to every window,
 * which all apply it at that master instant (shared-clock.ts).
 *
 * What the wall shows is learned from the windows themselves: the restore state a window starts with and
 * its heartbeats (RestoreState.sceneId). That keeps the main process right when something else switched
 * the scene (a presenter hub driving the windows directly, a tour), but a report is only believed once it
 * is newer than the last change this flow made (a beat sent before the change still carries the old
 * scene) and, once a scene is known, only when every window that has drawn its map reports the same one
 * (a window reloading after a crash reports the overview until its restore is done).
 */
import type { ClockCommand, RestoreState, WallAction } from './bridge-types';
import { CHANNELS } from './bridge-types';
import { RateLimiter, validateIpc, type IpcSender } from './ipc-validate';
import type { MasterClock } from './shared-clock';
import { applyWallCommand, INITIAL_WALL_SCENES, withReportedScene, type WallScenesState } from './wall-scenes';

/** One kiosk window as the flow needs it. */
export interface FlowWindow {
  key: string;
  /** webContents.id: how a message's sender is matched to a window. */
  contentsId: number;
  mapReady: boolean;
  /** The window's latest restore state (from its heartbeat, or what it was created with). */
  lastState: RestoreState | null;
  /** Deliver a command on 'clock:command'. */
  send(cmd: ClockCommand): void;
}

/** The parts of Electron's IpcMainEvent the flow reads. */
export interface WallCommandEvent extends IpcSender {
  sender: { id: number };
}

export interface WallCommandFlowOptions {
  clock: MasterClock;
  sceneIds: readonly string[];
  windows: () => Iterable<FlowWindow>;
  /** Monotonic ms for the rate limit. */
  monotonicNow: () => number;
  /** System wall-clock ms (Date.now): the renderers stamp their snapshots (RestoreState.savedAt) with it. */
  wallNow: () => number;
  /**
   * How long after a change a window's report may still show the old scene: longer than the clock lead
   * plus a late window plus the renderer's save period (1 s). Default 2000 ms.
   */
  settleMs?: number;
  /** Default: a burst of 3, then one every 300 ms. */
  limiter?: RateLimiter;
  log?: (msg: string) => void;
}

export class WallCommandFlow {
  private current: WallScenesState = INITIAL_WALL_SCENES;
  /** Reports saved before this wall-clock instant may predate the latest change. */
  private reportsValidFrom = -Infinity;
  private readonly limiter: RateLimiter;
  private readonly log: (msg: string) => void;

  constructor(private readonly opts: WallCommandFlowOptions) {
    this.limiter = opts.limiter ?? new RateLimiter(3, 300);
    this.log = opts.log ?? (() => {});
  }

  get state(): WallScenesState {
    return this.current;
  }

  /** Stamp an action with its master instant and send it to every window. */
  broadcast(action: WallAction): ClockCommand {
    const cmd = this.opts.clock.schedule(action);
    for (const w of this.opts.windows()) w.send(cmd);
    return cmd;
  }

  /** A 'wall:command' message. Returns the command sent to every window, or null (refused, or no change). */
  receive(event: WallCommandEvent, payload: unknown): ClockCommand | null {
    const r = validateIpc(CHANNELS.wallCommand, event, payload);
    if (!r.ok) {
      this.log(`refused IPC: ${r.reason}`);
      return null;
    }
    const from = [...this.opts.windows()].find((w) => w.contentsId === event.sender.id);
    if (!from) {
      this.log(`refused IPC: ${CHANNELS.wallCommand}: the sender is not one of the kiosk windows`);
      return null;
    }
    if (!this.limiter.take(this.opts.monotonicNow())) {
      this.log(`${from.key}: wall command ${r.value.kind} refused: too many in a row (a stuck key?)`);
      return null;
    }
    // Catch up with anything the windows reported before deciding where "next" goes.
    this.learn();
    const { state, action } = applyWallCommand(this.current, r.value, this.opts.sceneIds);
    if (!action) return null;
    this.current = state;
    const cmd = this.broadcast(action);
    this.reportsValidFrom = this.opts.wallNow() + (this.opts.settleMs ?? 2000);
    this.log(`${from.key}: ${r.value.kind} → ${describe(action)} at master ${cmd.applyAt.toFixed(1)}`);
    return cmd;
  }

  /** Take in what the windows report (call after a heartbeat, and when a window is created with a restore state). */
  learn(): void {
    const all = [...this.opts.windows()];
    const known = (s: RestoreState | null): s is RestoreState & { sceneId: string } => typeof s?.sceneId === 'string' && this.opts.sceneIds.includes(s.sceneId);
    if (this.current.sceneId === null) {
      // The starting scene: the first one any window reports (a restored window knows it before its map is up).
      const first = all.map((w) => w.lastState).find(known);
      if (first) this.current = withReportedScene(this.current, first.sceneId, this.opts.sceneIds);
      return;
    }
    const ready = all.filter((w) => w.mapReady);
    if (ready.length === 0) return;
    const reports = ready.map((w) => w.lastState);
    if (!reports.every((s) => known(s) && s.savedAt >= this.reportsValidFrom)) return;
    const ids = new Set(reports.map((s) => s!.sceneId));
    if (ids.size !== 1) return;
    const [id] = ids;
    if (id !== this.current.sceneId) {
      this.log(`the windows show scene ${id} (switched without the main process)`);
      this.current = withReportedScene(this.current, id, this.opts.sceneIds);
    }
  }

  /**
   * Bring windows to the wall's scene and blackout: one window that came back (reload, recreate) and drew
   * its map, having restored its own, possibly older, scene; or, without a key, every window once all have
   * started. A no-op for a window that already shows them.
   */
  realign(key?: string): ClockCommand[] {
    const targets = [...this.opts.windows()].filter((w) => key === undefined || w.key === key);
    const actions: WallAction[] = [];
    if (this.current.sceneId !== null) actions.push({ kind: 'scene', sceneId: this.current.sceneId });
    if (this.current.blackout) actions.push({ kind: 'blackout', on: true });
    if (targets.length === 0) return [];
    return actions.map((action) => {
      const cmd = this.opts.clock.schedule(action);
      for (const w of targets) w.send(cmd);
      return cmd;
    });
  }
}

function describe(action: WallAction): string {
  if (action.kind === 'scene') return `scene ${action.sceneId}`;
  if (action.kind === 'blackout') return `blackout ${action.on ? 'on' : 'off'}`;
  return action.kind;
}
