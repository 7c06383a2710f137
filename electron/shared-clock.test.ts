import { describe, expect, it } from 'vitest';
import type { ClockCommand } from './bridge-types';
import { ClockFollower, estimateOffset, MasterClock, type Applied, type FollowerEnv } from './shared-clock';

/** One simulated timeline (true time) with timers; each follower reads it through its own skewed clock. */
class World {
  t = 1_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  env(skew: number): FollowerEnv {
    return {
      now: () => this.t + skew,
      setTimer: (fn, ms) => {
        const id = this.nextId++;
        this.timers.push({ at: this.t + ms, fn, id });
        return id;
      },
      clearTimer: (h) => {
        this.timers = this.timers.filter((x) => x.id !== h);
      },
      spinMs: 0,
    };
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}

describe('shared clock', () => {
  it('estimates the offset from the sample with the shortest round trip', () => {
    // Follower runs 500 ms behind the master; the second sample had a slow, asymmetric return.
    expect(estimateOffset([{ t0: 100, master: 610, t1: 120 }, { t0: 200, master: 705, t1: 290 }])).toEqual({ offset: 500, rtt: 20 });
    expect(estimateOffset([])).toBeNull();
  });

  it('the master stamps commands with now + lead', () => {
    let now = 5000;
    const m = new MasterClock(() => now, 150);
    expect(m.schedule({ kind: 'pause' })).toEqual({ id: 1, applyAt: 5150, action: { kind: 'pause' } });
    now = 6000;
    expect(m.schedule({ kind: 'play' }, 40)).toEqual({ id: 2, applyAt: 6040, action: { kind: 'play' } });
    expect(m.syncReply(12)).toEqual({ t0: 12, master: 6000 });
  });

  it('two followers with different local offsets apply at the same master instant', () => {
    const world = new World();
    const master = new MasterClock(() => world.t, 150);
    const skews = { a: -250, b: +1234 };
    const applied: Record<string, Applied & { trueTime: number }> = {};
    const followers = Object.fromEntries(
      Object.entries(skews).map(([name, skew]) => {
        const env = world.env(skew);
        return [name, { env, f: new ClockFollower(env, (_cmd, a) => (applied[name] = { ...a, trueTime: world.t })) }];
      }),
    );
    // Sync: each follower samples the master with different (asymmetric) delays; the best sample is 2 ms round trip.
    for (const { env, f } of Object.values(followers)) {
      for (const [out, back] of [[30, 5], [1, 1], [8, 40]] as const) {
        const t0 = env.now();
        world.advance(out);
        const reply = master.syncReply(t0);
        world.advance(back);
        f.addSample({ t0: reply.t0, master: reply.master, t1: env.now() });
      }
    }
    expect(followers.a!.f.offset).toBeCloseTo(250, 6);
    expect(followers.b!.f.offset).toBeCloseTo(-1234, 6);
    // The command reaches the followers at different times (3 ms and 90 ms of IPC delay, lead 150 ms).
    const cmd: ClockCommand = master.schedule({ kind: 'seek', dataTime: 42, pause: true });
    world.advance(3);
    followers.a!.f.receive(cmd);
    world.advance(87);
    followers.b!.f.receive(cmd);
    world.advance(200);
    expect(applied.a!.trueTime).toBe(cmd.applyAt);
    expect(applied.b!.trueTime).toBe(cmd.applyAt);
    expect(Math.abs(applied.a!.master - cmd.applyAt)).toBeLessThan(1);
    expect(Math.abs(applied.b!.master - cmd.applyAt)).toBeLessThan(1);
    expect(applied.a!.local).not.toBe(applied.b!.local); // different local clocks, one instant
  });

  it('a command that arrives late is applied at once and reports how late; duplicates are ignored', () => {
    const world = new World();
    const master = new MasterClock(() => world.t, 100);
    const log: Applied[] = [];
    const f = new ClockFollower(world.env(0), (_c, a) => log.push(a));
    const cmd = master.schedule({ kind: 'play' });
    world.advance(130);
    f.receive(cmd);
    f.receive(cmd);
    expect(log).toHaveLength(1);
    expect(log[0]!.lateMs).toBe(30);
  });

  it('cancelAll drops pending commands (window reloading)', () => {
    const world = new World();
    const master = new MasterClock(() => world.t, 100);
    const log: Applied[] = [];
    const f = new ClockFollower(world.env(0), (_c, a) => log.push(a));
    f.receive(master.schedule({ kind: 'pause' }));
    f.cancelAll();
    world.advance(500);
    expect(log).toEqual([]);
  });
});
