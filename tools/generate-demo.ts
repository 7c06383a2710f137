/**
 * Writes the demo recording.
 *   npx tsx tools/generate-demo.ts [--seed N] [--out path]
 * Defaults: the shipped seed and public/recordings/yichang-demo.ndjson. Same seed → same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_SEED } from './demo-generator/config';
import { generateDemoRecording } from './demo-generator/generate';

export const DEFAULT_OUT = fileURLToPath(new URL('../public/recordings/yichang-demo.ndjson', import.meta.url));

function parseArgs(argv: readonly string[]): { seed: number; out: string } {
  let seed = DEMO_SEED;
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--seed' && value !== undefined) {
      if (!/^\d+$/.test(value)) throw new Error(`--seed expects a non-negative integer, got ${JSON.stringify(value)}`);
      seed = Number(value);
      i += 1;
    } else if (arg === '--out' && value !== undefined) {
      out = resolve(value);
      i += 1;
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: npx tsx tools/generate-demo.ts [--seed N] [--out path]');
      process.exit(0);
    } else {
      throw new Error(`unknown or incomplete argument ${JSON.stringify(arg)} (usage: [--seed N] [--out path])`);
    }
  }
  return { seed, out };
}

const { seed, out } = parseArgs(process.argv.slice(2));
const started = performance.now();
const text = generateDemoRecording(seed);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);

const counts = new Map<string, number>();
const lines = text.trimEnd().split('\n');
for (const line of lines.slice(1)) {
  const topic = (JSON.parse(line) as { topic: string }).topic;
  counts.set(topic, (counts.get(topic) ?? 0) + 1);
}
const summary = [...counts].map(([topic, n]) => `${topic} ${n}`).join(', ');
console.log(`wrote ${out}: ${Buffer.byteLength(text)} bytes, ${lines.length} lines (header + ${summary}); seed ${seed}; ${Math.round(performance.now() - started)} ms`);
