/**
 * What the kiosk does when something breaks, as a pure state machine: the main process reports events
 * (renderer gone, unresponsive, heartbeat, GPU process gone, time passing) and carries out the actions
 * it returns. Reloads always restore: the window reloads with the state of its last heartbeat (scene,
 * camera, data clock), so a crash costs seconds of picture, never the position in the tour.
 *
 *   renderer crashed / killed / oom        → reload (restore)
 *   renderer unresponsive > timeout        → reload (restore)   (a hang that recovers cancels it)
 *   heartbeat silent > timeout             → reload (restore)   (after a start-up grace period)
 *   ≥ reloadLoopLimit reloads in window    → recreate the BrowserWindow instead of reloading it
 *   ≥ gpuCrashLimit GPU crashes in window  → software rendering from the next start, relaunch now
 *   local hour == softReloadAtHour         → soft reload of every window, once a day (restore)
 */

export type GoneReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';

export type RecoveryReason = 'crashed' | 'unresponsive' | 'heartbeat-timeout' | 'scheduled' | 'reload-loop';

export type RecoveryAction =
  | { kind: 'reload'; window: string; reason: RecoveryReason; restore: true }
  | { kind: 'recreate'; window: string; reason: RecoveryReason; restore: true }
  | { kind: 'software-rendering'; reason: string };

export interface RecoveryConfig {
  heartbeatTimeoutMs: number;
  startupGraceMs: number;
  /** A hang that lasts this long is treated like a crash. */
  unresponsiveTimeoutMs: number;
  gpuCrashLimit: number;
  gpuCrashWindowMs: number;
  reloadLoopLimit: number;
  reloadLoopWindowMs: number;
  /** Local hour (0–23) of the daily soft reload, null for never. */
  softReloadAtHour: number | null;
}

interface WindowState {
  /** Last heartbeat, or the (re)load time while none has come yet. */
  lastBeat: number;
  beating: boolean;
  loadedAt: number;
  unresponsiveSince: number | null;
  reloads: number[];
}

/** Persisted between starts (userData/gpu-state.json): GPU crash times and the rendering mode. */
export interface GpuState {
  crashes: number[];
  softwareRendering: boolean;
}

export const INITIAL_GPU_STATE: GpuState = { crashes: [], softwareRendering: false };

/** Chromium switches for software rendering (SwiftShader WebGL, which Cesium still runs on). */
export const SOFTWARE_RENDERING_SWITCHES: readonly (readonly [string, string?])[] = [['use-angle', 'swiftshader'], ['enable-unsafe-swiftshader'], ['ignore-gpu-blocklist']];

export function parseGpuState(value: unknown): GpuState {
  if (typeof value !== 'object' || value === null) return { ...INITIAL_GPU_STATE };
  const v = value as Partial<GpuState>;
  return {
    crashes: Array.isArray(v.crashes) ? v.crashes.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)) : [],
    softwareRendering: v.softwareRendering === true,
  };
}

/** Local calendar day key, so the scheduled reload happens once per day. */
function dayKey(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

export class RecoveryPolicy {
  private readonly windows = new Map<string, WindowState>();
  private lastSoftReloadDay: string | null = null;

  constructor(
    private readonly config: RecoveryConfig,
    private gpu: GpuState = { ...INITIAL_GPU_STATE },
  ) {}

  get gpuState(): GpuState {
    return { crashes: [...this.gpu.crashes], softwareRendering: this.gpu.softwareRendering };
  }

  /** A window was created or (re)loaded: its watchdog starts after the grace period. */
  windowLoaded(key: string, now: number): void {
    const prev = this.windows.get(key);
    this.windows.set(key, { lastBeat: now, beating: false, loadedAt: now, unresponsiveSince: null, reloads: prev?.reloads ?? [] });
  }

  windowClosed(key: string): void {
    this.windows.delete(key);
  }

  heartbeat(key: string, now: number): void {
    const w = this.windows.get(key);
    if (!w) return;
    w.lastBeat = now;
    w.beating = true;
    w.unresponsiveSince = null;
  }

  rendererGone(key: string, reason: GoneReason, now: number): RecoveryAction[] {
    if (!this.windows.has(key)) return [];
    // 'clean-exit' happens when we close the window ourselves; anything else is a failure.
    if (reason === 'clean-exit') return [];
    return [this.restart(key, 'crashed', now)];
  }

  unresponsive(key: string, now: number): void {
    const w = this.windows.get(key);
    if (w && w.unresponsiveSince === null) w.unresponsiveSince = now;
  }

  responsive(key: string): void {
    const w = this.windows.get(key);
    if (w) w.unresponsiveSince = null;
  }

  /** The GPU process went away (type 'GPU' in app 'child-process-gone'). */
  gpuProcessGone(reason: GoneReason, now: number): RecoveryAction[] {
    if (reason === 'clean-exit') return [];
    this.gpu.crashes = [...this.gpu.crashes.filter((t) => now - t < this.config.gpuCrashWindowMs), now];
    if (!this.gpu.softwareRendering && this.gpu.crashes.length >= this.config.gpuCrashLimit) {
      this.gpu.softwareRendering = true;
      return [{ kind: 'software-rendering', reason: `${this.gpu.crashes.length} GPU process crashes within ${Math.round(this.config.gpuCrashWindowMs / 60_000)} min (last: ${reason})` }];
    }
    return [];
  }

  /** Called about once a second: watchdogs and the daily soft reload. */
  tick(now: number): RecoveryAction[] {
    const actions: RecoveryAction[] = [];
    for (const [key, w] of this.windows) {
      if (w.unresponsiveSince !== null && now - w.unresponsiveSince >= this.config.unresponsiveTimeoutMs) {
        actions.push(this.restart(key, 'unresponsive', now));
        continue;
      }
      const grace = w.beating ? 0 : this.config.startupGraceMs;
      if (now - w.loadedAt >= grace && now - w.lastBeat >= this.config.heartbeatTimeoutMs) actions.push(this.restart(key, 'heartbeat-timeout', now));
    }
    const hour = this.config.softReloadAtHour;
    if (hour !== null && new Date(now).getHours() === hour && this.lastSoftReloadDay !== dayKey(now)) {
      this.lastSoftReloadDay = dayKey(now);
      for (const key of this.windows.keys()) {
        if (!actions.some((a) => 'window' in a && a.window === key)) actions.push(this.restart(key, 'scheduled', now));
      }
    }
    return actions;
  }

  /** Mark the start day as done so a kiosk started at 04:10 does not reload at once. */
  startedAt(now: number): void {
    if (this.config.softReloadAtHour !== null && new Date(now).getHours() >= this.config.softReloadAtHour) this.lastSoftReloadDay = dayKey(now);
  }

  private restart(key: string, reason: RecoveryReason, now: number): RecoveryAction {
    const w = this.windows.get(key)!;
    w.reloads = [...w.reloads.filter((t) => now - t < this.config.reloadLoopWindowMs), now];
    // Reset the watchdog: the reload itself gets a fresh grace period.
    w.lastBeat = now;
    w.loadedAt = now;
    w.beating = false;
    w.unresponsiveSince = null;
    if (reason !== 'scheduled' && w.reloads.length >= this.config.reloadLoopLimit) {
      w.reloads = [];
      return { kind: 'recreate', window: key, reason: 'reload-loop', restore: true };
    }
    return { kind: 'reload', window: key, reason, restore: true };
  }
}
