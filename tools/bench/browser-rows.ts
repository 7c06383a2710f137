/**
 * Rows 3 and 4, in real Chromium against the built app: cold start to the first complete frame, JS
 * bytes, and the frame rate during replay. The baseline is /map-harness.html, the map alone with sample
 * data and its live sample pings: not a naive wall but the floor under ours (the wall cannot show before its map can),
 * so the ratio reads as "what the panels, data and ticker cost on top of the bare map".
 *
 * For it to be a floor, the bare map must draw as many pixels as the wall's map does. With software
 * WebGL the cost of a frame is roughly proportional to the canvas area, and the harness fills its window:
 * at 1920x1080 it draws ~4.8× the pixels of the wall's central map (~800x536) and took 1.5–2× longer
 * than the whole wall. So the wall runs at 1920x1080 and the harness runs in a window the size of the
 * wall's map box, measured in the same run. Its clock runs live (new sample pings, ring animation on every
 * frame), like the wall's map during replay: with ?clock=frozen Cesium renders on demand only, the page
 * idles at the display's 60 fps and the frame-rate row would compare the wall against vsync.
 *
 * Each run is a fresh Chromium process with a fresh profile directory (empty HTTP cache, no compiled
 * code cache), DPR 1. Runs alternate which page goes first so neither side always meets a warmer
 * machine (page cache, CPU clock, a neighbour's build).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/browser';
import { median } from './stats';
import type { Row } from './table';

export type PageKind = 'wall' | 'floor';
const PATHS: Record<PageKind, string> = { wall: '/', floor: '/map-harness.html' };
const WALL_VIEWPORT: Viewport = { width: 1920, height: 1080 };
/** The map's element in the wall (WallMap.vue's root); its box sizes the harness window. */
const WALL_MAP_SELECTOR = '.wall-map';

export interface Viewport {
  width: number;
  height: number;
}
/** Software WebGL at 1920x1080 on 2 cores: the wall's e2e allows 170 s; a bench run that needs more is broken. */
const READY_TIMEOUT_MS = 120_000;
const FPS_SPEED = 8;
const FPS_WINDOW_MS = 3000;
/** Let the first burst after "ready" (late tiles, first chart animations) pass before counting frames. */
const FPS_SETTLE_MS = 500;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Injected before any page script, identically into both pages: stamps performance.now() in the first
 * animation frame in which `__citywall.map.ready` is true. The map hook only exposes a boolean; this gives
 * the harness a time with the same meaning as the wall's firstCompleteFrame (which is also stamped in
 * the frame after readiness), and the wall's own map-ready time for comparison. It also lifts the
 * resource-timing buffer (250 entries by default; Cesium's tiles would push the scripts out).
 */
const WATCHER = `(() => {
  performance.setResourceTimingBufferSize(100000);
  const bench = (window.__citywallBench = { mapReadyAt: undefined });
  const check = () => {
    if (window.__citywall && window.__citywall.map && window.__citywall.map.ready === true) {
      bench.mapReadyAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/**
 * Counts animation frames for `windowMs`. A source string, not a function: tsx compiles named inner
 * functions with an `__name(...)` helper that does not exist inside the page.
 */
function frameCounter(windowMs: number): string {
  return `new Promise((resolve) => {
    let frames = 0;
    let t0 = -1;
    const step = (now) => {
      if (t0 < 0) t0 = now;
      else frames += 1;
      if (now - t0 < ${windowMs}) requestAnimationFrame(step);
      else resolve({ frames, ms: now - t0 });
    };
    requestAnimationFrame(step);
  })`;
}

interface BenchWindow {
  __citywallBench?: { mapReadyAt?: number };
  __citywall?: {
    wall?: { firstCompleteFrame?: number };
    source?: { setSpeed?: (s: number) => void; capabilities?: ReadonlySet<string> };
  };
}

export interface ColdRun {
  page: PageKind;
  /** Wall: firstCompleteFrame; floor: the watcher's map-ready frame. ms since navigation start. */
  readyMs: number;
  /** The watcher's map-ready frame on this page. */
  mapReadyMs: number;
  /** Script bytes on the wire (vite preview gzips; includes response headers). */
  jsTransferBytes: number;
  /** The same scripts uncompressed. */
  jsDecodedBytes: number;
  jsFiles: number;
  fps: number | null;
  pageErrors: string[];
  /** Wall runs: the CSS size of the map's box. */
  mapBox: Viewport | null;
}

export function chromiumVersion(): string {
  return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

async function waitReady(page: Page, kind: PageKind): Promise<void> {
  if (kind === 'wall') {
    await page.waitForFunction(() => (window as unknown as BenchWindow).__citywall?.wall?.firstCompleteFrame !== undefined, null, {
      timeout: READY_TIMEOUT_MS,
      polling: 250,
    });
  }
  // On the wall the map is ready before the complete frame; waiting for the watcher too is then instant.
  await page.waitForFunction(() => (window as unknown as BenchWindow).__citywallBench?.mapReadyAt !== undefined, null, {
    timeout: READY_TIMEOUT_MS,
    polling: 250,
  });
}

/** rAF callbacks per second over FPS_WINDOW_MS, after switching the wall's replay to FPS_SPEED. */
async function measureFps(page: Page, kind: PageKind): Promise<number> {
  if (kind === 'wall') {
    const ok = await page.evaluate((speed) => {
      const src = (window as unknown as BenchWindow).__citywall?.source;
      if (!src?.setSpeed || !src.capabilities?.has('setSpeed')) return false;
      src.setSpeed(speed);
      return true;
    }, FPS_SPEED);
    if (!ok) throw new Error('the wall source has no setSpeed: cannot run the replay frame-rate row');
  }
  await page.waitForTimeout(FPS_SETTLE_MS);
  const r = (await page.evaluate(frameCounter(FPS_WINDOW_MS))) as { frames: number; ms: number };
  if (!(r.ms > 0) || r.frames < 1) throw new Error(`${kind}: no frames in ${r.ms} ms`);
  return (r.frames * 1000) / r.ms;
}

/** One cold start of one page in its own browser process and profile. */
export async function coldRun(baseUrl: string, kind: PageKind, viewport: Viewport, withFps: boolean): Promise<ColdRun> {
  const profile = mkdtempSync(join(tmpdir(), 'citywall-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    deviceScaleFactor: 1,
  });
  try {
    await context.addInitScript(WATCHER);
    const page = context.pages()[0] ?? (await context.newPage());
    const foreign: string[] = [];
    const pageErrors: string[] = [];
    // Passive listeners only: routing every request through Playwright would itself slow the load.
    page.on('request', (req) => {
      const url = new URL(req.url());
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL_HOSTS.has(url.hostname)) foreign.push(url.href);
    });
    page.on('pageerror', (err) => pageErrors.push(String(err).slice(0, 200)));

    await page.goto(baseUrl + PATHS[kind], { waitUntil: 'commit' });
    try {
      await waitReady(page, kind);
    } catch (err) {
      const why = pageErrors.length ? ` (page errors: ${pageErrors.join(' | ')})` : '';
      throw new Error(`${kind} (${PATHS[kind]}) never became ready: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}${why}`);
    }
    const m = await page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      // One entry per URL: a modulepreload and the module script that then uses it are two entries for
      // one download (the second with transferSize 0), so keep the largest figures seen per URL.
      const byUrl = new Map<string, { transfer: number; decoded: number }>();
      for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        // Module scripts, modulepreloads and dynamic imports; Cesium's workers load in their own realm
        // and are not in this page's timeline (a documented gap; both pages load the same workers).
        if (!/\.m?js$/.test(new URL(e.name).pathname)) continue;
        const prev = byUrl.get(e.name) ?? { transfer: 0, decoded: 0 };
        byUrl.set(e.name, { transfer: Math.max(prev.transfer, e.transferSize), decoded: Math.max(prev.decoded, e.decodedBodySize) });
      }
      let transfer = 0;
      let decoded = 0;
      for (const v of byUrl.values()) {
        transfer += v.transfer;
        decoded += v.decoded;
      }
      return { complete: w.__citywall?.wall?.firstCompleteFrame, mapReadyAt: w.__citywallBench?.mapReadyAt, transfer, decoded, files: byUrl.size };
    });
    if (foreign.length > 0) throw new Error(`${kind}: requests left the local host (${foreign.slice(0, 3).join(', ')}); timings would include the network`);
    const mapReadyMs = m.mapReadyAt;
    const readyMs = kind === 'wall' ? m.complete : m.mapReadyAt;
    if (readyMs === undefined || mapReadyMs === undefined || !(readyMs > 0)) throw new Error(`${kind}: ready time missing`);
    if (m.files === 0 || m.transfer <= 0) throw new Error(`${kind}: no script bytes in the resource timeline (files ${m.files}, transferSize ${m.transfer})`);
    let mapBox: Viewport | null = null;
    if (kind === 'wall') {
      const box = await page.locator(WALL_MAP_SELECTOR).first().boundingBox();
      if (!box || box.width < 50 || box.height < 50) throw new Error(`wall: no map box at ${WALL_MAP_SELECTOR} to size the map-only page`);
      mapBox = { width: Math.round(box.width), height: Math.round(box.height) };
    }
    const fps = withFps ? await measureFps(page, kind) : null;
    return { page: kind, readyMs, mapReadyMs, jsTransferBytes: m.transfer, jsDecodedBytes: m.decoded, jsFiles: m.files, fps, pageErrors, mapBox };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface BrowserResult {
  rows: Row[];
  notes: string[];
}

export async function runBrowserRows(baseUrl: string, runs: number, withFps: boolean, log: (s: string) => void): Promise<BrowserResult> {
  const results: Record<PageKind, ColdRun[]> = { wall: [], floor: [] };
  // Set by the first wall run, which is the first run of all (run 1's order is wall, floor).
  let floorViewport: Viewport | null = null;
  for (let i = 0; i < runs; i += 1) {
    const order: PageKind[] = i % 2 === 0 ? ['wall', 'floor'] : ['floor', 'wall'];
    for (const kind of order) {
      const viewport = kind === 'wall' ? WALL_VIEWPORT : floorViewport;
      if (!viewport) throw new Error('unreachable: the map-only page ran before the wall gave its map size');
      const r = await coldRun(baseUrl, kind, viewport, withFps);
      floorViewport ??= r.mapBox;
      log(
        `  run ${i + 1}/${runs} ${kind.padEnd(5)} ready ${r.readyMs.toFixed(0)} ms, map ready ${r.mapReadyMs.toFixed(0)} ms, ` +
          `${viewport.width}x${viewport.height}, JS ${(r.jsTransferBytes / 1024).toFixed(0)} KiB in ${r.jsFiles} files${r.fps !== null ? `, ${r.fps.toFixed(1)} fps` : ''}` +
          (r.pageErrors.length ? `, page errors: ${r.pageErrors.length}` : ''),
      );
      results[kind].push(r);
    }
  }
  const med = (kind: PageKind, f: (r: ColdRun) => number) => median(results[kind].map(f));
  const runsLabel = `${runs} (fresh browser each)`;
  const rows: Row[] = [
    {
      what: 'Cold start → first complete frame (baseline: map-only floor)',
      ours: med('wall', (r) => r.readyMs),
      baseline: med('floor', (r) => r.readyMs),
      unit: 'ms',
      runs: runsLabel,
      higherIsBetter: false,
    },
    {
      what: 'Cold start → map ready, inside the wall vs alone',
      ours: med('wall', (r) => r.mapReadyMs),
      baseline: med('floor', (r) => r.mapReadyMs),
      unit: 'ms',
      runs: runsLabel,
      higherIsBetter: false,
    },
    {
      what: 'JS transferred (gzip) by first frame (baseline: map-only page)',
      ours: med('wall', (r) => r.jsTransferBytes) / 1024,
      baseline: med('floor', (r) => r.jsTransferBytes) / 1024,
      unit: 'KiB',
      runs: runsLabel,
      higherIsBetter: false,
    },
  ];
  if (withFps) {
    rows.push({
      what: `Frame rate, wall replay at ${FPS_SPEED}× (baseline: map-only page)`,
      ours: med('wall', (r) => r.fps ?? NaN),
      baseline: med('floor', (r) => r.fps ?? NaN),
      unit: 'fps',
      runs: `${runs} × ${FPS_WINDOW_MS / 1000} s`,
      higherIsBetter: true,
    });
  }
  const dec = (kind: PageKind) => (med(kind, (r) => r.jsDecodedBytes) / 1024).toFixed(0);
  const files = (kind: PageKind) => med(kind, (r) => r.jsFiles).toFixed(0);
  const notes = [
    `map-only page (/map-harness.html, live sample pings) runs in a ${floorViewport?.width}x${floorViewport?.height} window, the size of the map in the ${WALL_VIEWPORT.width}x${WALL_VIEWPORT.height} wall`,
    `JS by first frame, uncompressed (decodedBodySize): wall ${dec('wall')} KiB in ${files('wall')} files, map-only ${dec('floor')} KiB in ${files('floor')} files; ` +
      `the table's KiB are transferSize (gzip from vite preview, with headers)`,
  ];
  const errors = [...results.wall, ...results.floor].flatMap((r) => r.pageErrors.map((e) => `${r.page}: ${e}`));
  if (errors.length) notes.push(`page errors seen (timings kept): ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
  return { rows, notes };
}
