/**
 * Fixed parameters of the facility data: where the street grids lie, how dense each network is, what
 * share of facilities is not normal. Plausible for Yichang's central districts, not surveyed: the real
 * road network is not in ../shared/data, so every street here is generated (docs/facilities.md).
 *
 * Directions are given as unnormalised vectors (east, north) rather than angles, so the generator needs
 * no trigonometry and gives the same bytes on every engine (see tools/demo-generator/random.ts).
 */
import type { FacilityUnit } from '../../src/facilities/schema';

export const FACILITY_SEED = 20240601;
export const FACILITY_GENERATOR = 'citywall tools/facility-generator v1';

/** Half-width of the Yangtze corridor kept free of roads and facilities (an ~800 m wide river). */
export const RIVER_HALF_WIDTH_M = 400;
/** Roads keep this much more distance, so the offsets of lamps and manholes stay out of the corridor. */
export const ROAD_RIVER_MARGIN_M = 25;
/** Roads are tested inside the district and off the river at least this often along their length. */
export const ROAD_SAMPLE_STEP_M = 15;

export interface DistrictGrid {
  unit: FacilityUnit;
  /** Centre of the grid (lon, lat). */
  center: readonly [number, number];
  /** Direction of the main streets as (east, north); the cross streets are perpendicular. */
  axis: readonly [number, number];
  /** Half-extent of the grid along the axis and across it (m); the district boundary clips it further. */
  halfAlong: number;
  halfAcross: number;
  /** Mean distance between parallel streets (m) and the random shift of each street line (± m). */
  spacing: number;
  jitter: number;
  /** Every n-th line is an arterial (主干道); the rest are local streets (支路). */
  arterialEvery: number;
  /** Share of local-street blocks dropped (superblocks, campuses, parks). */
  dropLocal: number;
  /** Oldest and most common install year of the district's pipes (old town is older). */
  yearMin: number;
  yearMode: number;
  /** Share of sodium lamps not yet converted to LED. */
  sodiumShare: number;
}

/**
 * Street grids of the urban cores. 西陵 and 伍家岗 follow the river's NW→SE run (the 沿江大道 direction);
 * 点军 is the west-bank strip; 猇亭 the riverside industrial town; 夷陵 only its urban seat 小溪塔 (the
 * rest of 夷陵 is mountains and is not covered).
 */
export const DISTRICT_GRIDS: readonly DistrictGrid[] = [
  { unit: 'xiling', center: [111.305, 30.722], axis: [1, -0.78], halfAlong: 5600, halfAcross: 4100, spacing: 140, jitter: 22, arterialEvery: 5, dropLocal: 0.06, yearMin: 1982, yearMode: 1998, sodiumShare: 0.22 },
  { unit: 'wujiagang', center: [111.362, 30.655], axis: [1, -0.95], halfAlong: 7400, halfAcross: 3800, spacing: 145, jitter: 24, arterialEvery: 5, dropLocal: 0.07, yearMin: 1988, yearMode: 2006, sodiumShare: 0.15 },
  { unit: 'dianjun', center: [111.255, 30.69], axis: [0.35, 1], halfAlong: 3800, halfAcross: 2300, spacing: 150, jitter: 26, arterialEvery: 4, dropLocal: 0.1, yearMin: 1995, yearMode: 2012, sodiumShare: 0.1 },
  { unit: 'xiaoting', center: [111.43, 30.535], axis: [1, 0.12], halfAlong: 4100, halfAcross: 4000, spacing: 155, jitter: 26, arterialEvery: 5, dropLocal: 0.1, yearMin: 1996, yearMode: 2010, sodiumShare: 0.12 },
  { unit: 'yiling', center: [111.33, 30.772], axis: [1, 0.2], halfAlong: 4300, halfAcross: 3800, spacing: 145, jitter: 24, arterialEvery: 5, dropLocal: 0.08, yearMin: 1992, yearMode: 2008, sodiumShare: 0.14 },
];

export type RoadClass = 'local' | 'arterial';

/**
 * Manholes along a road: per network, spacing (m), lines (1 = one side, 2 = both sides) and lateral
 * offset from the centreline (m). Drainage has the most (rain and sewer inspection chambers).
 */
export const MANHOLE_LAYOUT: Readonly<Record<RoadClass, readonly { type: number; spacing: number; lines: 1 | 2; offset: number; share: number }[]>> = {
  // type codes: 0 water, 1 drainage, 2 gas, 3 power, 4 telecom (MANHOLE_TYPES)
  local: [
    { type: 0, spacing: 60, lines: 1, offset: -4, share: 1 },
    { type: 1, spacing: 30, lines: 1, offset: 1.5, share: 1 },
    { type: 2, spacing: 80, lines: 1, offset: 3.5, share: 0.8 },
    { type: 3, spacing: 55, lines: 1, offset: -5.5, share: 0.9 },
    { type: 4, spacing: 55, lines: 1, offset: 5.5, share: 0.9 },
  ],
  arterial: [
    { type: 0, spacing: 60, lines: 2, offset: 10, share: 1 },
    { type: 1, spacing: 30, lines: 2, offset: 5, share: 1 },
    { type: 2, spacing: 80, lines: 1, offset: 12, share: 1 },
    { type: 3, spacing: 45, lines: 2, offset: 14, share: 1 },
    { type: 4, spacing: 45, lines: 2, offset: 16, share: 1 },
  ],
};

/** Streetlights: spacing (m), both sides or staggered on one, offset (m) and wattage choices. */
export const LIGHT_LAYOUT: Readonly<Record<RoadClass, { spacing: number; bothSides: boolean; offset: number; ledWatts: readonly number[]; sodiumWatts: readonly number[] }>> = {
  local: { spacing: 30, bothSides: false, offset: 7, ledWatts: [60, 80, 100], sodiumWatts: [150] },
  arterial: { spacing: 36, bothSides: true, offset: 18, ledWatts: [150, 180, 200], sodiumWatts: [250, 400] },
};

/** Pipe lines per road: network, how many parallel lines, share of roads that have it, offset (m), diameters (mm). */
export const PIPE_LAYOUT: Readonly<Record<RoadClass, readonly { network: number; lines: 1 | 2; share: number; offset: number; diameters: readonly number[] }[]>> = {
  // network codes: 0 supply, 1 drainage, 2 gas (PIPE_NETWORKS)
  local: [
    { network: 0, lines: 1, share: 0.92, offset: -4, diameters: [100, 150, 200] },
    { network: 1, lines: 1, share: 1, offset: 1.5, diameters: [300, 400, 500] },
    { network: 2, lines: 1, share: 0.8, offset: 3.5, diameters: [110, 160, 200] },
  ],
  arterial: [
    { network: 0, lines: 2, share: 1, offset: 10, diameters: [300, 400, 500, 600] },
    { network: 1, lines: 2, share: 1, offset: 5, diameters: [600, 800, 1000, 1200] },
    { network: 2, lines: 1, share: 1, offset: 12, diameters: [200, 300] },
  ],
};
/** Pipe lines are cut into segments of at most this length (between valve/inspection chambers). */
export const PIPE_MAX_SEGMENT_M = 120;

/**
 * Status shares (normal is the rest). Manholes: displaced covers, water level or tilt alarms; lights:
 * lamp failures; pipes: pressure or leak alarms. Offline means the IoT sensor is not reporting. Old
 * pipes are more often under repair or in alarm (PIPE_AGE_RISK per decade of age).
 */
export const STATUS_SHARES = {
  manholes: { alarm: 0.006, offline: 0.016, repair: 0.008 },
  streetlights: { alarm: 0.012, offline: 0.02, repair: 0.008 },
  pipes: { alarm: 0.003, offline: 0.008, repair: 0.004 },
} as const;
export const PIPE_AGE_RISK = 0.35;
/** The data's "today", for pipe ages. Fixed: never the machine's clock. */
export const REFERENCE_YEAR = 2026;

/**
 * Last inspection (the `inspected` column, days since 2020-01-01): most facilities were inspected within
 * the yearly cycle before the data's "today" (2026-11-26, the demo recording's day); a share is overdue,
 * last seen 1–3 years ago. Pipes are walked less often than covers and lamps, so more of them are overdue.
 */
export const INSPECTION_TODAY_MS = Date.UTC(2026, 10, 26);
export const INSPECTION_OVERDUE_SHARE = { manholes: 0.06, streetlights: 0.04, pipes: 0.09 } as const;
/** Overdue inspections lie this many days back: [min, mode, max]. */
export const INSPECTION_OVERDUE_DAYS_BACK = [366, 430, 1100] as const;
