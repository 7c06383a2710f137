/**
 * Facility rows, in-process: 1,000,000 facilities from file bytes to GPU-ready columns (ENU positions
 * Float32 xyz + RGBA colours), and the memory each facility then holds.
 *
 *   ours:  Arrow IPC bytes → decodeFacilityTable (zero-copy stored columns, positions projected in one
 *          loop) → FacilityStatusBuffer colours. What the decode worker does (minus the fetch).
 *   naive: GeoJSON text → JSON.parse into feature objects → deck.gl-style accessor functions
 *          (getPosition via EnuFrame.fromLonLat, getFillColor returning [r,g,b,a]) packed into the
 *          same attribute arrays, as a layer with `data: features` would.
 *
 * The million rows are the shipped manholes tiled (fresh ids), so the data is realistic. Both sides are
 * checked to give the same positions (< 1 cm) and identical colours before anything is timed. Memory is
 * the growth of V8 heap + ArrayBuffer memory after a full GC while the result is held (the input text is
 * not counted: ours keeps the file bytes because the columns are views of them, and that is counted).
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodeFacilityTable } from '../../src/facilities/decode';
import { DEFAULT_STATUS_PALETTE } from '../../src/facilities/palette';
import { FACILITY_ORIGIN, facilityId } from '../../src/facilities/schema';
import { FacilityStatusBuffer } from '../../src/facilities/status-buffer';
import { EnuFrame } from '../../src/map/geo-math';
import { encodeArrow } from '../facility-generator/arrow';
import { FACILITY_SEED } from '../facility-generator/config';
import { timePair } from './stats';
import type { Row } from './table';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export const FACILITY_BENCH_ROWS = 1_000_000;
const MANHOLES = new URL('../../public/facilities/manholes.arrow', import.meta.url);

interface Inputs {
  arrow: Uint8Array;
  geojson: string;
  n: number;
}

interface GpuReady {
  positions: Float32Array;
  colors: Uint8Array;
  /** What the app keeps alive afterwards. */
  held: unknown;
}

function buildInputs(n: number): Inputs {
  const src = decodeFacilityTable('manholes', new Uint8Array(readFileSync(MANHOLES))).columns;
  const m = src.id.length;
  const cols = {
    id: new Uint32Array(n),
    unit: new Uint8Array(n),
    type: new Uint8Array(n),
    status: new Uint8Array(n),
    inspected: new Uint16Array(n),
    dlon: new Float32Array(n),
    dlat: new Float32Array(n),
  };
  const features: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const j = i % m;
    cols.id[i] = facilityId(0, i);
    cols.unit[i] = src.unit[j] as number;
    cols.type[i] = src.type[j] as number;
    cols.status[i] = src.status[j] as number;
    cols.inspected[i] = src.inspected[j] as number;
    cols.dlon[i] = src.dlon[j] as number;
    cols.dlat[i] = src.dlat[j] as number;
    const lon = FACILITY_ORIGIN.lon + (cols.dlon[i] as number);
    const lat = FACILITY_ORIGIN.lat + (cols.dlat[i] as number);
    // GeoJSON as a service would send it: 7 decimals (~1 cm), properties by name.
    features.push(
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon.toFixed(7)},${lat.toFixed(7)}]},"properties":{"id":${cols.id[i]},"unit":${cols.unit[i]},"type":${cols.type[i]},"status":${cols.status[i]},"inspected":${cols.inspected[i]}}}`,
    );
  }
  return { arrow: encodeArrow('manholes', cols, FACILITY_SEED), geojson: `{"type":"FeatureCollection","features":[${features.join(',')}]}`, n };
}

function ours(bytes: Uint8Array): GpuReady {
  const table = decodeFacilityTable('manholes', bytes);
  const status = new FacilityStatusBuffer(table.columns.status);
  return { positions: table.columns.positions, colors: status.colors, held: { table, status } };
}

interface NaiveFeature {
  geometry: { coordinates: [number, number] };
  properties: { id: number; unit: number; type: number; status: number };
}

function naive(text: string, frame: EnuFrame): GpuReady {
  const features = (JSON.parse(text) as { features: NaiveFeature[] }).features;
  const getPosition = (f: NaiveFeature) => frame.fromLonLat(f.geometry.coordinates[0], f.geometry.coordinates[1], 0);
  const getFillColor = (f: NaiveFeature) => [...(DEFAULT_STATUS_PALETTE[f.properties.status] as readonly number[])];
  const positions = new Float32Array(features.length * 3);
  const colors = new Uint8Array(features.length * 4);
  features.forEach((f, i) => {
    positions.set(getPosition(f), i * 3);
    colors.set(getFillColor(f), i * 4);
  });
  return { positions, colors, held: features };
}

function sameResult(a: GpuReady, b: GpuReady): void {
  if (a.positions.length !== b.positions.length) throw new Error(`facility bench: ${a.positions.length} vs ${b.positions.length} positions`);
  for (let i = 0; i < a.positions.length; i += 1) {
    if (Math.abs((a.positions[i] as number) - (b.positions[i] as number)) > 0.01) throw new Error(`facility bench: position ${i} differs between ours and naive`);
  }
  for (let i = 0; i < a.colors.length; i += 1) if (a.colors[i] !== b.colors[i]) throw new Error(`facility bench: colour byte ${i} differs`);
}

function retainedBytes(make: () => GpuReady): number {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gc();
  gc();
  const before = used();
  const result = make();
  gc();
  gc();
  const after = used();
  // Keep `result` alive across the measurement.
  if (result.positions.length === 0) throw new Error('facility bench: empty result');
  return after - before;
}

export function runFacilityRows(runs: number): { rows: Row[]; notes: string[] } {
  const inputs = buildInputs(FACILITY_BENCH_ROWS);
  const frame = new EnuFrame(FACILITY_ORIGIN.lon, FACILITY_ORIGIN.lat, 0);
  const fresh = () => inputs.arrow.slice(); // a fresh buffer per decode, as a fetch gives
  sameResult(ours(fresh()), naive(inputs.geojson, frame));

  // The naive side takes seconds per run at this size: at most 5 runs.
  const r = Math.min(runs, 5);
  const t = timePair(() => ours(fresh()), () => naive(inputs.geojson, frame), r, 1);
  const mOurs = retainedBytes(() => ours(fresh())) / inputs.n;
  const mNaive = retainedBytes(() => naive(inputs.geojson, frame)) / inputs.n;
  const label = `${(inputs.n / 1e6).toFixed(0)}M facilities`;
  return {
    rows: [
      { what: `File to GPU-ready columns, ${label} (Arrow vs GeoJSON + accessors)`, ours: t.ours.ms, baseline: t.naive.ms, unit: 'ms', runs: String(r), higherIsBetter: false },
      { what: `Memory per facility held after load, ${label}`, ours: mOurs, baseline: mNaive, unit: 'bytes', runs: '1 (after full GC)', higherIsBetter: false },
    ],
    notes: [
      `facility files: ${(inputs.arrow.byteLength / 2 ** 20).toFixed(1)} MiB Arrow vs ${(inputs.geojson.length / 2 ** 20).toFixed(0)} MiB GeoJSON for ${inputs.n.toLocaleString('en-US')} points; the decode runs in a worker in the app (timed here in-process, fetch excluded)`,
    ],
  };
}
