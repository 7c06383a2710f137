/**
 * Writes generated columns as Arrow IPC files (the random-access "file" format, one record batch, no
 * nulls, no compression), with the data model repeated in the schema metadata so a file is readable
 * without our code: origin, enum labels, generator and seed.
 */
import { RecordBatch, Schema, Table, tableFromArrays, tableToIPC } from 'apache-arrow';
import {
  COLUMN_TYPES,
  FACILITY_ORIGIN,
  FACILITY_STATUSES,
  LAMP_TYPES,
  MANHOLE_TYPES,
  PIPE_MATERIALS,
  PIPE_NETWORKS,
  FACILITY_UNITS,
  type FacilityKind,
} from '../../src/facilities/schema';
import { FACILITY_GENERATOR } from './config';
import type { FacilityArrays } from './generate';

const ENUMS: Readonly<Record<FacilityKind, Record<string, readonly string[]>>> = {
  manholes: { unit: FACILITY_UNITS, type: MANHOLE_TYPES, status: FACILITY_STATUSES },
  streetlights: { unit: FACILITY_UNITS, lamp: LAMP_TYPES, status: FACILITY_STATUSES },
  pipes: { unit: FACILITY_UNITS, network: PIPE_NETWORKS, material: PIPE_MATERIALS, status: FACILITY_STATUSES },
};

export function encodeArrow(kind: FacilityKind, columns: FacilityArrays[FacilityKind], seed: number): Uint8Array {
  // Column order is COLUMN_TYPES' order, whatever order the generator filled them in.
  const ordered: Record<string, Uint8Array | Uint16Array | Uint32Array | Float32Array> = {};
  for (const name of Object.keys(COLUMN_TYPES[kind])) {
    const col = (columns as Record<string, Uint8Array | Uint16Array | Uint32Array | Float32Array>)[name];
    if (!col) throw new Error(`${kind}: column ${name} missing`);
    ordered[name] = col;
  }
  const plain = tableFromArrays(ordered);
  const metadata = new Map<string, string>([
    ['citywall.kind', kind],
    ['citywall.origin', JSON.stringify(FACILITY_ORIGIN)],
    ['citywall.coordinates', 'lon = origin.lon + dlon, lat = origin.lat + dlat (degrees, Float32 offsets; boundary data datum, likely GCJ-02)'],
    ['citywall.enums', JSON.stringify(ENUMS[kind])],
    ['citywall.generator', FACILITY_GENERATOR],
    ['citywall.seed', String(seed)],
  ]);
  const schema = new Schema(plain.schema.fields, metadata);
  const batches = plain.batches.map((b) => new RecordBatch(schema, b.data));
  return tableToIPC(new Table(schema, batches), 'file');
}
