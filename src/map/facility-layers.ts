/**
 * The facility layers of the map (docs/facilities.md): manholes and streetlights as ScatterplotLayers,
 * pipes as a LineLayer, all fed binary attributes straight from the decoded columns (STYLE lesson 5).
 *
 * Contract (STYLE lesson 6):
 * - layer ids and each layer's `data` object are created once per `setColumns` and never again; a status
 *   change rewrites 4 bytes of the kind's FacilityStatusBuffer and uploads only the changed rows
 *   (deck-status.ts `applyStatusToLayer` → `Attribute.updateSubBuffer`), never a new `data`;
 * - `stats.rebuilds` counts `data` objects replaced after the first (expected to stay 0: a second
 *   `setColumns`), `stats.partialUpdates` the partial uploads;
 * - the layers are always in the layer list and shown only when the camera is close (`visible`):
 *   the overview stays clean, and coming back close costs no attribute build.
 *
 * Colours: a normal facility recedes in a muted colour by its type (manhole network, lamp type, pipe
 * network); alarm red, offline grey, repair amber (palette.ts).
 */
import { COORDINATE_SYSTEM, type Deck, type Layer } from '@deck.gl/core';
import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { FacilityColumns, FacilityTable } from '../facilities/decode';
import { lonLatAt } from '../facilities/decode';
import { applyStatusToLayer, statusColorAttribute } from '../facilities/deck-status';
import { colorsByCode, MANHOLE_TYPE_COLORS, type Rgba } from '../facilities/palette';
import { FACILITY_KINDS, FACILITY_STATUSES, LAMP_TYPES, MANHOLE_TYPES, PIPE_NETWORKS, type FacilityKind, type FacilityStatus } from '../facilities/schema';
import { FacilityStatusBuffer } from '../facilities/status-buffer';
import type { CesiumLinkedView } from './camera-sync';

/** Facilities are drawn only while the camera is closer than this to the ground (metres along the view axis). */
export const FACILITY_MAX_RANGE_M = 25_000;

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

/** The colour attribute each layer type keeps its `getFillColor` / `getColor` in. */
const COLOR_ATTRIBUTE: Readonly<Record<FacilityKind, string>> = {
  manholes: 'instanceFillColors',
  streetlights: 'instanceFillColors',
  pipes: 'instanceColors',
};

export interface FacilityPick {
  kind: FacilityKind;
  id: number;
  /** The type label: manhole network, lamp type or pipe network (schema.ts enums). */
  type: string;
  status: FacilityStatus;
  lon: number;
  lat: number;
}

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
  data: unknown;
}

/** Pixel-unit sizes on a 1:1 box; the wall's larger boxes keep them (legible from the floor, not blobs). */
const MANHOLE_RADIUS_PX = 2.5;
const STREETLIGHT_RADIUS_PX = 2;
const PIPE_WIDTH_PX = 1.5;

export class FacilityLayers {
  readonly stats: FacilityStats = { rebuilds: 0, partialUpdates: 0 };
  private kinds: Partial<{ [K in FacilityKind]: KindState }> = {};
  /** The last layer object handed to deck per kind: deck keeps the newest matching object as the live one. */
  private live: Partial<Record<FacilityKind, Layer>> = {};
  private built = false;

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

  setColumns(columns: FacilityColumns): void {
    if (this.built) this.stats.rebuilds += FACILITY_KINDS.length;
    const m = columns.manholes;
    const s = columns.streetlights;
    const p = columns.pipes;
    const mb = new FacilityStatusBuffer(m.columns.status, { normalColors: colorsByCode(m.columns.type, MANHOLE_TYPE_COLORS) });
    const sb = new FacilityStatusBuffer(s.columns.status, { normalColors: colorsByCode(s.columns.lamp, LAMP_TYPE_COLORS) });
    const pb = new FacilityStatusBuffer(p.columns.status, { normalColors: colorsByCode(p.columns.network, PIPE_NETWORK_COLORS) });
    this.kinds = {
      manholes: {
        table: m,
        buffer: mb,
        data: { length: m.length, attributes: { getPosition: { value: m.columns.positions, size: 3 }, getFillColor: statusColorAttribute(mb) } },
      },
      streetlights: {
        table: s,
        buffer: sb,
        data: { length: s.length, attributes: { getPosition: { value: s.columns.positions, size: 3 }, getFillColor: statusColorAttribute(sb) } },
      },
      pipes: {
        table: p,
        buffer: pb,
        data: {
          length: p.length,
          attributes: {
            getSourcePosition: { value: p.columns.sourcePositions, size: 3 },
            getTargetPosition: { value: p.columns.targetPositions, size: 3 },
            getColor: statusColorAttribute(pb),
          },
        },
      },
    };
    this.built = true;
  }

  /** The layers to put under the pings (empty before `setColumns`); cheap: stable data, no accessors. */
  layers(visible: boolean): Layer[] {
    const { manholes, streetlights, pipes } = this.kinds;
    if (!manholes || !streetlights || !pipes) return [];
    const common = {
      coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
      visible,
      pickable: true,
      // Flat on the ground, drawn in order (pipes, manholes, lights) with no depth test, like the pings.
      parameters: { depthCompare: 'always' as const, depthWriteEnabled: false },
    };
    const point = { ...common, billboard: true, filled: true, stroked: false, radiusUnits: 'pixels' as const };
    const layers = {
      pipes: new LineLayer({ ...common, id: FACILITY_LAYER_IDS.pipes, data: pipes.data as never, widthUnits: 'pixels', getWidth: PIPE_WIDTH_PX }),
      manholes: new ScatterplotLayer({ ...point, id: FACILITY_LAYER_IDS.manholes, data: manholes.data as never, getRadius: MANHOLE_RADIUS_PX }),
      streetlights: new ScatterplotLayer({ ...point, id: FACILITY_LAYER_IDS.streetlights, data: streetlights.data as never, getRadius: STREETLIGHT_RADIUS_PX }),
    };
    this.live = layers;
    return [layers.pipes, layers.manholes, layers.streetlights];
  }

  /** Records a status change (colour written in place); returns false when unchanged or not loaded. */
  setStatus(kind: FacilityKind, index: number, code: number): boolean {
    const state = this.kinds[kind];
    if (!state) return false;
    return state.buffer.set(index, code);
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
      const bytes = applyStatusToLayer(layer, COLOR_ATTRIBUTE[kind], state.buffer);
      if (bytes > 0) {
        this.stats.partialUpdates += 1;
        uploaded = true;
      }
    }
    return uploaded;
  }

  /** The facility drawn on top at CSS pixel (x, y) of the deck canvas, within `radius` px. */
  async pick(deck: Deck<CesiumLinkedView>, x: number, y: number, radius = 3): Promise<FacilityPick | null> {
    if (!this.built) return null;
    const info = await deck.pickObjectAsync({ x, y, radius, layerIds: Object.values(FACILITY_LAYER_IDS) });
    const kind = FACILITY_KINDS.find((k) => FACILITY_LAYER_IDS[k] === info?.layer?.id);
    if (!info || !kind || info.index < 0) return null;
    return this.describe(kind, info.index);
  }

  /** What the map knows about row `index` of `kind` (for picks, tooltips and tests). */
  describe(kind: FacilityKind, index: number): FacilityPick | null {
    const state = this.kinds[kind];
    if (!state || !(index >= 0 && index < state.table.length)) return null;
    const status = FACILITY_STATUSES[state.buffer.status[index] as number] ?? 'normal';
    switch (kind) {
      case 'manholes':
      case 'streetlights': {
        const table = state.table as FacilityTable<'manholes' | 'streetlights'>;
        const [lon, lat] = lonLatAt(table, index);
        const c = table.columns;
        const type = 'type' in c ? MANHOLE_TYPES[c.type[index] as number] : LAMP_TYPES[c.lamp[index] as number];
        return { kind, id: c.id[index] as number, type: type ?? 'unknown', status, lon, lat };
      }
      case 'pipes': {
        const table = state.table as FacilityTable<'pipes'>;
        const c = table.columns;
        // The segment's midpoint.
        const lon = table.origin.lon + ((c.dlon0[index] as number) + (c.dlon1[index] as number)) / 2;
        const lat = table.origin.lat + ((c.dlat0[index] as number) + (c.dlat1[index] as number)) / 2;
        return { kind, id: c.id[index] as number, type: PIPE_NETWORKS[c.network[index] as number] ?? 'unknown', status, lon, lat };
      }
    }
  }
}
