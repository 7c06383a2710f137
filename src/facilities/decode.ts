/**
 * Arrow IPC file → GPU-ready columns (STYLE lessons 5 and 7: `{length, columns}`, no row objects).
 * Runs in the decode worker (decode.worker.ts) and, for tests and the bench, under Node.
 *
 * The stored columns are zero-copy views into the file's bytes (one record batch, no nulls, 8-byte
 * aligned by the format); the only new memory is the ENU positions deck.gl draws with. All views and
 * positions are backed by a few ArrayBuffers (`transferables`), which the worker hands over without a
 * copy. The typed arrays are engine data: keep them out of Vue reactivity (loadFacilities marks the
 * result raw).
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { EnuProjector } from './enu';
import { COLUMN_TYPES, FACILITY_ORIGIN, type FacilityKind } from './schema';

export interface LonLatOrigin {
  lon: number;
  lat: number;
}

export interface ManholeColumns {
  id: Uint32Array;
  unit: Uint8Array;
  /** MANHOLE_TYPES code. */
  type: Uint8Array;
  /** FACILITY_STATUSES code; updated in place by FacilityStatusBuffer. */
  status: Uint8Array;
  /** Last inspection, days since 2020-01-01 (schema.ts `inspectionDate`). */
  inspected: Uint16Array;
  /** Degrees from `origin` (lon = origin.lon + dlon[i]); for picking, tooltips and panels. */
  dlon: Float32Array;
  dlat: Float32Array;
  /** ENU metres in the frame around `frame`, xyz per facility: deck.gl `getPosition`, CARTESIAN. */
  positions: Float32Array;
}

export interface StreetlightColumns {
  id: Uint32Array;
  unit: Uint8Array;
  /** LAMP_TYPES code. */
  lamp: Uint8Array;
  status: Uint8Array;
  watts: Uint16Array;
  /** Last inspection, days since 2020-01-01. */
  inspected: Uint16Array;
  dlon: Float32Array;
  dlat: Float32Array;
  positions: Float32Array;
}

export interface PipeColumns {
  id: Uint32Array;
  unit: Uint8Array;
  /** PIPE_NETWORKS code. */
  network: Uint8Array;
  /** PIPE_MATERIALS code. */
  material: Uint8Array;
  status: Uint8Array;
  /** Nominal diameter, mm. */
  diameter: Uint16Array;
  installYear: Uint16Array;
  /** Last inspection, days since 2020-01-01. */
  inspected: Uint16Array;
  dlon0: Float32Array;
  dlat0: Float32Array;
  dlon1: Float32Array;
  dlat1: Float32Array;
  /** ENU xyz of the two ends: deck.gl LineLayer `getSourcePosition` / `getTargetPosition`. */
  sourcePositions: Float32Array;
  targetPositions: Float32Array;
}

export interface FacilityColumnMap {
  manholes: ManholeColumns;
  streetlights: StreetlightColumns;
  pipes: PipeColumns;
}

export interface FacilityTable<K extends FacilityKind> {
  kind: K;
  length: number;
  /** Origin of the stored degree offsets (from the file's metadata). */
  origin: LonLatOrigin;
  /** Origin of the ENU frame the positions are in. */
  frame: LonLatOrigin;
  columns: FacilityColumnMap[K];
}

export interface FacilityColumns {
  manholes: FacilityTable<'manholes'>;
  streetlights: FacilityTable<'streetlights'>;
  pipes: FacilityTable<'pipes'>;
}

type AnyTyped = Uint8Array | Uint16Array | Uint32Array | Float32Array;

function storedColumns(kind: FacilityKind, table: Table): Record<string, AnyTyped> {
  const out: Record<string, AnyTyped> = {};
  for (const [name, type] of Object.entries(COLUMN_TYPES[kind])) {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`${kind}: column ${name} missing`);
    if (String(vector.type) !== type) throw new Error(`${kind}: column ${name} is ${String(vector.type)}, expected ${type}`);
    if (vector.nullCount > 0) throw new Error(`${kind}: column ${name} has nulls`);
    // One batch: a view into the file bytes. Several batches: Arrow concatenates (a copy).
    out[name] = vector.toArray() as AnyTyped;
  }
  return out;
}

function originOf(table: Table): LonLatOrigin {
  const raw = table.schema.metadata.get('citywall.origin');
  if (!raw) return { ...FACILITY_ORIGIN };
  const o = JSON.parse(raw) as Partial<LonLatOrigin>;
  if (typeof o.lon !== 'number' || typeof o.lat !== 'number') throw new Error(`bad citywall.origin metadata: ${raw}`);
  return { lon: o.lon, lat: o.lat };
}

/** Decodes one file of `kind`. `frame` is the ENU origin of the map (default: the data's origin). */
export function decodeFacilityTable<K extends FacilityKind>(kind: K, bytes: Uint8Array, frame: LonLatOrigin = FACILITY_ORIGIN): FacilityTable<K> {
  const table = tableFromIPC(bytes);
  const fileKind = table.schema.metadata.get('citywall.kind');
  if (fileKind !== undefined && fileKind !== kind) throw new Error(`expected a ${kind} file, got ${fileKind}`);
  const stored = storedColumns(kind, table);
  const origin = originOf(table);
  const projector = new EnuProjector(frame.lon, frame.lat);
  let columns: FacilityColumnMap[FacilityKind];
  if (kind === 'pipes') {
    const c = stored as unknown as Omit<PipeColumns, 'sourcePositions' | 'targetPositions'>;
    columns = {
      ...c,
      sourcePositions: projector.projectOffsets(origin, c.dlon0, c.dlat0),
      targetPositions: projector.projectOffsets(origin, c.dlon1, c.dlat1),
    } satisfies PipeColumns;
  } else {
    const c = stored as unknown as { dlon: Float32Array; dlat: Float32Array };
    columns = { ...stored, positions: projector.projectOffsets(origin, c.dlon, c.dlat) } as ManholeColumns | StreetlightColumns;
  }
  return { kind, length: table.numRows, origin, frame: { lon: frame.lon, lat: frame.lat }, columns: columns as FacilityColumnMap[K] };
}

/** The distinct ArrayBuffers behind a table's columns: what postMessage can transfer without copying. */
export function transferables(tables: readonly FacilityTable<FacilityKind>[]): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const t of tables) {
    for (const col of Object.values(t.columns) as AnyTyped[]) {
      if (col.buffer instanceof ArrayBuffer) set.add(col.buffer);
    }
  }
  return [...set];
}

/** lon/lat of row `i` of a point table (allocation: one small array, for picking and tooltips only). */
export function lonLatAt(table: FacilityTable<'manholes' | 'streetlights'>, i: number): [number, number] {
  const c = table.columns;
  return [table.origin.lon + (c.dlon[i] as number), table.origin.lat + (c.dlat[i] as number)];
}

/** Bytes held by a table's columns (the file's bytes counted once, plus the positions). */
export function tableBytes(table: FacilityTable<FacilityKind>): number {
  let total = 0;
  for (const buffer of transferables([table])) total += buffer.byteLength;
  return total;
}
