/**
 * Facility frame rows (`npm run bench -- --only facility-frame`, and part of the full run), in real
 * headless Chromium (software WebGL) on a bench-only page (bench/facility-frame.html →
 * facility-frame-page.ts), built by its own small vite build into bench-dist/facility-frame/ so it never
 * enters the shipped app (vite.config.ts is not used or changed).
 *
 *   1. Frame time, 2M points + 500k pipe segments at 1920x1080: ours (GL point-list + line-list, one
 *      non-instanced draw each) vs naive (deck's instanced ScatterplotLayer + LineLayer, same binary data).
 *      Each frame = deck.redraw + a 1-px readPixels, so the GPU (SwiftShader) work is inside the time.
 *   2. 10k status changes/s (167 per frame at 60 fps) on the 2M-point layer: main-thread ms per frame
 *      (the changes + deck's layer update and the uploads they issue; no redraw, no rasterization), the
 *      same until a 1-px readPixels returns (the GPU process has the data), and bytes uploaded; ours
 *      (partial upload) vs a rebuild (new `data` per frame → the whole colour attribute re-uploaded).
 *
 * The naive frame takes seconds to tens of seconds here, so it gets few frames (see FRAME_COUNTS).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/browser';
import {
  CHANGES_PER_FRAME,
  CHANGES_PER_SECOND,
  FRAME_POINTS,
  FRAME_SEGMENTS,
  FRAME_VIEWPORT,
  POINT_SIZE_PX,
  type FacilityFrameApi,
  type FrameMode,
  type FrameSetup,
  type FrameTimes,
  type StatusMode,
  type StatusTimes,
} from './facility-frame-shared';
import { OUT_DIR, ROOT, type Served } from './server';
import { median } from './stats';
import type { Row } from './table';

export const FRAME_OUT_DIR = `${OUT_DIR}/facility-frame`;
const PAGE = '/bench/facility-frame.html';
const READY_TIMEOUT_MS = 120_000;

interface Counts {
  /** Frame row: warm-up + timed redraws per mode. */
  ours: { warmup: number; timed: number };
  naive: { warmup: number; timed: number };
  /** Status rows: rounds of (ours, rebuild), each with its warm-up and timed frames. */
  statusRounds: number;
  statusWarmup: number;
  statusTimed: number;
}

const FRAME_COUNTS: Record<'quick' | 'full', Counts> = {
  quick: { ours: { warmup: 1, timed: 3 }, naive: { warmup: 1, timed: 1 }, statusRounds: 1, statusWarmup: 5, statusTimed: 30 },
  full: { ours: { warmup: 1, timed: 5 }, naive: { warmup: 1, timed: 2 }, statusRounds: 3, statusWarmup: 5, statusTimed: 60 },
};

/** The bench page alone, with its own config (no Cesium copy, no app pages): a few seconds. */
export async function buildFacilityFramePage(): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    // The page imports the shipped .arrow files with ?url: public/ is a plain folder for this build.
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: FRAME_OUT_DIR,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 8000,
      rollupOptions: { input: join(ROOT, 'bench/facility-frame.html') },
    },
  });
}

async function serveFramePage(): Promise<Served> {
  const server = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    build: { outDir: FRAME_OUT_DIR },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') {
    await server.close();
    throw new Error('vite preview has no port');
  }
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

interface FrameWindow {
  __facilityFrame?: FacilityFrameApi;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const ms = (xs: readonly number[]) => xs.map((x) => x.toFixed(0)).join(' / ');

export async function runFacilityFrameRows(quick: boolean, buildPage: boolean, log: (s: string) => void): Promise<{ rows: Row[]; notes: string[] }> {
  const counts = FRAME_COUNTS[quick ? 'quick' : 'full'];
  if (buildPage) {
    log(`building the facility frame page into ${FRAME_OUT_DIR}/ …`);
    await buildFacilityFramePage();
  }
  const served = await serveFramePage();
  const profile = mkdtempSync(join(tmpdir(), 'citywall-bench-frame-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { ...FRAME_VIEWPORT },
    deviceScaleFactor: 1,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(String(err).slice(0, 300)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`console: ${msg.text().slice(0, 300)}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) pageErrors.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    let lost = false;
    await page.exposeFunction('__benchContextLost', () => (lost = true));
    await page.addInitScript(`addEventListener('webglcontextlost', () => window.__benchContextLost(), true);`);
    await page.goto(served.baseUrl + PAGE, { waitUntil: 'load' });
    const failIfBroken = (what: string) => {
      if (lost) throw new Error(`facility frame: the WebGL context was lost during ${what}`);
      if (pageErrors.length) throw new Error(`facility frame: page errors during ${what}: ${pageErrors.slice(0, 3).join(' | ')}`);
    };

    const setup = (await page.evaluate(
      (timeout) =>
        Promise.race([
          (window as unknown as FrameWindow).__facilityFrame!.ready,
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('facility frame page never ready')), timeout)),
        ]),
      READY_TIMEOUT_MS,
    )) as FrameSetup;
    failIfBroken('set-up');
    if (setup.canvas.width !== FRAME_VIEWPORT.width || setup.canvas.height !== FRAME_VIEWPORT.height) {
      throw new Error(`facility frame: drawing buffer ${setup.canvas.width}x${setup.canvas.height}, expected ${FRAME_VIEWPORT.width}x${FRAME_VIEWPORT.height}`);
    }
    log(
      `  facility frame: ${setup.points.toLocaleString('en-US')} points + ${setup.segments.toLocaleString('en-US')} segments (${setup.copies}× the shipped data), ` +
        `${(setup.extentM.width / 1000).toFixed(1)} × ${(setup.extentM.height / 1000).toFixed(1)} km; view ${(setup.view.widthM / 1000).toFixed(1)} × ${(setup.view.heightM / 1000).toFixed(1)} km ` +
        `at ${setup.metresPerPixel} m/px with ${setup.view.pointsInView.toLocaleString('en-US')} points and ${setup.view.segmentsInView.toLocaleString('en-US')} segments in it; ${setup.renderer}`,
    );

    const frames = async (mode: FrameMode): Promise<FrameTimes> => {
      const { warmup, timed } = counts[mode];
      const t = (await page.evaluate(([m, w, n]) => (window as unknown as FrameWindow).__facilityFrame!.frames(m, w, n), [mode, warmup, timed] as const)) as FrameTimes;
      failIfBroken(`the ${mode} frames`);
      log(`  frame ${mode.padEnd(5)} ${ms(t.frameMs)} ms (${warmup} warm-up + ${timed} timed; redraw call alone ${ms(t.issueMs)} ms)`);
      return t;
    };
    const ours = await frames('ours');
    const naive = await frames('naive');

    const status: Record<StatusMode, StatusTimes> = {
      ours: { mainMs: [], syncedMs: [], bytes: [], changed: [] },
      rebuild: { mainMs: [], syncedMs: [], bytes: [], changed: [] },
    };
    for (let r = 0; r < counts.statusRounds; r += 1) {
      for (const mode of ['ours', 'rebuild'] as const) {
        const t = (await page.evaluate(
          ([m, w, n]) => (window as unknown as FrameWindow).__facilityFrame!.status(m, w, n),
          [mode, counts.statusWarmup, counts.statusTimed] as const,
        )) as StatusTimes;
        failIfBroken(`the ${mode} status frames`);
        for (const k of ['mainMs', 'syncedMs', 'bytes', 'changed'] as const) status[mode][k].push(...t[k]);
        log(
          `  status ${mode.padEnd(7)} round ${r + 1}/${counts.statusRounds}: ${t.mainMs.length} frames, update median ${median(t.mainMs).toFixed(2)} ms ` +
            `(max ${Math.max(...t.mainMs).toFixed(1)}), until on the GPU ${median(t.syncedMs).toFixed(2)} ms; ` +
            `${(median(t.bytes) / 1024).toFixed(1)} KiB/frame`,
        );
      }
    }
    for (const mode of ['ours', 'rebuild'] as const) {
      const changed = status[mode].changed;
      if (changed.some((c) => c !== CHANGES_PER_FRAME)) throw new Error(`facility frame: ${mode} frames changed ${Math.min(...changed)}..${Math.max(...changed)} rows, expected ${CHANGES_PER_FRAME}`);
    }
    if (ours.uploadedBytes !== 0 || naive.uploadedBytes !== 0) {
      throw new Error(`facility frame: the steady frames uploaded data (ours ${ours.uploadedBytes} B, naive ${naive.uploadedBytes} B): they would not be comparable`);
    }
    if (!(median(status.ours.bytes) > 0)) throw new Error('facility frame: the partial status upload wrote nothing');

    const label = `${(FRAME_POINTS / 1e6).toFixed(0)}M points + ${(FRAME_SEGMENTS / 1e3).toFixed(0)}k segments`;
    const statusRuns = `${counts.statusRounds * counts.statusTimed} frames each`;
    const rows: Row[] = [
      {
        what: `Frame, ${label}, ${FRAME_VIEWPORT.width}x${FRAME_VIEWPORT.height} (GL points/lines vs instanced layers)`,
        ours: median(ours.frameMs),
        baseline: median(naive.frameMs),
        unit: 'ms',
        runs: `${counts.ours.timed} ours / ${counts.naive.timed} naive, after 1 warm-up`,
        higherIsBetter: false,
      },
      {
        what: `Status ${(CHANGES_PER_SECOND / 1000).toFixed(0)}k/s, main-thread update per frame (partial upload vs new data)`,
        ours: median(status.ours.mainMs),
        baseline: median(status.rebuild.mainMs),
        unit: 'ms',
        runs: statusRuns,
        higherIsBetter: false,
      },
      {
        what: `Status ${(CHANGES_PER_SECOND / 1000).toFixed(0)}k/s, update until the GPU has it (+ 1-px readPixels)`,
        ours: median(status.ours.syncedMs),
        baseline: median(status.rebuild.syncedMs),
        unit: 'ms',
        runs: statusRuns,
        higherIsBetter: false,
      },
      {
        what: `Status ${(CHANGES_PER_SECOND / 1000).toFixed(0)}k/s, bytes uploaded per frame (partial upload vs new data)`,
        ours: median(status.ours.bytes),
        baseline: median(status.rebuild.bytes),
        unit: 'bytes',
        runs: statusRuns,
        higherIsBetter: false,
      },
    ];
    const notes = [
      `facility frame: ${setup.copies}× the shipped manholes + streetlights and pipes side by side at their real density (${(setup.extentM.width / 1000).toFixed(1)} × ${(setup.extentM.height / 1000).toFixed(1)} km); ` +
        `the canvas shows a ${(setup.view.widthM / 1000).toFixed(0)} × ${(setup.view.heightM / 1000).toFixed(1)} km district view (${setup.metresPerPixel} m/px) holding ${setup.view.pointsInView.toLocaleString('en-US')} points and ` +
        `${setup.view.segmentsInView.toLocaleString('en-US')} segments, the rest is clipped; points ${POINT_SIZE_PX} px (GL point vs ScatterplotLayer radius ${POINT_SIZE_PX / 2} px), lines 1 px`,
      `facility frame: naive ${counts.naive.timed} timed frame(s) after ${counts.naive.warmup} warm-up (tens of seconds each here), ours ${counts.ours.timed}; a frame is deck.redraw + a 1-px readPixels; ` +
        `the redraw call alone (main thread) ours ${median(ours.issueMs).toFixed(1)} ms, naive ${median(naive.issueMs).toFixed(1)} ms: the rest is SwiftShader`,
      `status: ${CHANGES_PER_FRAME} changes per frame on the ${(FRAME_POINTS / 1e6).toFixed(0)}M-point layer (pipes hidden); the main-thread row is the changes + deck's layer update + the buffer writes they issue, ` +
        `no redraw (the same for both, ~2 s of software rasterization here); uploaded ${(sum(status.ours.bytes) / status.ours.bytes.length).toFixed(0)} B vs ` +
        `${(sum(status.rebuild.bytes) / status.rebuild.bytes.length / 2 ** 20).toFixed(2)} MiB per frame on average`,
    ];
    return { rows, notes };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await served.close();
  }
}
