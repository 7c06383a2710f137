/**
 * The facility layers of the map (docs/facilities.md): manholes and streetlights as GL points, pipes as
 * GL lines (facility-gl-layers.ts: one non-instanced draw each, because software WebGL pays per instance),
 * all fed binary attributes straight from the decoded columns (STYLE lesson 5), plus pulsing rings on the
 * few facilities in alarm.
 *
 * Contract (STYLE lesson 6):
 * - layer ids and each layer's `data` object are created once per `setColumns` and never again; a status
 *   change rewrites the row's bytes in the kind's FacilityStatusBuffer and uploads only the changed rows
 *   (deck-status.ts `applyStatusToLayer` → `Attribute.updateSubBuffer`), never a new `data`;
 * - `stats.rebuilds` counts `data` objects replaced after the first (expected to stay 0: a second
 *   `setColumns`), `stats.partialUpdates` the partial uploads;
 * - what shows follows the camera range (`setRange`, FACILITY_RANGES): pipes and manholes from the
 *   district view down, streetlights only close up, alarm rings from further out; the overview stays clean,
 *   and coming back close costs no attribute build (hidden layers keep their buffers);
 * - picking is on the CPU (facility-pick.ts): a grid over the ENU positions, built on the first pick.
 *
 * Colours: a normal facility recedes in a muted colour by its type (manhole network, lamp type, pipe
 * network); alarm red, offline grey, repair amber (palette.ts).
 */
import { COORDINATE_SYSTEM, type Layer, type Viewport } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { FacilityColumns, FacilityTable } from '../facilities/decode';
import { describeRow, type FacilityRow } from '../facilities/describe';
import { applyStatusToLayer, statusColorAttribute } from '../facilities/deck-status';
import { FacilityIdIndex } from '../facilities/id-index';
import { colorsByCode, MANHOLE_TYPE_COLORS, type Rgba } from '../facilities/palette';
import { FACILITY_KINDS, FACILITY_STATUSES, STATUS_CODE, type FacilityKind, type FacilityStatus } from '../facilities/schema';
import { FacilityStatusBuffer } from '../facilities/status-buffer';
import { FacilityLineLayer, FacilityPointLayer, type FacilityGlData } from './facility-gl-layers';
import { BUILDING_OCCLUDED_PARAMETERS } from './buildings-layer';
import { buildGridIndex, distanceToSegmentSq, forEachInBox, type GridIndex } from './facility-pick';

/**
 * Camera range (m along the view axis) below which each part shows. At the district view (~15 km) a
 * wall of 1920 px shows ~8 m per pixel: manholes and pipes read as the street network's texture, lamps
 * would only add noise; lamps come in at street level. Alarm rings are few and matter most: they show
 * from further out.
 */
export const FACILITY_RANGES = { pipes: 18_000, manholes: 18_000, streetlights: 7_000, alarms: 40_000 } as const;

/** The farthest range at which any facility part shows (the overlay only redraws facilities below it). */
export const FACILITY_MAX_RANGE_M = Math.max(...Object.values(FACILITY_RANGES));

/** Normal-state colours per lamp type (LAMP_TYPES order): LED cool white, sodium warm. */
export const LAMP_TYPE_COLORS: readonly Rgba[] = [
  [210, 235, 255, 150],
  [255, 190, 120, 150],
];

/** Normal-state colours per pipe network (PIPE_NETWORKS order), fainter than the points: lines add up. */
export const PIPE_NETWORK_COLORS: readonly Rgba[] = [
  [64, 160, 255, 90],
  [90, 220, 200, 90],
  [255, 210, 90, 90],
];

export const FACILITY_LAYER_IDS: Readonly<Record<FacilityKind, string>> = {
  manholes: 'facility-manholes',
  streetlights: 'facility-streetlights',
  pipes: 'facility-pipes',
};
export const FACILITY_ALARM_LAYER_ID = 'facility-alarms';

/** The colour attribute of the facility GL layers (facility-gl-layers.ts). */
const COLOR_ATTRIBUTE = 'colors';

/** A picked row: every column (describe.ts FacilityRow) plus `type`, the kind's label. */
export type FacilityPick = FacilityRow & {
  /** The type label: manhole network, lamp type or pipe network (schema.ts enums). */
  type: string;
};

export interface FacilityStats {
  /** Layer `data` objects replaced after the first build (a full attribute rebuild). */
  rebuilds: number;
  /** Partial colour uploads (one per layer per flush with changes). */
  partialUpdates: number;
}

interface KindState {
  table: FacilityTable<FacilityKind>;
  buffer: FacilityStatusBuffer;
  /** The layer's `data`: created once, never replaced (a new object is a full rebuild). */
  data: FacilityGlData;
  ids: FacilityIdIndex;
  grid?: GridIndex;
}

interface AlarmRow {
  kind: FacilityKind;
  index: number;
  position: [number, number, number];
}

/** Sizes in CSS pixels at the closest ranges; points shrink a little with distance (see pointSize). */
const MANHOLE_SIZE_PX = 5;
const STREETLIGHT_SIZE_PX = 4;
/** A ring's period (ms of the clock handed to `layers`) and its largest radius in pixels. */
const ALARM_PULSE_MS = 1600;
const ALARM_RING_PX = 16;
/** Rings beyond this many would stop meaning "look here": the oldest stop pulsing (they stay red). */
export const MAX_ALARM_RINGS = 50;

/** Point diameter for a camera range: full size up close, 60 % at the farthest range they show. */
export function pointSize(basePx: number, rangeM: number, maxRangeM: number): number {
  const t = Math.min(1, Math.max(0, (rangeM - 1500) / Math.max(1, maxRangeM - 1500)));
  return Math.round(basePx * (1 - 0.4 * t) * 2) / 2;
}

/** Two vertices per segment, xyz each: the pipes' ends interleaved for a `line-list` draw. */
function interleaveSegments(source: Float32Array, target: Float32Array): Float32Array {
  const n = source.length / 3;
  const out = new Float32Array(n * 6);
  for (let i = 0; i < n; i += 1) {
    out.set(source.subarray(i * 3, i * 3 + 3), i * 6);
    out.set(target.subarray(i * 3, i * 3 + 3), i * 6 + 3);
  }
  return out;
}

/** Metres along each segment at its two vertices (0 at the start): the flow dashes' coordinate. */
function segmentDistances(source: Float32Array, target: Float32Array): Float32Array {
  const n = source.length / 3;
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i += 1) {
    const dx = target[i * 3]! - source[i * 3]!;
    const dy = target[i * 3 + 1]! - source[i * 3 + 1]!;
    out[i * 2 + 1] = Math.hypot(dx, dy);
  }
  return out;
}

export class FacilityLayers {
  readonly stats: FacilityStats = { rebuilds: 0, partialUpdates: 0 };
  private kinds: Partial<{ [K in FacilityKind]: KindState }> = {};
  /** The last layer object handed to deck per kind: deck keeps the newest matching object as the live one. */
  private live: Partial<Record<FacilityKind, Layer>> = {};
  private built = false;
  private range = Infinity;
  /** Rows raised to alarm by status changes (newest last, at most MAX_ALARM_RINGS): the rings' data. */
  private alarms: AlarmRow[] = [];
  private alarmsVersion = 0;
  /** Pipe flow animation on/off (the lifeline scene turns it on). */
  flowing = false;

  get loaded(): boolean {
    return this.built;
  }

  counts(): Record<FacilityKind, number> {
    return {
      manholes: this.kinds.manholes?.table.length ?? 0,
      streetlights: this.kinds.streetlights?.table.length ?? 0,
      pipes: this.kinds.pipes?.table.length ?? 0,
    };
  }

  /** Facilities per status for one kind, counted from the live status column. */
  statusCounts(kind: FacilityKind): Record<FacilityStatus, number> {
    const out = { normal: 0, alarm: 0, offline: 0, repair: 0 } as Record<FacilityStatus, number>;
    const status = this.kinds[kind]?.buffer.status;
    if (!status) return out;
    const n = [0, 0, 0, 0];
    for (let i = 0; i < status.length; i += 1) n[status[i]!]! += 1;
    FACILITY_STATUSES.forEach((s, c) => (out[s] = n[c] ?? 0));
    return out;
  }

  setColumns(columns: FacilityColumns): void {
    if (this.built) this.stats.rebuilds += FACILITY_KINDS.length;
    const m = columns.manholes;
    const s = columns.streetlights;
    const p = columns.pipes;
    const mb = new FacilityStatusBuffer(m.columns.status, { normalColors: colorsByCode(m.columns.type, MANHOLE_TYPE_COLORS) });
    const sb = new FacilityStatusBuffer(s.columns.status, { normalColors: colorsByCode(s.columns.lamp, LAMP_TYPE_COLORS) });
    const pb = new FacilityStatusBuffer(p.columns.status, { normalColors: colorsByCode(p.columns.network, PIPE_NETWORK_COLORS), verticesPerRow: 2 });
    this.kinds = {
      manholes: {
        table: m,
        buffer: mb,
        ids: new FacilityIdIndex(m.columns.id, 'manholes'),
        data: { length: m.length, attributes: { getPosition: { value: m.columns.positions, size: 3 }, getColor: statusColorAttribute(mb) } },
      },
      streetlights: {
        table: s,
        buffer: sb,
        ids: new FacilityIdIndex(s.columns.id, 'streetlights'),
        data: { length: s.length, attributes: { getPosition: { value: s.columns.positions, size: 3 }, getColor: statusColorAttribute(sb) } },
      },
      pipes: {
        table: p,
        buffer: pb,
        ids: new FacilityIdIndex(p.columns.id, 'pipes'),
        data: {
          length: p.length * 2,
          attributes: {
            getPosition: { value: interleaveSegments(p.columns.sourcePositions, p.columns.targetPositions), size: 3 },
            getColor: statusColorAttribute(pb),
            getDistance: { value: segmentDistances(p.columns.sourcePositions, p.columns.targetPositions), size: 1 },
          },
        },
      },
    };
    // Standing alarms in the files show as red points; rings are for alarms raised while the wall watches.
    this.alarms = [];
    this.alarmsVersion += 1;
    this.built = true;
  }

  /**
   * Sets the camera range; returns true when what shows changed (a part appears or hides, or the point
   * size steps), i.e. when the caller must hand deck a new layer list.
   */
  setRange(rangeM: number): boolean {
    const before = this.signature(this.range);
    this.range = rangeM;
    return this.signature(rangeM) !== before;
  }

  /** True while alarm rings or pipe flow show: they need a redraw per clock tick to move. */
  animating(): boolean {
    if (!this.built) return false;
    return (this.alarms.length > 0 && this.range < FACILITY_RANGES.alarms) || (this.flowing && this.range < FACILITY_RANGES.pipes);
  }

  private signature(range: number): string {
    const on = (Object.keys(FACILITY_RANGES) as (keyof typeof FACILITY_RANGES)[]).map((k) => (range < FACILITY_RANGES[k] ? 1 : 0)).join('');
    return `${on}:${pointSize(MANHOLE_SIZE_PX, range, FACILITY_RANGES.manholes)}:${pointSize(STREETLIGHT_SIZE_PX, range, FACILITY_RANGES.streetlights)}`;
  }

  /** The layers to put under the pings (empty before `setColumns`); cheap: stable data, no accessors. */
  layers(now = 0): Layer[] {
    const { manholes, streetlights, pipes } = this.kinds;
    if (!manholes || !streetlights || !pipes) return [];
    const range = this.range;
    const common = {
      coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
      // Picking is on the CPU (facility-pick.ts): no GPU picking pass.
      pickable: false,
      // Hidden behind the white-box buildings (they write depth, buildings-layer.ts); among themselves drawn
      // in order (pipes, manholes, lights), none writes depth.
      parameters: BUILDING_OCCLUDED_PARAMETERS,
    };
    const layers = {
      pipes: new FacilityLineLayer({ ...common, id: FACILITY_LAYER_IDS.pipes, data: pipes.data as never, visible: range < FACILITY_RANGES.pipes, flowing: this.flowing, flowPhase: (now / 1000) * 20 }),
      manholes: new FacilityPointLayer({
        ...common,
        id: FACILITY_LAYER_IDS.manholes,
        data: manholes.data as never,
        visible: range < FACILITY_RANGES.manholes,
        sizePixels: pointSize(MANHOLE_SIZE_PX, range, FACILITY_RANGES.manholes),
      }),
      streetlights: new FacilityPointLayer({
        ...common,
        id: FACILITY_LAYER_IDS.streetlights,
        data: streetlights.data as never,
        visible: range < FACILITY_RANGES.streetlights,
        sizePixels: pointSize(STREETLIGHT_SIZE_PX, range, FACILITY_RANGES.streetlights),
      }),
    };
    this.live = layers;
    const phase = (((now % ALARM_PULSE_MS) + ALARM_PULSE_MS) % ALARM_PULSE_MS) / ALARM_PULSE_MS;
    const rings = new ScatterplotLayer<AlarmRow>({
      ...common,
      // An alarm raised now must be seen even behind a tower: rings ignore the buildings' depth.
      parameters: { depthCompare: 'always' as const, depthWriteEnabled: false },
      id: FACILITY_ALARM_LAYER_ID,
      data: this.alarms,
      visible: this.alarms.length > 0 && range < FACILITY_RANGES.alarms,
      billboard: true,
      filled: true,
      stroked: true,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getPosition: (a) => a.position,
      getRadius: 4 + phase * ALARM_RING_PX,
      getLineWidth: 2,
      getFillColor: [255, 77, 79, Math.round(120 * (1 - phase))],
      getLineColor: [255, 77, 79, Math.round(255 * (1 - phase))],
      updateTriggers: { getPosition: this.alarmsVersion },
    });
    return [layers.pipes, layers.manholes, layers.streetlights, rings];
  }

  /** Bumped when the alarm rings change: the caller hands deck a new layer list then. */
  get ringsVersion(): number {
    return this.alarmsVersion;
  }

  /** Records a status change (colour written in place); returns false when unchanged or not loaded. */
  setStatus(kind: FacilityKind, index: number, code: number): boolean {
    const state = this.kinds[kind];
    if (!state) return false;
    const was = state.buffer.status[index];
    if (!state.buffer.set(index, code)) return false;
    if (code === STATUS_CODE.alarm) {
      this.alarms = [...this.alarms, this.alarmRow(kind, index)].slice(-MAX_ALARM_RINGS);
      this.alarmsVersion += 1;
    } else if (was === STATUS_CODE.alarm) {
      this.alarms = this.alarms.filter((a) => !(a.kind === kind && a.index === index));
      this.alarmsVersion += 1;
    }
    return true;
  }

  /** Row of a facility id, or -1 (unknown id, or nothing loaded). */
  indexOf(kind: FacilityKind, id: number): number {
    return this.kinds[kind]?.ids.indexOf(id) ?? -1;
  }

  hasPending(): boolean {
    return FACILITY_KINDS.some((k) => this.kinds[k]?.buffer.hasDirty() ?? false);
  }

  /**
   * Uploads pending status changes into the live layers' colour buffers; returns true if anything was
   * uploaded (the caller redraws once). A layer deck has not built yet keeps its changes pending.
   */
  flush(): boolean {
    let uploaded = false;
    for (const kind of FACILITY_KINDS) {
      const state = this.kinds[kind];
      const layer = this.live[kind];
      if (!state || !layer || !state.buffer.hasDirty()) continue;
      const bytes = applyStatusToLayer(layer, COLOR_ATTRIBUTE, state.buffer);
      if (bytes > 0) {
        this.stats.partialUpdates += 1;
        uploaded = true;
      }
    }
    return uploaded;
  }

  /**
   * The facility shown at CSS pixel (x, y) of the map, within `radiusPx`: the nearest on the ground among
   * the parts shown at this range, points before pipes (they are drawn over them). Null when none.
   */
  pick(viewport: Viewport, x: number, y: number, radiusPx = 6): FacilityPick | null {
    if (!this.built) return null;
    const g = viewport.unproject([x, y], { topLeft: true, targetZ: 0 });
    const g1 = viewport.unproject([x + 1, y], { topLeft: true, targetZ: 0 });
    const g2 = viewport.unproject([x, y + 1], { topLeft: true, targetZ: 0 });
    const gx = g[0];
    const gy = g[1];
    if (!(Number.isFinite(gx) && Number.isFinite(gy))) return null;
    const mpp = Math.max(Math.hypot(g1[0]! - gx!, g1[1]! - gy!), Math.hypot(g2[0]! - gx!, g2[1]! - gy!));
    if (!(mpp > 0 && mpp < 1000)) return null;
    const reach = radiusPx * mpp;
    let found: { kind: FacilityKind; row: number; d: number } | null = null;
    // Points are drawn over pipes: the nearest point within reach wins; a pipe only where no point is.
    for (const kind of ['streetlights', 'manholes', 'pipes'] as const) {
      if (kind === 'pipes' && found) break;
      if (!(this.range < FACILITY_RANGES[kind])) continue;
      const state = this.kinds[kind]!;
      const grid = (state.grid ??= this.buildGrid(kind, state));
      let best = -1;
      let bestD: number = found ? found.d : reach * reach;
      if (kind === 'pipes') {
        const s = (state.table as FacilityTable<'pipes'>).columns.sourcePositions;
        const t = (state.table as FacilityTable<'pipes'>).columns.targetPositions;
        forEachInBox(grid, gx! - reach, gy! - reach, gx! + reach, gy! + reach, (i) => {
          const d = distanceToSegmentSq(gx!, gy!, s[i * 3]!, s[i * 3 + 1]!, t[i * 3]!, t[i * 3 + 1]!);
          if (d <= bestD) [best, bestD] = [i, d];
        });
      } else {
        const pos = (state.table as FacilityTable<'manholes' | 'streetlights'>).columns.positions;
        forEachInBox(grid, gx! - reach, gy! - reach, gx! + reach, gy! + reach, (i) => {
          const d = (pos[i * 3]! - gx!) ** 2 + (pos[i * 3 + 1]! - gy!) ** 2;
          if (d <= bestD) [best, bestD] = [i, d];
        });
      }
      if (best >= 0) found = { kind, row: best, d: bestD };
    }
    if (found) return this.describe(found.kind, found.row);
    return null;
  }

  private buildGrid(kind: FacilityKind, state: KindState): GridIndex {
    if (kind === 'pipes') {
      const c = (state.table as FacilityTable<'pipes'>).columns;
      let longest = 0;
      for (let i = 0; i < state.table.length; i += 1) {
        longest = Math.max(longest, Math.hypot(c.targetPositions[i * 3]! - c.sourcePositions[i * 3]!, c.targetPositions[i * 3 + 1]! - c.sourcePositions[i * 3 + 1]!));
      }
      const mid = (i: number, out: [number, number]) => {
        out[0] = (c.sourcePositions[i * 3]! + c.targetPositions[i * 3]!) / 2;
        out[1] = (c.sourcePositions[i * 3 + 1]! + c.targetPositions[i * 3 + 1]!) / 2;
      };
      return buildGridIndex(mid, state.table.length, 200, longest / 2);
    }
    const pos = (state.table as FacilityTable<'manholes' | 'streetlights'>).columns.positions;
    return buildGridIndex((i, out) => {
      out[0] = pos[i * 3]!;
      out[1] = pos[i * 3 + 1]!;
    }, state.table.length, 100);
  }

  private alarmRow(kind: FacilityKind, index: number): AlarmRow {
    const table = this.kinds[kind]!.table;
    if (kind === 'pipes') {
      const c = (table as FacilityTable<'pipes'>).columns;
      const o = index * 3;
      return { kind, index, position: [(c.sourcePositions[o]! + c.targetPositions[o]!) / 2, (c.sourcePositions[o + 1]! + c.targetPositions[o + 1]!) / 2, 0] };
    }
    const pos = (table as FacilityTable<'manholes' | 'streetlights'>).columns.positions;
    return { kind, index, position: [pos[index * 3]!, pos[index * 3 + 1]!, pos[index * 3 + 2]!] };
  }

  /**
   * What the map knows about row `index` of `kind` (for picks, the facility card, tooltips and tests):
   * every column of the row (describe.ts) with `type` as the kind's label (manhole network, lamp type or
   * pipe network). The status is live: the column is updated in place by status changes.
   */
  describe(kind: FacilityKind, index: number): FacilityPick | null {
    const state = this.kinds[kind];
    if (!state || !(index >= 0 && index < state.table.length)) return null;
    const row = describeRow(state.table, index);
    if (!row) return null;
    switch (row.kind) {
      case 'manholes':
        return { ...row, type: row.type };
      case 'streetlights':
        return { ...row, type: row.lamp };
      case 'pipes':
        return { ...row, type: row.network };
    }
  }
}
