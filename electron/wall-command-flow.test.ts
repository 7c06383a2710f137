import { describe, expect, it } from 'vitest';
import type { ClockCommand, RestoreState } from './bridge-types';
import { RateLimiter } from './ipc-validate';
import { MasterClock } from './shared-clock';
import { WallCommandFlow, type FlowWindow, type WallCommandEvent } from './wall-command-flow';

const IDS = ['overview', 'command', 'industry', 'flood'];
const LEAD = 150;

class FakeWindow implements FlowWindow {
  received: ClockCommand[] = [];
  mapReady = true;
  lastState: RestoreState | null = null;
  constructor(
    readonly key: string,
    readonly contentsId: number,
  ) {}
  send(cmd: ClockCommand): void {
    this.received.push(cmd);
  }
  /** What the window reports in its heartbeat: the scene it shows, saved at wall-clock `savedAt`. */
  report(sceneId: string | null, savedAt: number): void {
    this.lastState = { dataClock: 1, paused: false, camera: null, sceneId, savedAt };
  }
}

function setUp(opts: { windows?: number; limiter?: RateLimiter } = {}) {
  const t = { master: 50_000, mono: 0, wall: 1_700_000_000_000 };
  const wins = Array.from({ length: opts.windows ?? 2 }, (_, i) => new FakeWindow(`r0c${i}`, 100 + i));
  const logs: string[] = [];
  const flow = new WallCommandFlow({
    clock: new MasterClock(() => t.master, LEAD),
    sceneIds: IDS,
    windows: () => wins,
    monotonicNow: () => t.mono,
    wallNow: () => t.wall,
    settleMs: 2000,
    limiter: opts.limiter ?? new RateLimiter(100, 1),
    log: (m) => logs.push(m),
  });
  const from = (w: FakeWindow, url = 'app://citywall/index.html?wall=3840x1080&viewport=0,0,1920,1080&window=r0c0'): WallCommandEvent => ({ sender: { id: w.contentsId }, senderFrame: { url, parent: null } });
  /** Time passes on all three clocks of the main process. */
  const advance = (ms: number) => {
    t.master += ms;
    t.mono += ms;
    t.wall += ms;
  };
  return { t, wins, logs, flow, from, advance };
}

describe('wall command flow (main process, fake windows)', () => {
  it('a key at one window becomes one scene command, sent to every window for the same master instant', () => {
    const { wins, flow, from } = setUp({ windows: 3 });
    const [a, b, c] = wins as [FakeWindow, FakeWindow, FakeWindow];
    a.report('overview', 1);
    flow.learn();
    const cmd = flow.receive(from(b), { kind: 'next' });
    expect(cmd).toMatchObject({ applyAt: 50_000 + LEAD, action: { kind: 'scene', sceneId: 'command' } });
    for (const w of [a, b, c]) expect(w.received).toEqual([cmd]);
    expect(flow.state).toEqual({ sceneId: 'command', blackout: false });
    // The next key goes on from there, with a new id.
    const second = flow.receive(from(a), { kind: 'next' });
    expect(second?.action).toEqual({ kind: 'scene', sceneId: 'industry' });
    expect(second!.id).toBeGreaterThan(cmd!.id);
    expect(c.received.map((x) => x.id)).toEqual([cmd!.id, second!.id]);
  });

  it('learns the starting scene from the first window that reports one (restore state or heartbeat)', () => {
    const { wins, flow, from } = setUp();
    const [a, b] = wins as [FakeWindow, FakeWindow];
    a.mapReady = false;
    b.mapReady = false;
    a.report(null, 1); // the source was not up yet: no scene in the snapshot
    b.report('flood', 1);
    flow.learn();
    expect(flow.state.sceneId).toBe('flood');
    expect(flow.receive(from(a), { kind: 'next' })?.action).toEqual({ kind: 'scene', sceneId: 'overview' }); // wraps
  });

  it('without any report, navigation counts from the overview', () => {
    const { wins, flow, from } = setUp();
    expect(flow.receive(from(wins[0]!), { kind: 'prev' })?.action).toEqual({ kind: 'scene', sceneId: 'flood' });
  });

  it('ignores heartbeats that predate its own change, and follows a switch made elsewhere once every window shows it', () => {
    const { t, wins, flow, from, advance } = setUp();
    const [a, b] = wins as [FakeWindow, FakeWindow];
    a.report('overview', t.wall);
    b.report('overview', t.wall);
    flow.learn();
    flow.receive(from(a), { kind: 'jump', index: 2 });
    expect(flow.state.sceneId).toBe('industry');
    // Beats saved before the change applied still say "overview": not believed.
    advance(500);
    a.report('overview', t.wall - 400);
    b.report('overview', t.wall);
    flow.learn();
    expect(flow.state.sceneId).toBe('industry');
    // Later, something else (a presenter hub) switched both windows to flood.
    advance(3000);
    a.report('flood', t.wall);
    flow.learn();
    expect(flow.state.sceneId).toBe('industry'); // only one window says so yet
    b.report('flood', t.wall);
    flow.learn();
    expect(flow.state.sceneId).toBe('flood');
    // So "next" goes on from what the wall really shows.
    expect(flow.receive(from(b), { kind: 'next' })?.action).toEqual({ kind: 'scene', sceneId: 'overview' });
  });

  it('a window that has not drawn its map yet (reloading) does not outvote the others', () => {
    const { t, wins, flow, advance } = setUp();
    const [a, b] = wins as [FakeWindow, FakeWindow];
    a.report('command', t.wall);
    b.report('command', t.wall);
    flow.learn();
    advance(5000);
    b.mapReady = false;
    b.report('overview', t.wall); // its page opened on the overview and is restoring
    a.report('command', t.wall);
    flow.learn();
    expect(flow.state.sceneId).toBe('command');
    // Back with its map, it is sent the wall's scene (and only it).
    b.mapReady = true;
    const before = a.received.length;
    const sent = flow.realign('r0c1');
    expect(sent.map((c) => c.action)).toEqual([{ kind: 'scene', sceneId: 'command' }]);
    expect(b.received.at(-1)).toEqual(sent[0]);
    expect(a.received).toHaveLength(before);
  });

  it('blackout toggles on every window; a realigned window goes dark too', () => {
    const { wins, flow, from } = setUp();
    const [a, b] = wins as [FakeWindow, FakeWindow];
    expect(flow.receive(from(a), { kind: 'blackout' })?.action).toEqual({ kind: 'blackout', on: true });
    expect(b.received.at(-1)?.action).toEqual({ kind: 'blackout', on: true });
    expect(flow.realign().map((c) => c.action)).toEqual([{ kind: 'blackout', on: true }]); // no scene known yet
    expect(flow.receive(from(b), { kind: 'next' })?.action).toEqual({ kind: 'blackout', on: false });
    expect(flow.state.blackout).toBe(false);
  });

  it('refuses a sender that is not one of the kiosk windows, a foreign or sub frame, and a bad payload; nothing is sent', () => {
    const { wins, flow, from, logs } = setUp();
    const [a, b] = wins as [FakeWindow, FakeWindow];
    expect(flow.receive({ sender: { id: 999 }, senderFrame: { url: 'app://citywall/index.html', parent: null } }, { kind: 'next' })).toBeNull();
    expect(flow.receive(from(a, 'https://evil.example/'), { kind: 'next' })).toBeNull();
    expect(flow.receive({ sender: { id: a.contentsId }, senderFrame: { url: 'app://citywall/index.html', parent: {} } }, { kind: 'next' })).toBeNull();
    expect(flow.receive(from(a), { kind: 'jump', index: 1e9 })).toBeNull();
    expect(flow.receive(from(a), { kind: 'seek', dataTime: 0, pause: true })).toBeNull();
    expect(a.received).toEqual([]);
    expect(b.received).toEqual([]);
    expect(logs).toHaveLength(5);
    expect(logs[0]).toContain('not one of the kiosk windows');
    expect(logs[1]).toContain('is not the app');
    expect(flow.state.sceneId).toBeNull();
  });

  it('a stuck key gets through at the limiter’s pace, not once per keydown', () => {
    const { wins, flow, from, advance, logs } = setUp({ limiter: new RateLimiter(3, 300) });
    const a = wins[0]!;
    let sent = 0;
    for (let i = 0; i < 100; i++) {
      if (flow.receive(from(a), { kind: 'next' })) sent++;
      advance(30);
    }
    expect(sent).toBeGreaterThanOrEqual(12);
    expect(sent).toBeLessThanOrEqual(13);
    expect(a.received).toHaveLength(sent);
    expect(logs.filter((m) => m.includes('too many in a row'))).toHaveLength(100 - sent);
  });

  it('a key that changes nothing sends nothing (a jump to the scene on show, or past the end)', () => {
    const { wins, flow, from } = setUp();
    const a = wins[0]!;
    a.report('command', 1);
    flow.learn();
    expect(flow.receive(from(a), { kind: 'jump', index: 1 })).toBeNull();
    expect(flow.receive(from(a), { kind: 'jump', index: 42 })).toBeNull();
    expect(a.received).toEqual([]);
  });

  it('broadcast stamps any action for every window (the data-clock alignment uses it)', () => {
    const { wins, flow } = setUp();
    const cmd = flow.broadcast({ kind: 'seek', dataTime: 123, pause: true });
    expect(cmd.applyAt).toBe(50_000 + LEAD);
    for (const w of wins) expect(w.received).toEqual([cmd]);
  });
});
