/**
 * One row of a decoded facility table as plain values (codes decoded to their enum ids, the inspection
 * day to a date, offsets to lon/lat): for the facility card, tooltips and test hooks. Allocates one small
 * object per call, so it is for a picked row, never for a loop over the table.
 */
import type { FacilityTable } from './decode';
import {
  FACILITY_STATUSES,
  FACILITY_UNITS,
  LAMP_TYPES,
  MANHOLE_TYPES,
  PIPE_MATERIALS,
  PIPE_NETWORKS,
  formatFacilityCode,
  inspectionDate,
  type FacilityKind,
  type FacilityStatus,
  type FacilityUnit,
  type LampType,
  type ManholeType,
  type PipeMaterial,
  type PipeNetwork,
} from './schema';

interface RowBase {
  index: number;
  id: number;
  /** Display code, e.g. `JG2000417`. */
  code: string;
  unit: FacilityUnit;
  status: FacilityStatus;
  /** Last inspection: day number (days since 2020-01-01) and its date. */
  inspectedDay: number;
  inspected: string;
  /** The point (pipes: the segment's midpoint), degrees. */
  lon: number;
  lat: number;
}

export interface ManholeRow extends RowBase {
  kind: 'manholes';
  type: ManholeType;
}
export interface StreetlightRow extends RowBase {
  kind: 'streetlights';
  lamp: LampType;
  watts: number;
}
export interface PipeRow extends RowBase {
  kind: 'pipes';
  network: PipeNetwork;
  material: PipeMaterial;
  diameter: number;
  installYear: number;
  lon0: number;
  lat0: number;
  lon1: number;
  lat1: number;
}
export type FacilityRow = ManholeRow | StreetlightRow | PipeRow;

/** An enum label by code; an unknown code (a newer file than this build) reads as its number. */
function label<T extends string>(labels: readonly T[], code: number): T {
  return (labels[code] ?? String(code)) as T;
}

/** Every column of row `index` as plain values; null when the index is out of range. */
export function describeRow(table: FacilityTable<FacilityKind>, index: number): FacilityRow | null {
  if (!Number.isInteger(index) || index < 0 || index >= table.length) return null;
  const { origin } = table;
  const c = table.columns as unknown as Record<string, ArrayLike<number>>;
  const at = (name: string): number => (c[name] as ArrayLike<number>)[index] as number;
  const id = at('id');
  const inspectedDay = at('inspected');
  const base = {
    index,
    id,
    code: formatFacilityCode(table.kind, id),
    unit: label(FACILITY_UNITS, at('unit')),
    status: label(FACILITY_STATUSES, at('status')),
    inspectedDay,
    inspected: inspectionDate(inspectedDay),
  };
  switch (table.kind) {
    case 'manholes':
      return { kind: 'manholes', ...base, type: label(MANHOLE_TYPES, at('type')), lon: origin.lon + at('dlon'), lat: origin.lat + at('dlat') };
    case 'streetlights':
      return {
        kind: 'streetlights', ...base, lamp: label(LAMP_TYPES, at('lamp')), watts: at('watts'),
        lon: origin.lon + at('dlon'), lat: origin.lat + at('dlat'),
      };
    case 'pipes': {
      const lon0 = origin.lon + at('dlon0');
      const lat0 = origin.lat + at('dlat0');
      const lon1 = origin.lon + at('dlon1');
      const lat1 = origin.lat + at('dlat1');
      return {
        kind: 'pipes', ...base, network: label(PIPE_NETWORKS, at('network')), material: label(PIPE_MATERIALS, at('material')),
        diameter: at('diameter'), installYear: at('installYear'), lon0, lat0, lon1, lat1, lon: (lon0 + lon1) / 2, lat: (lat0 + lat1) / 2,
      };
    }
  }
}
