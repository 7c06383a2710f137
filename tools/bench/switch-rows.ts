/**
 * Scene switching rows, in real Chromium against the built app: time from a switch being asked for to the
 * first complete frame of the new scene (its panels drawn and faded in, the map landed on the viewpoint and
 * drawn), and the JS heap after the switches. Both against the naive switch of the same build
 * (`?naiveSwitch=1`: the whole scene view remounts per switch, map included — a new Cesium widget and a
 * new Deck each time), measured in the same bench run.
 *
 * Each variant runs in a fresh Chromium (fresh profile, DPR 1, 1920x1080), the replay paused so the data
 * stands still; the switches go through SCENE_LIST in order from the first scene, the same targets for
 * both variants. Ours includes the camera flight between viewpoints (VIEW_FLIGHT_SEC, 2 s) where the
 * viewpoint changes; the naive remount jumps (a new map starts on its view).
 *
 * The switch count is capped at NAIVE_MAX_SWITCHES: every naive switch creates two WebGL contexts and
 * Chromium keeps at most 16 per page, losing the oldest beyond that (on the wall a lost context means a
 * reload, src/kiosk/context-loss.ts). A run that reloads fails the bench instead of reporting numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/browser';
import { median } from './stats';
import type { Row } from './table';

export type SwitchVariant = 'ours' | 'naive';
const PATHS: Record<SwitchVariant, string> = { ours: '/', naive: '/?naiveSwitch=1' };
const VIEWPORT = { width: 1920, height: 1080 };
const READY_TIMEOUT_MS = 180_000;
/** 2 contexts at start + 2 per naive switch must stay within Chromium's 16 per page. */
export const NAIVE_MAX_SWITCHES = 6;

/** Counts getContext calls that returned a WebGL context not returned before (see tests/e2e/scenes.e2e.ts). */
const COUNT_GL_CONTEXTS = `(() => {
  const seen = new WeakSet();
  const counter = (window.__citywallGl = { contexts: 0 });
  const wrap = (proto) => {
    const original = proto.getContext;
    proto.getContext = function (type, ...rest) {
      const ctx = original.call(this, type, ...rest);
      if (ctx && /^(webgl|webgl2|experimental-webgl)$/.test(String(type)) && !seen.has(ctx)) {
        seen.add(ctx);
        counter.contexts += 1;
      }
      return ctx;
    };
  };
  wrap(HTMLCanvasElement.prototype);
  if (typeof OffscreenCanvas !== 'undefined') wrap(OffscreenCanvas.prototype);
})();`;

interface Completion {
  id: string;
  seq: number;
  ms: number;
}
interface BenchWindow {
  __citywall?: {
    scenes?: { list: string[]; naive: boolean; goTo(id: string): boolean; whenComplete(id?: string): Promise<Completion> };
    source?: { pause(): void };
  };
  __citywallGl?: { contexts: number };
}

export interface SwitchRun {
  variant: SwitchVariant;
  /** Switch asked for → first complete frame, ms, one per switch. */
  switchMs: number[];
  heapStartMb: number;
  heapAfterMb: number;
  contextsStart: number;
  contextsAfter: number;
  switches: number;
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

export async function switchRun(baseUrl: string, variant: SwitchVariant, switches: number): Promise<SwitchRun> {
  const profile = mkdtempSync(join(tmpdir(), 'citywall-bench-switch-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
  });
  try {
    await context.addInitScript(COUNT_GL_CONTEXTS);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(String(err).slice(0, 200)));
    let navigations = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations += 1;
    });
    const cdp = await context.newCDPSession(page);
    await page.goto(baseUrl + PATHS[variant], { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as BenchWindow).__citywall?.scenes !== undefined, null, { timeout: READY_TIMEOUT_MS });
    const { list, naive } = await page.evaluate(() => {
      const s = (window as unknown as BenchWindow).__citywall!.scenes!;
      return { list: s.list, naive: s.naive };
    });
    if (naive !== (variant === 'naive')) throw new Error(`${variant}: the page reports naive=${naive}`);
    if (list.length < 2) throw new Error(`SCENE_LIST has ${list.length} scene(s): nothing to switch between`);
    await page.evaluate(
      (timeout) =>
        Promise.race([
          (window as unknown as BenchWindow).__citywall!.scenes!.whenComplete(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('first scene never complete')), timeout)),
        ]),
      READY_TIMEOUT_MS,
    );
    await page.evaluate(() => (window as unknown as BenchWindow).__citywall!.source?.pause());
    const heapStartMb = await heapMb(cdp);
    const contextsStart = await page.evaluate(() => (window as unknown as BenchWindow).__citywallGl!.contexts);
    const switchMs: number[] = [];
    for (let i = 1; i <= switches; i += 1) {
      const id = list[i % list.length]!;
      const done = await page.evaluate(
        async ({ target, timeout }) => {
          const s = (window as unknown as BenchWindow).__citywall!.scenes!;
          if (!s.goTo(target)) throw new Error(`no scene ${target}`);
          return Promise.race([s.whenComplete(target), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${target} never complete`)), timeout))]);
        },
        { target: id, timeout: READY_TIMEOUT_MS },
      );
      switchMs.push(done.ms);
    }
    const heapAfterMb = await heapMb(cdp);
    const contextsAfter = await page.evaluate(() => (window as unknown as BenchWindow).__citywallGl!.contexts);
    if (navigations > 1) throw new Error(`${variant}: the page reloaded during the switches (a WebGL context loss?)`);
    if (pageErrors.length) throw new Error(`${variant}: page errors: ${pageErrors.slice(0, 3).join(' | ')}`);
    return { variant, switchMs, heapStartMb, heapAfterMb, contextsStart, contextsAfter, switches };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface SwitchResult {
  rows: Row[];
  notes: string[];
}

export async function runSwitchRows(baseUrl: string, switches: number, log: (s: string) => void): Promise<SwitchResult> {
  const n = Math.min(switches, NAIVE_MAX_SWITCHES);
  const runs: Record<SwitchVariant, SwitchRun | null> = { ours: null, naive: null };
  for (const variant of ['ours', 'naive'] as const) {
    const r = await switchRun(baseUrl, variant, n);
    runs[variant] = r;
    log(
      `  switch ${variant.padEnd(5)} ${r.switchMs.map((ms) => ms.toFixed(0)).join(' / ')} ms; heap ${r.heapStartMb.toFixed(1)} → ${r.heapAfterMb.toFixed(1)} MB; ` +
        `WebGL contexts ${r.contextsStart} → ${r.contextsAfter}`,
    );
  }
  const ours = runs.ours!;
  const naive = runs.naive!;
  const runsLabel = `${n} switches each`;
  const rows: Row[] = [
    {
      what: 'Scene switch → complete frame (baseline: remount scene view + map)',
      ours: median(ours.switchMs),
      baseline: median(naive.switchMs),
      unit: 'ms',
      runs: runsLabel,
      higherIsBetter: false,
    },
    {
      what: `JS heap after ${n} scene switches, after GC (baseline: remount)`,
      ours: ours.heapAfterMb,
      baseline: naive.heapAfterMb,
      unit: 'MB',
      runs: '1 per variant',
      higherIsBetter: false,
    },
  ];
  const notes = [
    `scene switches: ours keeps one map (WebGL contexts ${ours.contextsStart} → ${ours.contextsAfter} over ${n} switches, heap ${ours.heapStartMb.toFixed(1)} → ${ours.heapAfterMb.toFixed(1)} MB); ` +
      `naive remounts it (contexts ${naive.contextsStart} → ${naive.contextsAfter}, heap ${naive.heapStartMb.toFixed(1)} → ${naive.heapAfterMb.toFixed(1)} MB); ` +
      `${n} switches only, because the naive way reaches Chromium's 16 WebGL contexts per page after ${NAIVE_MAX_SWITCHES + 1}`,
    'scene switch time: ours includes the 2 s camera flight where the viewpoint changes and the 0.45 s panel fade; the naive remount jumps to the view and does not fade',
  ];
  return { rows, notes };
}
