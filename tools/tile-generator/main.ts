/**
 * `npm run generate:tiles [-- --seed N --out DIR]` — writes the base map's vector tiles and buildings to
 * public/tiles (docs/basemap.md). Deterministic: the same seed gives the same bytes. The default seed is
 * the facilities' (FACILITY_SEED), so the roads are the streets the facilities lie along.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadBoundaries } from '../demo-generator/geography';
import { FACILITY_SEED } from '../facility-generator/config';
import { RiverCorridor } from '../facility-generator/geometry';
import { generateTiles } from './generate';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const seed = values.seed === undefined ? FACILITY_SEED : Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
const outDir = values.out ?? fileURLToPath(new URL('../../public/tiles/', import.meta.url));

const started = Date.now();
const result = generateTiles(seed, loadBoundaries(), RiverCorridor.load());
// Replace the whole set: a tile that is no longer generated must not linger.
rmSync(join(outDir, 'base'), { recursive: true, force: true });
rmSync(join(outDir, 'buildings'), { recursive: true, force: true });
for (const [path, bytes] of result.files) {
  const file = join(outDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}
const { index } = result;
for (const [z, ids] of Object.entries(index.base.tiles)) process.stdout.write(`base z${z}: ${ids.length} tiles\n`);
process.stdout.write(`buildings z${index.buildings.zoom}: ${index.buildings.tiles.length} tiles, ${index.buildings.count.toLocaleString('en-US')} buildings\n`);
process.stdout.write(`${result.roadFeatures.toLocaleString('en-US')} road runs; ${result.files.size} files, ${(index.bytes / 2 ** 20).toFixed(2)} MiB in ${outDir} (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
