/**
 * The presenter bus end to end: a real hub (server/hub/hub.ts startHub, in process, on 127.0.0.1:0)
 * serving the built app, two wall pages in real Chromium opened from the hub's URL (same origin: each
 * finds the hub by itself), and a remote that is a Node socket.io client paired over the REST API.
 *   (a) a remote goTo switches both walls: the same command, and their first frames after applying it are
 *       within one frame of each other, measured on the hub's master clock (each wall converts its own
 *       rAF timestamp through its measured clock offset);
 *   (b) a wall opened late shows the hub's scene at once (from the state, no command needed);
 *   (c) blackout from the remote turns both walls black (screenshot pixels) and back;
 *   (d) a fast-clock tour runs through: the hub schedules every step exactly holdSeconds × dwellScale
 *       after the previous one, and the walls apply each one at its instant;
 *   (e) B at a wall goes through the hub and blacks out both walls at one instant.
 * Also: the pairing card shows the hub's code while nobody holds control; a critical alarm in the walls'
 * data reaches the hub and comes back as the banner on both walls, which the presenter dismisses; a hub
 * that goes away leaves the walls on their scene with the 遥控离线 chip.
 * Walls are 1280x720 (software WebGL on 2 cores), each in its own browser (its own GPU process, as each
 * wall PC has its own GPU); their data is paused once they are linked, and timed commands wait until the
 * walls are idle (waitQuiet), so the timing measures the clock and the switch, not a replay clock's
 * re-renders or a previous switch competing for the CPU.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { startHub, type Hub } from '../../server/hub/hub';
import { TOURS } from '../../scenes/tours';
import { defineTour } from '../../src/tour/define';
import { HUB_EVENTS, HUB_PAIR_PATH, HUB_REMOTE_NS, type CommandAck, type PairReply, type RemoteCommand } from '../../src/presenter/protocol';
import { launchBrowser, watchPage, type PageWatch } from './browser';
import { countPixels, decodePng } from './pixels';

interface AppliedCommand {
  id: number;
  kind: string;
  applyAt: number;
  receivedMaster: number | null;
  appliedMaster: number;
  lateMs: number;
  frameAt: number | null;
  frameRunAt: number | null;
}
interface PresenterHook {
  hub: string | null;
  connected: boolean;
  status: string;
  state: { sceneId: string; blackout: boolean; rev: number } | null;
  applied: AppliedCommand[];
  offset: number;
  blackout: boolean;
  lastRoute: string | null;
}
interface HookWindow {
  __citywall?: {
    presenter?: PresenterHook;
    wall?: { firstCompleteFrame?: number };
    map?: { ready: boolean };
    source?: { pause(): void; getState(): { status: string } };
    scenes?: { current: string; whenComplete(id?: string): Promise<unknown> };
  };
}

const SIZE = { width: 1280, height: 720 };
const FRAME_MS = 1000 / 60;
/**
 * "Within one frame": the same frame, or the next one where one wall's frame falls just after the
 * instant and the other's just before it; read through two walls' clock estimates (each good to ±1 ms).
 */
const ONE_FRAME_MS = FRAME_MS + 2;
/**
 * A wall turns a command's master instant into its own clock when the command arrives; clock samples
 * taken during the lead may move its offset estimate by a few ms before it applies, so "applied at" read
 * through the newer estimate can fall that much before the instant.
 */
const ESTIMATE_SLACK_MS = 5;
const DWELL_SCALE = 0.1;
/**
 * Three steps held 2.5 s, 2 s and 2 s at the test's dwell scale (a tenth of their 25 s, 20 s, 20 s), once
 * through, then it ends. A scene switch keeps a 1280x720 wall with software WebGL busy for 1–3 s here (two
 * walls and their GPU processes on 2 cores; the main thread waits on SwiftShader more than it runs
 * script), so a step may be due while a wall is still drawing the last one: the test then checks it
 * applied right after that work, not that it was on time. The hub's timing is checked exactly. The scenes
 * are cheap-to-switch ones sharing the overview's viewpoint; the last step flies to its own camera.
 * Scenes whose panels keep the main thread busy while idle (measured: command and guidance run 250–580 ms
 * tasks every ~0.7 s on a paused 1280x720 wall) stay out of every timed switch here: a command due inside
 * such a task is late by it on one wall and not the other — the scene's cost, not the clock's.
 */
const FAST_TOUR = defineTour({
  id: 'e2e-fast',
  title: '快速导览 (e2e)',
  loop: false,
  steps: [
    { scene: 'decision', holdSeconds: 25, highlight: { panelId: 'suggestions' } },
    { scene: 'overview', holdSeconds: 20 },
    { scene: 'evaluation', holdSeconds: 20, camera: { kind: 'look-at', lon: 111.3, lat: 30.69, range: 30_000, pitch: -50, heading: 0 } },
  ],
});
/** Quiet, cheap-to-switch scenes (see above) the timed remote switches go between. */
const TIMED_SCENES = ['decision', 'overview'];

/** One browser per wall: its own GPU process (SwiftShader here), as each wall PC has its own GPU. */
const browsers: Browser[] = [];
let hub: Hub;
let walls: Page[] = [];
const contexts: BrowserContext[] = [];
const watches: PageWatch[] = [];
let remote: Socket;

const presenter = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as HookWindow).__citywall?.presenter ?? null)) as PresenterHook | null);
const appliedOf = async (page: Page, id: number) => (await presenter(page))?.applied.find((a) => a.id === id) ?? null;
const sceneOf = (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__citywall?.scenes?.current ?? null);

/** A wall page in its own browser context of browser `n` (its own renderer, GPU process of that browser). */
async function openWall(wallId: string, n: number, size = SIZE, waitUntil: 'load' | 'commit' = 'load'): Promise<Page> {
  const context = await browsers[n]!.newContext({ viewport: size, deviceScaleFactor: 1 });
  contexts.push(context);
  // The wall's long tasks (epoch ms, duration): what kept its main thread from a command's instant.
  await context.addInitScript(`window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([performance.timeOrigin + e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });`);
  const page = await context.newPage();
  watches.push(await watchPage(page));
  await page.goto(`${hub.url}/?wallId=${wallId}`, { waitUntil });
  return page;
}

async function waitLinked(page: Page, timeout = 60_000) {
  await page.waitForFunction(() => {
    const p = (window as unknown as HookWindow).__citywall?.presenter;
    return p?.connected === true && p.state !== null;
  }, null, { timeout, polling: 100 });
}

async function waitReady(page: Page, timeout = 240_000) {
  await page.waitForFunction(() => {
    const h = (window as unknown as HookWindow).__citywall;
    return h?.map?.ready === true && h.wall?.firstCompleteFrame !== undefined;
  }, null, { timeout, polling: 250 });
}

function send(cmd: RemoteCommand): Promise<CommandAck> {
  return new Promise((resolve) => remote.timeout(5000).emit(HUB_EVENTS.remoteCommand, cmd, (err: Error | null, ack: CommandAck) => resolve(err ? { ok: false, error: err.message } : ack)));
}

/** Every wall has applied command `id` and drawn a frame after it. */
async function appliedEverywhere(id: number, pages = walls): Promise<AppliedCommand[]> {
  let out: (AppliedCommand | null)[] = [];
  await expect
    .poll(async () => {
      out = await Promise.all(pages.map((p) => appliedOf(p, id)));
      return out.every((a) => a !== null && a.frameAt !== null);
    }, { timeout: 15_000, interval: 100 })
    .toBe(true);
  return out as AppliedCommand[];
}

const lastCommandId = () => hub.commands.at(-1)?.id ?? 0;
/** The first command scheduled after `before` (its id), once the hub has it. */
async function nextCommand(before: number, kind: string) {
  await expect.poll(() => hub.commands.some((c) => c.id > before && c.action.kind === kind), { timeout: 5000 }).toBe(true);
  return hub.commands.find((c) => c.id > before && c.action.kind === kind)!;
}

/**
 * Until every wall has drawn 10 frames in a row at the display's pace (its main thread is idle: the last
 * switch's panels, crossfade and flight are done), then holds its running CSS animations (the ticker, a
 * glow): with software GL every animated frame is composited by the CPU, and a GPU process still busy
 * with the last one holds the next frame back by a frame or two at random — a cost a wall PC's GPU does
 * not have. A timed command is sent only then, so what is measured is the clock and the switch itself
 * (its own fades and charts run as usual). Gives up waiting after 20 s (the measurement then shows it).
 */
async function waitQuiet(pages = walls) {
  await whenWallsReady();
  await Promise.all(pages.map((p) => p.evaluate(() => document.getAnimations().forEach((a) => a.pause()))));
  await Promise.all(
    pages.map((p) =>
      p.evaluate(`new Promise((resolve) => {
        const t0 = performance.now();
        let last = 0, steady = 0;
        function tick(ts) {
          steady = last && ts - last < 1000 / 60 * 1.5 ? steady + 1 : 0;
          last = ts;
          if (steady >= 10 || performance.now() - t0 > 20000) resolve(steady >= 10);
          else requestAnimationFrame(tick);
        }
        requestAnimationFrame(tick);
      })`),
    ),
  );
}

/**
 * How late a wall could not help being for an instant (master ms): the stretch of long tasks (the
 * browser's own ≥ 50 ms reports; less than 50 ms apart counts as one stretch) its main thread was in at
 * the instant, up to the task that applied the command (it starts at most the follower's 20 ms spin before
 * applying, and is the switch's own work, not a blocker); or the command's own late arrival (it is
 * handled on the same main thread). 0 when the wall was free and had the command in time.
 */
async function unavoidableLate(page: Page, a: AppliedCommand): Promise<number> {
  const { tasks, offset } = await page.evaluate(() => ({
    tasks: ((window as unknown as { __longTasks?: [number, number][] }).__longTasks ?? []).slice(),
    offset: (window as unknown as HookWindow).__citywall!.presenter!.offset,
  }));
  const spans = tasks
    .map(([start, d]) => [start + offset, start + offset + d] as const)
    .filter(([s0]) => s0 < a.appliedMaster - 25)
    .sort((x, y) => x[0] - y[0]);
  let end = a.applyAt;
  for (const [s0, s1] of spans) {
    if (s0 <= end + 50 && s1 > end) end = s1;
  }
  return Math.max(0, end - a.applyAt, a.receivedMaster === null ? 0 : a.receivedMaster - a.applyAt);
}

/** Share of pure black pixels in a screenshot. */
async function blackShare(page: Page): Promise<number> {
  const png = decodePng(await page.screenshot());
  return countPixels(png, { x: 0, y: 0, width: png.width, height: png.height }, (r, g, b) => r + g + b === 0) / (png.width * png.height);
}

beforeAll(async () => {
  browsers.push(...(await Promise.all([launchBrowser(), launchBrowser()])));
  hub = await startHub({
    host: '127.0.0.1',
    port: 0,
    distDir: process.env.E2E_OUT_DIR ?? 'dist',
    dwellScale: DWELL_SCALE,
    // Production uses 300 ms on a LAN; here the hub's Node process shares 2 cores with two software-GL
    // walls and was seen waking 300 ms late for a tour step: the lead has to cover the wake-up too.
    leadMs: 600,
    tours: { ...TOURS, [FAST_TOUR.id]: FAST_TOUR },
    logError: (m) => console.warn(`[hub] ${m}`),
  });
  walls = await Promise.all([openWall('left', 0), openWall('right', 1)]);
  for (const p of walls) await waitLinked(p);
  // Still data from here on (the recording's first minute: a critical alarm is active): the switches
  // below are measured on walls whose main threads have nothing else to do. The maps start meanwhile;
  // the timed tests wait for them (walls ready).
  for (const p of walls) {
    await p.waitForFunction(() => (window as unknown as HookWindow).__citywall?.source?.getState().status === 'playing', null, { timeout: 60_000, polling: 100 });
    await p.evaluate(() => (window as unknown as HookWindow).__citywall!.source!.pause());
  }
}, 300_000);

/** Both walls drew their first complete frame (map and panels), once. */
let wallsReady: Promise<void> | null = null;
const whenWallsReady = () => (wallsReady ??= Promise.all(walls.map((p) => waitReady(p))).then(() => undefined));

afterAll(async () => {
  remote?.close();
  for (const c of contexts) await c.close();
  for (const b of browsers) await b.close();
  await hub?.close().catch(() => undefined);
});

describe('presenter hub and two wall pages', () => {
  it('finds the hub on its own origin and shows the pairing card with the hub’s code while nobody holds control', async () => {
    for (const p of walls) {
      const h = (await presenter(p))!;
      expect(h.hub).toBe(hub.url);
      expect(h.state?.sceneId).toBe(hub.state().sceneId);
      await expect.poll(() => p.getByTestId('pairing-code').textContent()).toBe(`${hub.pairing().code.slice(0, 3)} ${hub.pairing().code.slice(3)}`);
      // The QR code is drawn in the page: an SVG path, many modules.
      expect((await p.locator('[data-testid="pairing-qr"] path').getAttribute('d'))!.length).toBeGreaterThan(500);
    }
  });

  it('pairs a remote with the code on the wall and takes control (the card goes away)', async () => {
    const res = await fetch(`${hub.url}${HUB_PAIR_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: hub.url },
      body: JSON.stringify({ code: hub.pairing().code, name: 'e2e 遥控' }),
    });
    const reply = (await res.json()) as PairReply;
    if (!reply.ok) throw new Error(reply.error);
    remote = io(`${hub.url}${HUB_REMOTE_NS}`, { auth: { token: reply.token }, extraHeaders: { origin: hub.url }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve, reject) => {
      remote.once('connect', () => resolve());
      remote.once('connect_error', reject);
    });
    expect(await send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
    for (const p of walls) await expect.poll(() => p.getByTestId('pairing-card').count(), { timeout: 10_000 }).toBe(0);
  });

  it('a critical alarm in the walls’ data comes back from the hub as the banner on both walls; the presenter dismisses it', async () => {
    // The recording starts with an active 一级 lifeline alarm: the walls raise it, the hub banners it.
    await expect.poll(() => hub.state().alerts.banner?.severity ?? null, { timeout: 30_000 }).toBe('critical');
    const alert = hub.state().alerts.banner!;
    for (const p of walls) {
      await expect.poll(() => p.getByTestId('alert-banner').getAttribute('data-alert-id'), { timeout: 10_000 }).toBe(alert.id);
      expect(await p.getByTestId('alert-banner-title').textContent()).toBe(alert.title);
    }
    expect(await send({ kind: 'alert', alertId: alert.id, decision: 'dismiss' })).toEqual({ ok: true });
    for (const p of walls) await expect.poll(() => p.getByTestId('alert-banner').count(), { timeout: 10_000 }).toBe(0);
  });

  it('(a) a remote goTo switches both walls with the same command, their first frames within one frame', async () => {
    await whenWallsReady();
    const spreads: number[] = [];
    for (const sceneId of TIMED_SCENES) {
      await waitQuiet();
      const before = lastCommandId();
      expect(await send({ kind: 'goTo', sceneId })).toEqual({ ok: true });
      const cmd = await nextCommand(before, 'scene');
      const [a, b] = await appliedEverywhere(cmd.id);
      for (const x of [a!, b!]) {
        expect(x.kind).toBe('scene');
        expect(x.applyAt).toBe(cmd.applyAt);
        expect(x.appliedMaster).toBeGreaterThanOrEqual(cmd.applyAt - ESTIMATE_SLACK_MS);
      }
      const spread = Math.abs(a!.frameAt! - b!.frameAt!);
      spreads.push(spread);
      const offsets = await Promise.all(walls.map(async (p) => (await presenter(p))!.offset.toFixed(2)));
      console.info(
        `[presenter] ${sceneId}: applied +${a!.lateMs.toFixed(1)} / +${b!.lateMs.toFixed(1)} ms late; first frames ${spread.toFixed(1)} ms apart ` +
          `(their callbacks ran ${(a!.frameRunAt! - a!.appliedMaster).toFixed(0)} / ${(b!.frameRunAt! - b!.appliedMaster).toFixed(0)} ms after applying; offsets ${offsets.join(' / ')} ms)`,
      );
      for (const p of walls) expect(await sceneOf(p)).toBe(sceneId);
      for (const p of walls) await p.evaluate((id) => (window as unknown as HookWindow).__citywall!.scenes!.whenComplete(id), sceneId);
    }
    for (const s of spreads) expect(s).toBeLessThanOrEqual(ONE_FRAME_MS);
  });

  it('(b) a wall opened late shows the current scene at once, without waiting for a command', async () => {
    const before = lastCommandId();
    expect(await send({ kind: 'goTo', sceneId: 'evaluation' })).toEqual({ ok: true });
    await appliedEverywhere((await nextCommand(before, 'scene')).id);
    // Small: it only has to show which scene it is on (software WebGL draws a small map sooner).
    const t0 = Date.now();
    const late = await openWall('late', 0, { width: 640, height: 360 }, 'commit');
    try {
      await waitLinked(late);
      console.info(`[presenter] late wall linked ${Date.now() - t0} ms after it was opened`);
      // The moment it is linked it is on the hub's scene (its first render, seconds later on software GL,
      // is that scene's; the other walls show store and DOM agree) ...
      expect(await sceneOf(late)).toBe('evaluation');
      // ... from the state alone: it has applied no command at all.
      expect((await presenter(late))!.applied).toEqual([]);
    } finally {
      await late.close();
    }
  });

  it('(c) blackout from the remote turns both walls black, and back', async () => {
    let before = lastCommandId();
    expect(await send({ kind: 'blackout', on: true })).toEqual({ ok: true });
    let cmd = await nextCommand(before, 'blackout');
    await appliedEverywhere(cmd.id);
    for (const p of walls) {
      await expect(p.getByTestId('blackout-curtain').count()).resolves.toBe(1);
      expect(await blackShare(p)).toBe(1);
    }
    before = lastCommandId();
    expect(await send({ kind: 'blackout', on: false })).toEqual({ ok: true });
    cmd = await nextCommand(before, 'blackout');
    await appliedEverywhere(cmd.id);
    for (const p of walls) {
      expect(await p.getByTestId('blackout-curtain').count()).toBe(0);
      expect(await blackShare(p)).toBeLessThan(0.5);
    }
  });

  it('(d) a tour on a fast clock runs through with every step held holdSeconds × dwellScale', async () => {
    await waitQuiet();
    const before = lastCommandId();
    expect(await send({ kind: 'tour', action: 'start', tourId: FAST_TOUR.id })).toEqual({ ok: true });
    // It ends on its last step (loop: false).
    await expect.poll(() => hub.state().tour?.index === FAST_TOUR.steps.length - 1 && hub.state().tour?.playing === false, { timeout: 30_000, interval: 200 }).toBe(true);
    const steps = hub.commands.filter((c) => c.id > before && c.action.kind === 'scene');
    expect(steps.map((c) => (c.action as { sceneId: string }).sceneId)).toEqual(FAST_TOUR.steps.map((s) => s.scene));
    const deltas = steps.slice(1).map((c, i) => c.applyAt - steps[i]!.applyAt);
    expect(deltas).toEqual(FAST_TOUR.steps.slice(0, -1).map((s) => s.holdSeconds * 1000 * DWELL_SCALE));
    const report: string[] = [];
    for (const c of steps) {
      const applied = await appliedEverywhere(c.id);
      for (const [i, x] of applied.entries()) {
        expect(x.appliedMaster).toBeGreaterThanOrEqual(c.applyAt - ESTIMATE_SLACK_MS);
        const busy = await unavoidableLate(walls[i]!, x);
        report.push(`${(c.action as { sceneId: string }).sceneId}@${i}: +${x.lateMs.toFixed(1)} ms (busy ${busy.toFixed(0)}, arrived ${(c.applyAt - (x.receivedMaster ?? NaN)).toFixed(0)} ms ahead)`);
        // On time, unless its main thread was blocked at the instant (the previous step's work on a 2-core
        // machine): then right after that, give or take the one frame (a software-rendered map frame
        // may come first) and the tasks too short to be reported as long. Never later for no reason.
        expect(x.lateMs, report.at(-1)).toBeLessThanOrEqual(busy + 100);
      }
    }
    console.info(`[presenter] tour steps applied: ${report.join('; ')}`);
    for (const p of walls) expect(await sceneOf(p)).toBe('evaluation');
    expect(await send({ kind: 'tour', action: 'stop' })).toEqual({ ok: true });
  });

  it('(e) B at one wall goes through the hub and blacks out both walls at one instant', async () => {
    for (const p of walls) await p.evaluate(() => (window as unknown as HookWindow).__citywall!.scenes!.whenComplete());
    await waitQuiet();
    let before = lastCommandId();
    await walls[0]!.keyboard.press('b');
    let cmd = await nextCommand(before, 'blackout');
    expect(cmd.action).toEqual({ kind: 'blackout', on: true });
    const [a, b] = await appliedEverywhere(cmd.id);
    expect((await presenter(walls[0]!))!.lastRoute).toBe('hub');
    expect(Math.abs(a!.frameAt! - b!.frameAt!)).toBeLessThanOrEqual(ONE_FRAME_MS);
    for (const p of walls) expect(await blackShare(p)).toBe(1);
    // '.' (many clickers' blank key) brings it back, through the hub again.
    before = lastCommandId();
    await walls[1]!.keyboard.press('.');
    cmd = await nextCommand(before, 'blackout');
    expect(cmd.action).toEqual({ kind: 'blackout', on: false });
    await appliedEverywhere(cmd.id);
    for (const p of walls) expect(await p.getByTestId('blackout-curtain').count()).toBe(0);
  });

  it('a hub that goes away leaves the walls on their scene, with the 遥控离线 chip, and no page error', async () => {
    const scenes = await Promise.all(walls.map(sceneOf));
    await hub.close();
    for (const p of walls) await expect.poll(() => p.getByTestId('remote-offline').count(), { timeout: 15_000 }).toBe(1);
    expect(await Promise.all(walls.map(sceneOf))).toEqual(scenes);
    for (const w of watches) {
      expect(w.pageErrors).toEqual([]);
      expect(w.foreignRequests).toEqual([]);
    }
  });
});
