/**
 * `npm run generate:facilities [-- --seed N --out DIR]` — writes public/facilities/{manholes,streetlights,pipes}.arrow
 * from the district boundaries, the traced river and a fixed seed (docs/facilities.md). Deterministic:
 * the same seed gives the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadBoundaries } from './demo-generator/geography';
import { FACILITY_FILES, FACILITY_KINDS } from '../src/facilities/schema';
import { encodeArrow } from './facility-generator/arrow';
import { FACILITY_SEED } from './facility-generator/config';
import { generateFacilities } from './facility-generator/generate';
import { RiverCorridor } from './facility-generator/geometry';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, out: { type: 'string' } },
});
const seed = values.seed === undefined ? FACILITY_SEED : Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
const outDir = values.out ?? fileURLToPath(new URL('../public/facilities/', import.meta.url));

const started = Date.now();
const result = generateFacilities({ seed, boundaries: loadBoundaries(), river: RiverCorridor.load() });
mkdirSync(outDir, { recursive: true });
let total = 0;
for (const kind of FACILITY_KINDS) {
  const bytes = encodeArrow(kind, result.arrays[kind], seed);
  writeFileSync(join(outDir, FACILITY_FILES[kind]), bytes);
  total += bytes.byteLength;
  const rows = result.arrays[kind].id.length;
  process.stdout.write(`${FACILITY_FILES[kind]}: ${rows.toLocaleString('en-US')} rows, ${(bytes.byteLength / 2 ** 20).toFixed(2)} MiB\n`);
}
for (const r of result.roads) {
  process.stdout.write(`  roads ${r.unit}: ${r.edges} block edges, ${r.localKm.toFixed(0)} km local + ${r.arterialKm.toFixed(0)} km arterial\n`);
}
process.stdout.write(`total ${(total / 2 ** 20).toFixed(2)} MiB in ${outDir} (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
