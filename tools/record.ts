/**
 * `npm run record` — record a live feed into a citywall recording that the demo wall replays.
 *
 *   npm run record -- --url http://127.0.0.1:4400 --minutes 5 --out public/recordings/x.ndjson
 *                     [--seconds N] [--title "…"] [--transport socket.io|rest]
 *
 * Runs the wall's own live source under Node (socket.io-client and fetch work there), tapped by the
 * recorder (data-adapters/recorder.ts), so the file holds exactly what the stores would have folded:
 * the start-up picture (snapshots, the event tail) and everything after, validated. Stops after the
 * duration or on Ctrl-C (SIGINT/SIGTERM), and writes the file then; a second Ctrl-C quits unwritten.
 * Progress goes to stderr once every 10 s. Exits non-zero when nothing could be recorded.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createLiveSource, type LiveTransport } from '../data-adapters/live/live-source';
import { createRecorder } from '../data-adapters/recorder';

const USAGE =
  'usage: npm run record -- --url http://127.0.0.1:4400 (--minutes M | --seconds S) --out public/recordings/x.ndjson [--title "…"] [--transport socket.io|rest]';
const log = (s: string) => process.stderr.write(`${s}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      minutes: { type: 'string' },
      seconds: { type: 'string' },
      out: { type: 'string' },
      title: { type: 'string' },
      transport: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    log(USAGE);
    process.exit(0);
  }
  const url = values.url;
  if (!url || !/^https?:\/\/[^/\s]+/.test(url)) throw new Error(`--url must be an http(s) origin\n${USAGE}`);
  if (!values.out) throw new Error(`--out is required\n${USAGE}`);
  const seconds = values.seconds !== undefined ? Number(values.seconds) : Number(values.minutes ?? '5') * 60;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`the duration must be a number > 0\n${USAGE}`);
  const transport = (values.transport ?? 'socket.io') as LiveTransport;
  if (transport !== 'socket.io' && transport !== 'rest') throw new Error(`--transport must be socket.io or rest\n${USAGE}`);
  return { url, out: values.out, seconds, transport, title: values.title };
}

async function main(): Promise<number> {
  const o = options();
  const started = new Date();
  const live = createLiveSource({ url: o.url, transport: o.transport, logger: { warn: (m) => log(`[live] ${m}`) } });
  const title = o.title ?? `${new URL(o.url).host} 实时录制 ${started.toISOString()}`;
  const rec = createRecorder(live, { title });
  rec.source.setListener(rec.tap());
  log(`recording ${o.url} for ${o.seconds} s into ${o.out} …`);
  await rec.source.start();

  await waitUntilDone(o.seconds * 1000, () => {
    const s = live.getState();
    log(`  ${Math.round((Date.now() - started.getTime()) / 1000)} s: ${s.status}, ${rec.kept} messages kept, ${s.health.rejected} refused by the source`);
  });

  const state = live.getState();
  rec.source.close();
  if (rec.kept === 0) {
    log(`nothing recorded (source ${state.status}${state.error ? `: ${state.error}` : ''})`);
    return 1;
  }
  const text = rec.toRecording();
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, text);
  const h = rec.header()!;
  log(
    `wrote ${o.out}: ${rec.kept} messages, ${((h.endTime - h.startTime) / 60_000).toFixed(1)} min of data ` +
      `(${new Date(h.startTime).toISOString()} – ${new Date(h.endTime).toISOString()}), ${(text.length / 1024).toFixed(0)} KiB` +
      (rec.refused > 0 ? `, ${rec.refused} refused by the recorder` : '') +
      (rec.restarts > 0 ? `; the feed resynchronised ${rec.restarts}× and only the part since the last resync is kept` : '') +
      (rec.truncated ? '; TRUNCATED at the message limit' : ''),
  );
  return 0;
}

/** Resolves after `ms` or on the first SIGINT/SIGTERM (a second one quits unwritten); `progress` every 10 s. */
function waitUntilDone(ms: number, progress: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const ticker = setInterval(progress, 10_000);
    const finish = () => {
      clearTimeout(timer);
      clearInterval(ticker);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    let interrupted = false;
    const onSignal = () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      log('stopping: writing what was recorded (Ctrl-C again to quit without writing)');
      finish();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
