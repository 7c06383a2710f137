/**
 * `npm run bench` — performance of citywall against baselines measured in the same run.
 *
 *   npm run bench                  build into bench-dist/, then every row (about 3–4 minutes here)
 *   npm run bench -- --no-build    reuse bench-dist/ from an earlier run
 *   npm run bench -- --quick       fewer runs: checks the bench works, numbers not worth quoting
 *   npm run bench -- --only live   only the live rows (throughput, emit → store latency); no build, no browser
 *   npm run bench -- --only switching   only the scene-switch rows (ours vs remounting; builds unless --no-build)
 *   npm run bench -- --only facility-frame   only the facility frame + status rows (2M points; builds its page unless --no-build)
 *
 * Prints machine info, then one table (docs/bench.md explains every row). Progress goes to stderr so
 * stdout is just the report. Exits non-zero if any row cannot be measured: a missing number is an
 * error, never a blank or a made-up cell. Timing lives here, never in tests.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from './bench/args';
import { chromiumVersion, runBrowserRows } from './bench/browser-rows';
import { runFacilityFrameRows } from './bench/facility-frame';
import { runFacilityRows } from './bench/facility-rows';
import { runLiveRows } from './bench/live-rows';
import { runNodeRows } from './bench/node-rows';
import { runSwitchRows } from './bench/switch-rows';
import { buildApp, OUT_DIR, ROOT, serveBuild, type Served } from './bench/server';
import { RATIO_HEADER, renderTable, type Row } from './bench/table';

const RECORDING = join(ROOT, 'public/recordings/yichang-demo.ndjson');
const SCALES = [1, 20] as const;

const log = (s: string) => process.stderr.write(`${s}\n`);

function machineInfo(): string {
  const cpu = cpus();
  return [
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform} ${process.arch}`,
    `node ${process.version}; ${chromiumVersion()} (software WebGL: SwiftShader)`,
    `load average at start: ${loadAverage()} (above the core count, other work shares the CPUs: trust ratios, not ms)`,
  ].join('\n');
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const nodeRuns = args.quick ? 3 : 9;
  const browserRuns = args.quick ? 1 : 3;
  const info = machineInfo();

  let served: Served | undefined;
  try {
    let rows: Row[] = [];
    let notes: string[] = [];
    if (args.only === null) {
      if (args.build) {
        log(`building into ${OUT_DIR}/ …`);
        await buildApp();
      }
      log('in-process rows (load, lookup, seek) …');
      const node = runNodeRows(readFileSync(RECORDING, 'utf8'), SCALES, nodeRuns);
      log('facility rows (1M facilities: Arrow vs GeoJSON) …');
      const facility = runFacilityRows(Math.min(nodeRuns, 3));

      served = await serveBuild();
      log(`browser rows against ${served.baseUrl} (${browserRuns} cold start(s) per page) …`);
      const browser = await runBrowserRows(served.baseUrl, browserRuns, true, log);
      rows = [...node.rows, ...facility.rows, ...browser.rows];
      notes = [...node.notes, ...facility.notes, ...browser.notes];
    }
    if (args.only === null || args.only === 'switching') {
      if (args.only === 'switching' && args.build) {
        log(`building into ${OUT_DIR}/ …`);
        await buildApp();
      }
      served ??= await serveBuild();
      log(`scene switch rows against ${served.baseUrl} (ours, then naive remount) …`);
      const switching = await runSwitchRows(served.baseUrl, args.quick ? 2 : 6, log);
      rows = [...rows, ...switching.rows];
      notes = [...notes, ...switching.notes];
    }
    if (args.only === null || args.only === 'facility-frame') {
      // Its own small page build, after the app build (which empties bench-dist/).
      log('facility frame rows (2M points + 500k segments: GL points/lines vs instanced; status updates) …');
      const frame = await runFacilityFrameRows(args.quick, args.build, log);
      rows = [...rows, ...frame.rows];
      notes = [...notes, ...frame.notes];
    }
    if (args.only === null || args.only === 'live') {
      const live = await runLiveRows(nodeRuns, log);
      rows = [...rows, ...live.rows];
      notes = [...notes, ...live.notes];
    }

    const out = [
      info,
      `mode: ${args.quick ? 'quick' : 'full'}${args.only ? `, only ${args.only}` : ''}; medians; ${RATIO_HEADER}: baseline ÷ ours for ms and KiB, ours ÷ baseline for fps and msg/s`,
      '',
      renderTable(rows),
      '',
      ...notes.map((n) => `- ${n}`),
      `- total bench time ${((Date.now() - started) / 1000).toFixed(0)} s; load average at end ${loadAverage()}`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await served?.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    log(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
