import { describe, expect, it } from 'vitest';
import { parseGpuState, RecoveryPolicy, type RecoveryConfig } from './recovery-policy';

const CONFIG: RecoveryConfig = {
  heartbeatTimeoutMs: 8000,
  startupGraceMs: 30_000,
  unresponsiveTimeoutMs: 8000,
  gpuCrashLimit: 3,
  gpuCrashWindowMs: 10 * 60_000,
  reloadLoopLimit: 5,
  reloadLoopWindowMs: 10 * 60_000,
  softReloadAtHour: 4,
};
// A fixed local day at 10:00 (away from the soft-reload hour).
const T0 = new Date(2026, 5, 1, 10, 0, 0).getTime();

function policy(config: Partial<RecoveryConfig> = {}) {
  const p = new RecoveryPolicy({ ...CONFIG, ...config });
  p.startedAt(T0);
  p.windowLoaded('r0c0', T0);
  p.windowLoaded('r0c1', T0);
  return p;
}

describe('recovery policy', () => {
  it('a crashed renderer is reloaded with its state; a clean exit (our own close) is not', () => {
    const p = policy();
    expect(p.rendererGone('r0c1', 'crashed', T0 + 1000)).toEqual([{ kind: 'reload', window: 'r0c1', reason: 'crashed', restore: true }]);
    expect(p.rendererGone('r0c1', 'oom', T0 + 2000)).toEqual([{ kind: 'reload', window: 'r0c1', reason: 'crashed', restore: true }]);
    expect(p.rendererGone('r0c0', 'clean-exit', T0 + 3000)).toEqual([]);
    expect(p.rendererGone('nope', 'crashed', T0)).toEqual([]);
  });

  it('heartbeat watchdog: silence after the first beat → reload; before it, only after the start-up grace', () => {
    const p = policy();
    // No beat yet: the page is starting; nothing until the grace period is over.
    expect(p.tick(T0 + 20_000)).toEqual([]);
    p.heartbeat('r0c0', T0 + 21_000);
    p.heartbeat('r0c1', T0 + 21_000);
    expect(p.tick(T0 + 28_000)).toEqual([]);
    p.heartbeat('r0c0', T0 + 28_000);
    // r0c1 stops beating at 21 s: reloaded at 29 s; r0c0 still beats.
    expect(p.tick(T0 + 29_000)).toEqual([{ kind: 'reload', window: 'r0c1', reason: 'heartbeat-timeout', restore: true }]);
    // The reload restarts its grace period: no second reload while it starts.
    expect(p.tick(T0 + 40_000).filter((a) => 'window' in a && a.window === 'r0c1')).toEqual([]);
    // A page that never beats at all is reloaded once the grace is over.
    expect(p.tick(T0 + 29_000 + 30_000).filter((a) => 'window' in a && a.window === 'r0c1')).toEqual([{ kind: 'reload', window: 'r0c1', reason: 'heartbeat-timeout', restore: true }]);
  });

  it('a hang is reloaded when it lasts; one that recovers is left alone', () => {
    const p = policy();
    p.heartbeat('r0c0', T0);
    p.heartbeat('r0c1', T0);
    p.unresponsive('r0c0', T0 + 1000);
    p.unresponsive('r0c1', T0 + 1000);
    p.responsive('r0c1');
    p.heartbeat('r0c1', T0 + 8500);
    expect(p.tick(T0 + 9000)).toEqual([{ kind: 'reload', window: 'r0c0', reason: 'unresponsive', restore: true }]);
  });

  it('a window that keeps crashing is recreated instead of reloaded', () => {
    const p = policy();
    const kinds = [1, 2, 3, 4, 5].map((i) => p.rendererGone('r0c0', 'crashed', T0 + i * 10_000)[0]!.kind);
    expect(kinds).toEqual(['reload', 'reload', 'reload', 'reload', 'recreate']);
    // Crashes spread over hours never count as a loop.
    const q = policy();
    expect([1, 2, 3, 4, 5, 6].map((i) => q.rendererGone('r0c0', 'crashed', T0 + i * 15 * 60_000)[0]!.kind)).not.toContain('recreate');
  });

  it('repeated GPU-process crashes within the window switch to software rendering, once', () => {
    const p = policy();
    expect(p.gpuProcessGone('crashed', T0)).toEqual([]);
    expect(p.gpuProcessGone('crashed', T0 + 60_000)).toEqual([]);
    const a = p.gpuProcessGone('crashed', T0 + 120_000);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ kind: 'software-rendering' });
    expect(p.gpuState.softwareRendering).toBe(true);
    expect(p.gpuProcessGone('crashed', T0 + 130_000)).toEqual([]);
  });

  it('GPU crashes spread out do not trigger the fallback; state survives a restart via its file', () => {
    const p = policy();
    for (let i = 0; i < 5; i++) expect(p.gpuProcessGone('crashed', T0 + i * 11 * 60_000)).toEqual([]);
    // Two recent crashes persisted, a third after the restart trips it.
    const saved = JSON.parse(JSON.stringify({ crashes: [T0, T0 + 1000], softwareRendering: false })) as unknown;
    const q = new RecoveryPolicy(CONFIG, parseGpuState(saved));
    expect(q.gpuProcessGone('crashed', T0 + 2000)[0]?.kind).toBe('software-rendering');
    expect(parseGpuState('garbage')).toEqual({ crashes: [], softwareRendering: false });
  });

  it('scheduled soft reload: every window once a day at the configured hour, keeping the scene', () => {
    const p = policy();
    const at4 = new Date(2026, 5, 2, 4, 0, 30).getTime();
    for (const k of ['r0c0', 'r0c1']) p.heartbeat(k, at4 - 500);
    expect(p.tick(at4)).toEqual([
      { kind: 'reload', window: 'r0c0', reason: 'scheduled', restore: true },
      { kind: 'reload', window: 'r0c1', reason: 'scheduled', restore: true },
    ]);
    for (const k of ['r0c0', 'r0c1']) p.heartbeat(k, at4 + 5000);
    expect(p.tick(at4 + 6000)).toEqual([]);
    // Started at 04:10 → not reloaded that day; null hour → never.
    const late = new RecoveryPolicy(CONFIG);
    const t410 = new Date(2026, 5, 2, 4, 10).getTime();
    late.startedAt(t410);
    late.windowLoaded('a', t410);
    late.heartbeat('a', t410 + 1000);
    expect(late.tick(t410 + 1500)).toEqual([]);
    const never = policy({ softReloadAtHour: null });
    for (const k of ['r0c0', 'r0c1']) never.heartbeat(k, at4 - 500);
    expect(never.tick(at4)).toEqual([]);
  });
});
