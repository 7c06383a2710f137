/**
 * Frame-cost profiler for the wall (docs/perf.md). Opens `/?speed=8` at 1920×1080 in headless Chromium
 * (flags from tests/e2e/browser.ts), waits for the first complete frame, settles, then measures a window:
 *
 * - fps (rAF callbacks), Cesium frames and deck.gl frames per second (`window.__citywall.map`);
 * - CPU of the whole browser (all Chromium processes this script started: renderer, GPU/SwiftShader,
 *   raster) per animation frame, from /proc;
 * - the renderer's own Performance.getMetrics split (script, style, layout, task);
 * - per ECharts panel: how many times per second its SVG changed (one MutationObserver batch = one
 *   re-render), and DOM mutation batches outside the charts.
 *
 * With `--profile` one extra run per target also records a CPU profile (self time by source package,
 * via the build's source maps when present) and a trace (main-thread self time by event, busy time by
 * thread). Targets are served builds: `--target name=http://127.0.0.1:4350,/tmp/perf-dist` (the dist
 * dir is for source maps; optional). Runs alternate between targets, a fresh browser each run.
 *
 *   npx tsx tools/profile-wall.ts --target new=http://127.0.0.1:4350,/tmp/perf-dist \
 *     --target old=http://127.0.0.1:4351,/tmp/perf-dist-old --runs 3 --window 5000 [--profile]
 *
 * Timing is machine-dependent (2 cores, software WebGL, neighbours): read the ratios between targets
 * measured in the same invocation, not the absolute numbers.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser';

interface Target {
  name: string;
  url: string;
  dist: string | null;
}

function parseArgs(argv: string[]) {
  const targets: Target[] = [];
  let runs = 3;
  let windowMs = 5000;
  let profile = false;
  let path = '/?speed=8';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--target') {
      const [name, rest] = next().split(/=(.*)/s) as [string, string | undefined];
      const [url, dist] = (rest ?? '').split(',');
      if (!url) throw new Error('--target name=url[,dist]');
      targets.push({ name, url: url.replace(/\/$/, ''), dist: dist ?? null });
    } else if (a === '--runs') runs = Number(next());
    else if (a === '--window') windowMs = Number(next());
    else if (a === '--path') path = next();
    else if (a === '--profile') profile = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (targets.length === 0) targets.push({ name: 'wall', url: 'http://127.0.0.1:4350', dist: '/tmp/perf-dist' });
  return { targets, runs, windowMs, profile, path };
}

// ---------- CPU of every Chromium process this script started (/proc) ----------

function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(rest[1]));
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const seen = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!seen.has(pid) && seen.has(ppid)) {
        seen.add(pid);
        out.push(pid);
        grew = true;
      }
    }
  }
  return out;
}

/** utime + stime of all descendants, ms (clock ticks are 10 ms on Linux). */
function treeCpuMs(): number {
  let ticks = 0;
  for (const pid of descendants(process.pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(rest[11]) + Number(rest[12]);
    } catch {
      // exited meanwhile
    }
  }
  return ticks * 10;
}

// ---------- in-page counters ----------

interface PageCounts {
  frames: number;
  ms: number;
  cesiumFrames: number;
  deckFrames: number;
  charts: Record<string, number>;
  otherDomBatches: number;
}

/** Installs counters and resolves after windowMs with what they counted. Runs in the page. */
function pageCounter(windowMs: number): Promise<PageCounts> {
  type MapHook = { cesiumFrames: number; deckFrames: number };
  const w = window as unknown as { __citywall?: { map?: MapHook } };
  const map = w.__citywall?.map;
  const charts: Record<string, number> = {};
  const observers: MutationObserver[] = [];
  const chartEls = new Set<Element>();
  document.querySelectorAll('.wall-chart').forEach((el, i) => {
    const panel = el.closest('[data-testid^="panel-"]')?.getAttribute('data-testid') ?? `chart-${i}`;
    const key = charts[panel] === undefined ? panel : `${panel}#${i}`;
    charts[key] = 0;
    chartEls.add(el);
    const mo = new MutationObserver(() => {
      charts[key] = (charts[key] ?? 0) + 1;
    });
    mo.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
    observers.push(mo);
  });
  let otherDomBatches = 0;
  const other = new MutationObserver((records) => {
    const outside = records.some((r) => {
      let n: Node | null = r.target;
      while (n) {
        if (n instanceof Element && chartEls.has(n)) return false;
        n = n.parentNode;
      }
      return true;
    });
    if (outside) otherDomBatches++;
  });
  other.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  observers.push(other);
  const c0 = map?.cesiumFrames ?? 0;
  const d0 = map?.deckFrames ?? 0;
  return new Promise((resolve) => {
    let frames = 0;
    const t0 = performance.now();
    const step = (now: number) => {
      frames++;
      if (now - t0 < windowMs) requestAnimationFrame(step);
      else {
        for (const o of observers) o.disconnect();
        resolve({
          frames,
          ms: now - t0,
          cesiumFrames: (map?.cesiumFrames ?? 0) - c0,
          deckFrames: (map?.deckFrames ?? 0) - d0,
          charts,
          otherDomBatches,
        });
      }
    };
    requestAnimationFrame(step);
  });
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const r = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(r.metrics.map((m) => [m.name, m.value]));
}

// ---------- CPU profile summary (source-mapped) ----------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const consumers = new Map<string, SourceMapConsumer | null>();
function consumerFor(dist: string | null, url: string): SourceMapConsumer | null {
  if (!dist) return null;
  const m = /\/assets\/([^?#]+\.js)/.exec(url);
  if (!m) return null;
  const file = join(dist, 'assets', m[1]! + '.map');
  if (!consumers.has(file)) {
    consumers.set(file, existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8')) as RawSourceMap) : null);
  }
  return consumers.get(file) ?? null;
}

/** node_modules/<pkg>/… → pkg; src/… → the file; anything else → the asset name. */
function bucketOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    const pkg = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    return pkg;
  }
  const src = source.search(/(src|data-adapters|scenes)\//);
  return src >= 0 ? source.slice(src) : source;
}

function summariseProfile(profile: CpuProfile, dist: string | null, frames: number) {
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + dt);
  }
  const byBucket = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const cf = node.callFrame;
    let bucket: string;
    let fn = cf.functionName || '(anonymous)';
    if (!cf.url) bucket = cf.functionName.startsWith('(') ? cf.functionName : '(native)';
    else {
      const c = consumerFor(dist, cf.url);
      const pos = c?.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
      if (pos?.source) {
        bucket = bucketOf(pos.source);
        fn = `${pos.name ?? fn} ${bucketOf(pos.source)}:${pos.line}`;
      } else bucket = cf.url.replace(/^.*\/assets\//, 'assets/');
    }
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + us);
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const totalUs = [...byBucket.values()].reduce((a, b) => a + b, 0);
  const idleUs = byBucket.get('(idle)') ?? 0;
  const rows = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .filter(([k]) => k !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => ({ what: k, msPerFrame: +(us / 1000 / frames).toFixed(2), pctOfBusy: +((100 * us) / (totalUs - idleUs)).toFixed(1) }));
  return { busyMsPerFrame: +((totalUs - idleUs) / 1000 / frames).toFixed(2), byPackage: rows(byBucket, 25), topFunctions: rows(byFn, 30) };
}

// ---------- trace summary ----------

interface TraceEvent {
  ph: string;
  name: string;
  cat?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

const CATEGORY_OF: Record<string, string> = {
  FunctionCall: 'scripting',
  EvaluateScript: 'scripting',
  TimerFire: 'scripting',
  FireAnimationFrame: 'scripting',
  EventDispatch: 'scripting',
  RunMicrotasks: 'scripting',
  'v8.run': 'scripting',
  'v8.compile': 'scripting',
  'V8.GCScavenger': 'gc',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_MC_BACKGROUND_MARKING': 'gc',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  UpdateLayerTree: 'layerize',
  Layerize: 'layerize',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  'Decode Image': 'paint',
  CompositeLayers: 'composite',
  UpdateLayer: 'composite',
  Commit: 'composite',
  'HitTest': 'other',
};

function summariseTrace(events: TraceEvent[], frames: number) {
  const threadName = new Map<string, string>();
  const procName = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    if (e.ph === 'M' && e.name === 'process_name') procName.set(e.pid, e.args?.name ?? '?');
  }
  // Normalise B/E pairs into complete events, per thread.
  const complete: TraceEvent[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.dur !== undefined) complete.push(e);
    else if (e.ph === 'B') {
      const s = open.get(key) ?? [];
      s.push(e);
      open.set(key, s);
    } else if (e.ph === 'E') {
      const b = open.get(key)?.pop();
      if (b) complete.push({ ...b, ph: 'X', dur: e.ts - b.ts });
    }
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of complete) {
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  // Busy time per thread: union of top-level task events.
  const busy: { thread: string; msPerFrame: number }[] = [];
  const mainSelf = new Map<string, number>();
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const pid = Number(key.split(':')[0]);
    const label = `${procName.get(pid) ?? pid} / ${threadName.get(key) ?? key}`;
    let end = -Infinity;
    let busyUs = 0;
    for (const e of list) {
      if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
      const s = Math.max(e.ts, end);
      const f = e.ts + (e.dur ?? 0);
      if (f > s) busyUs += f - s;
      end = Math.max(end, f);
    }
    if (busyUs > 0) busy.push({ thread: label, msPerFrame: +(busyUs / 1000 / frames).toFixed(2) });
    if (threadName.get(key) !== 'CrRendererMain') continue;
    // Self time by event on the renderer main thread(s).
    const stack: { e: TraceEvent; child: number }[] = [];
    const close = (upTo: number) => {
      while (stack.length && stack[stack.length - 1]!.e.ts + (stack[stack.length - 1]!.e.dur ?? 0) <= upTo) {
        const top = stack.pop()!;
        const self = (top.e.dur ?? 0) - top.child;
        mainSelf.set(top.e.name, (mainSelf.get(top.e.name) ?? 0) + self);
        const parent = stack[stack.length - 1];
        if (parent) parent.child += top.e.dur ?? 0;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, child: 0 });
    }
    close(Infinity);
  }
  const byCategory = new Map<string, number>();
  for (const [name, us] of mainSelf) {
    const cat = CATEGORY_OF[name] ?? (name.startsWith('V8.') || name.startsWith('v8') ? 'scripting' : 'other');
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + us);
  }
  const rows = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => ({ what: k, msPerFrame: +(us / 1000 / frames).toFixed(2) }));
  return {
    mainThreadByCategory: rows(byCategory, 12),
    mainThreadTopEvents: rows(mainSelf, 20),
    threads: busy.sort((a, b) => b.msPerFrame - a.msPerFrame).slice(0, 14),
  };
}

// ---------- one run ----------

interface RunResult {
  target: string;
  fps: number;
  cpuMsPerFrame: number;
  cpuPct: number;
  cesiumFps: number;
  deckFps: number;
  chartRendersPerSec: Record<string, number>;
  otherDomBatchesPerSec: number;
  renderer: { scriptMsPerFrame: number; styleMsPerFrame: number; layoutMsPerFrame: number; taskMsPerFrame: number };
  profile?: unknown;
}

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'v8',
  'blink',
  'cc',
  'gpu',
  'viz',
];

async function runOnce(target: Target, windowMs: number, path: string, withProfile: boolean): Promise<RunResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
    await page.goto(target.url + path, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __citywall?: { wall?: { firstCompleteFrame?: number } } }).__citywall?.wall?.firstCompleteFrame !== undefined, null, {
      timeout: 300_000,
      polling: 500,
    });
    await page.waitForTimeout(1500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (withProfile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await cdp.send('Profiler.start');
    }
    const m0 = await metrics(cdp);
    const cpu0 = treeCpuMs();
    const t0 = Date.now();
    // tsx (esbuild keepNames) wraps named functions in `__name(…)`: give the page a no-op one.
    await page.evaluate('globalThis.__name ??= (f) => f');
    const counts = await page.evaluate(pageCounter, windowMs);
    const cpu1 = treeCpuMs();
    const wallMs = Date.now() - t0;
    const m1 = await metrics(cdp);
    const perFrame = (k: string) => +((((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000) / counts.frames).toFixed(2);
    const sec = counts.ms / 1000;
    const result: RunResult = {
      target: target.name,
      fps: +(counts.frames / sec).toFixed(2),
      cpuMsPerFrame: +((cpu1 - cpu0) / counts.frames).toFixed(1),
      cpuPct: +((100 * (cpu1 - cpu0)) / wallMs).toFixed(0),
      cesiumFps: +(counts.cesiumFrames / sec).toFixed(2),
      deckFps: +(counts.deckFrames / sec).toFixed(2),
      chartRendersPerSec: Object.fromEntries(Object.entries(counts.charts).map(([k, v]) => [k, +(v / sec).toFixed(1)])),
      otherDomBatchesPerSec: +(counts.otherDomBatches / sec).toFixed(1),
      renderer: {
        scriptMsPerFrame: perFrame('ScriptDuration'),
        styleMsPerFrame: perFrame('RecalcStyleDuration'),
        layoutMsPerFrame: perFrame('LayoutDuration'),
        taskMsPerFrame: perFrame('TaskDuration'),
      },
    };
    if (withProfile) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      const buf = await browser.stopTracing();
      if (process.env.PROFILE_TRACE_DIR) writeFileSync(join(process.env.PROFILE_TRACE_DIR, `trace-${target.name}.json`), buf);
      const trace = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] };
      result.profile = { cpu: summariseProfile(profile, target.dist, counts.frames), trace: summariseTrace(trace.traceEvents, counts.frames) };
    }
    if (errors.length) console.error(`  ${target.name}: page errors: ${errors.join(' | ')}`);
    return result;
  } finally {
    await browser.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const { targets, runs, windowMs, profile, path } = parseArgs(process.argv.slice(2));
  const results: RunResult[] = [];
  for (let r = 0; r < runs; r++) {
    // Alternate the order so neither target always runs first (after the other's load spike).
    const order = r % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const res = await runOnce(t, windowMs, path, false);
      results.push(res);
      console.error(
        `  run ${r + 1}/${runs} ${t.name}: ${res.fps} fps, ${res.cpuMsPerFrame} ms CPU/frame (${res.cpuPct}% of a core), cesium ${res.cesiumFps}/s, deck ${res.deckFps}/s, charts ${JSON.stringify(res.chartRendersPerSec)}`,
      );
    }
  }
  const summary = targets.map((t) => {
    const mine = results.filter((x) => x.target === t.name);
    return {
      target: t.name,
      runs: mine.length,
      fps: +median(mine.map((x) => x.fps)).toFixed(2),
      cpuMsPerFrame: +median(mine.map((x) => x.cpuMsPerFrame)).toFixed(1),
      cpuPct: median(mine.map((x) => x.cpuPct)),
      cesiumFps: median(mine.map((x) => x.cesiumFps)),
      deckFps: median(mine.map((x) => x.deckFps)),
    };
  });
  const out: Record<string, unknown> = { loadavg: readFileSync('/proc/loadavg', 'utf8').trim(), summary, runs: results };
  if (targets.length === 2) {
    const [a, b] = summary as [(typeof summary)[0], (typeof summary)[0]];
    out.ratios = {
      [`fps ${a.target}/${b.target}`]: +(a.fps / b.fps).toFixed(2),
      [`cpuMsPerFrame ${b.target}/${a.target}`]: +(b.cpuMsPerFrame / a.cpuMsPerFrame).toFixed(2),
    };
  }
  if (profile) {
    const profiles: Record<string, unknown> = {};
    for (const t of targets) profiles[t.name] = await runOnce(t, windowMs, path, true);
    out.profiles = profiles;
  }
  console.log(JSON.stringify(out, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
