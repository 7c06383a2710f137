/**
 * The facility data model shared by the generator (tools/facility-generator), the decoder (worker) and
 * the map: kinds, enum codes, column names and types, the coordinate origin. docs/facilities.md is the
 * prose version of this file. Pure: no DOM, no Node, no engine imports.
 *
 * Contract: every enum is a Uint8 code whose meaning is its index in the array below. Codes are only ever
 * appended, never reordered, because they are stored in the shipped Arrow files (and the files' schema
 * metadata repeats the labels, so a file can be read without this module).
 */

export const FACILITY_KINDS = ['manholes', 'streetlights', 'pipes'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** Shipped files, relative to the app's base URL (`public/facilities/`). */
export const FACILITY_DIR = 'facilities/';
export const FACILITY_FILES: Readonly<Record<FacilityKind, string>> = {
  manholes: 'manholes.arrow',
  streetlights: 'streetlights.arrow',
  pipes: 'pipes.arrow',
};

/**
 * Origin of the stored coordinates: lon = ORIGIN.lon + dlon, lat = ORIGIN.lat + dlat (degrees, Float32
 * offsets: |offset| < 0.25° keeps the Float32 step below 2 mm). It is the map's deck.gl ENU origin
 * (`DECK_ORIGIN` in src/map/wall-map.ts), so the decoder's default ENU frame is the map's frame; the
 * degrees are in the boundary data's own system (likely GCJ-02, see public/geo/README.md).
 */
export const FACILITY_ORIGIN = { lon: 111.29, lat: 30.7 } as const;

/** Operating status, shared by all kinds. */
export const FACILITY_STATUSES = ['normal', 'alarm', 'offline', 'repair'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];
export const STATUS_CODE: Readonly<Record<FacilityStatus, number>> = { normal: 0, alarm: 1, offline: 2, repair: 3 };
export const STATUS_LABEL_ZH: Readonly<Record<FacilityStatus, string>> = { normal: '正常', alarm: '告警', offline: '离线', repair: '维修中' };

/** Manhole (井盖) network type. */
export const MANHOLE_TYPES = ['water', 'drainage', 'gas', 'power', 'telecom'] as const;
export type ManholeType = (typeof MANHOLE_TYPES)[number];
export const MANHOLE_TYPE_ZH: Readonly<Record<ManholeType, string>> = { water: '给水', drainage: '排水', gas: '燃气', power: '电力', telecom: '通信' };

/** Pipe (管线) network. */
export const PIPE_NETWORKS = ['supply', 'drainage', 'gas'] as const;
export type PipeNetwork = (typeof PIPE_NETWORKS)[number];
export const PIPE_NETWORK_ZH: Readonly<Record<PipeNetwork, string>> = { supply: '供水', drainage: '排水', gas: '燃气' };

export const PIPE_MATERIALS = ['ductile_iron', 'grey_cast_iron', 'steel', 'pe', 'pvc_u', 'hdpe_corrugated', 'concrete'] as const;
export type PipeMaterial = (typeof PIPE_MATERIALS)[number];
export const PIPE_MATERIAL_ZH: Readonly<Record<PipeMaterial, string>> = {
  ductile_iron: '球墨铸铁',
  grey_cast_iron: '灰口铸铁',
  steel: '钢管',
  pe: 'PE',
  pvc_u: 'PVC-U',
  hdpe_corrugated: 'HDPE双壁波纹管',
  concrete: '钢筋混凝土',
};

export const LAMP_TYPES = ['led', 'sodium'] as const;
export type LampType = (typeof LAMP_TYPES)[number];

/** The central districts the generator covers, in id order (their ordinal is part of every id). */
export const FACILITY_UNITS = ['xiling', 'wujiagang', 'dianjun', 'xiaoting', 'yiling'] as const;
export type FacilityUnit = (typeof FACILITY_UNITS)[number];

/**
 * Facility ids are Uint32 asset numbers: (unit ordinal + 1) × 1,000,000 + sequence within the unit and
 * kind. The files store rows in ascending id order (the id→index lookup relies on it only for speed).
 * The display code adds a kind prefix: 井盖 JG, 路灯 LD, 管线 GX, e.g. `JG2000417` = 伍家岗 manhole 417.
 */
export const ID_UNIT_STRIDE = 1_000_000;
export const KIND_PREFIX: Readonly<Record<FacilityKind, string>> = { manholes: 'JG', streetlights: 'LD', pipes: 'GX' };

export function facilityId(unitOrdinal: number, seq: number): number {
  if (seq >= ID_UNIT_STRIDE) throw new Error(`facility sequence ${seq} overflows the id stride`);
  return (unitOrdinal + 1) * ID_UNIT_STRIDE + seq;
}

export function formatFacilityCode(kind: FacilityKind, id: number): string {
  return `${KIND_PREFIX[kind]}${id}`;
}

/** Inverse of formatFacilityCode; undefined for anything that is not a well-formed code. */
export function parseFacilityCode(code: string): { kind: FacilityKind; id: number } | undefined {
  const m = /^(JG|LD|GX)(\d{7,10})$/.exec(code);
  if (!m) return undefined;
  const kind = FACILITY_KINDS.find((k) => KIND_PREFIX[k] === m[1]);
  const id = Number(m[2]);
  if (!kind || id > 0xffff_ffff) return undefined;
  return { kind, id };
}

/**
 * Last inspection (巡检) of a facility: whole days since 2020-01-01 (UTC), stored as Uint16 (good until
 * 2199). A day count instead of a timestamp: inspections are logged per day, and 2 bytes per row.
 */
export const INSPECTION_EPOCH_MS = Date.UTC(2020, 0, 1);
export const DAY_MS = 86_400_000;
/** An inspection older than this many days is overdue (the yearly inspection cycle). */
export const INSPECTION_OVERDUE_DAYS = 365;

/** The calendar date (YYYY-MM-DD) of an `inspected` day number. */
export function inspectionDate(day: number): string {
  return new Date(INSPECTION_EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10);
}

/** The `inspected` day number of an epoch-ms time (the day it falls in, UTC). */
export function inspectionDay(epochMs: number): number {
  return Math.floor((epochMs - INSPECTION_EPOCH_MS) / DAY_MS);
}

/** Arrow column names and their stored types, per kind (the decoder checks them). */
export const COLUMN_TYPES = {
  manholes: { id: 'Uint32', unit: 'Uint8', type: 'Uint8', status: 'Uint8', inspected: 'Uint16', dlon: 'Float32', dlat: 'Float32' },
  streetlights: { id: 'Uint32', unit: 'Uint8', lamp: 'Uint8', status: 'Uint8', watts: 'Uint16', inspected: 'Uint16', dlon: 'Float32', dlat: 'Float32' },
  pipes: {
    id: 'Uint32',
    unit: 'Uint8',
    network: 'Uint8',
    material: 'Uint8',
    status: 'Uint8',
    diameter: 'Uint16',
    installYear: 'Uint16',
    inspected: 'Uint16',
    dlon0: 'Float32',
    dlat0: 'Float32',
    dlon1: 'Float32',
    dlat1: 'Float32',
  },
} as const satisfies Record<FacilityKind, Record<string, string>>;
