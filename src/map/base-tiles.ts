/**
 * The base map on the GPU: a small tile manager over the build-time vector tiles in public/tiles
 * (tools/tile-generator, docs/basemap.md), drawn by deck.gl on the map's one camera.
 *
 * Per camera change (`setView`, called by the deck overlay before each synced draw):
 *   range ≥ BASEMAP_MAX_RANGE_M → nothing wanted, nothing fetched, no layers (the overview stays Cesium's);
 *   otherwise the visible ground footprint (base-tiles-math.ts: screen border rays cut with the ground,
 *   clamped at the horizon) → the covering tiles at the zoom whose pixels match the screen at the focus
 *   (fewer, coarser tiles when the footprint is large) → fetch the missing ones, nearest first.
 * Tiles are fetched and decoded in one worker (base-tiles.worker.ts; local files only, relative to the
 * app's BASE_URL) and kept in an LRU cache. While a tile loads, its nearest loaded ancestor is drawn.
 *
 * Each tile's binary attributes are built once (in the worker) and stay the same `data` objects for the
 * tile's life in the cache: the layer ids are stable (`basemap-…-z/x/y`), so a camera move never rebuilds
 * a layer. Roads are `FacilityLineLayer` line lists, buildings `BuildingLayer` triangle lists: no
 * instanced draws (SwiftShader, see facility-gl-layers.ts).
 *
 * Who draws what (docs/basemap.md): Cesium draws the unit boundaries, their fills and the river at every
 * range (ground primitives under everything); the tiles' `water` and `boundaries` layers are not drawn by
 * deck on the wall, so nothing is doubled. deck draws roads (arterials < BASEMAP_MAX_RANGE_M, local
 * streets < LOCAL_ROADS_MAX_RANGE_M) and buildings (< BUILDINGS_MAX_RANGE_M).
 */
import { COORDINATE_SYSTEM, type Effect, type Layer } from '@deck.gl/core';
import { markRaw } from 'vue';
import type { LinkedViewState } from './camera-sync';
import { chooseTiles, focusTileZoom, groundAt, groundFootprint, LocalDegrees, parentTile, tileId, tilesForFootprint, type TileKey } from './base-tiles-math';
import type { BuildingMesh, LineVertices } from './base-tiles-decode';
import { BUILDING_PARAMETERS, BuildingLayer, createBuildingLighting, type BuildingMeshData } from './buildings-layer';
import { FacilityLineLayer, type FacilityGlData } from './facility-gl-layers';
import type { TileReply, TileRequest } from './base-tiles.worker';
import { exposeHook } from '../wall-hooks';

/** Above this camera range the base map draws nothing and fetches nothing. */
export const BASEMAP_MAX_RANGE_M = 12_000;
/**
 * Buildings only at street-block range (< 10 km, e.g. a presenter zooming onto a facility): further out
 * tens of thousands of boxes are a texture that costs a software-rendered kiosk seconds per frame. With a
 * GPU this could reach the district view; on the kiosk's software fallback it must not.
 */
export const BUILDINGS_MAX_RANGE_M = 10_000;
/** Local streets only this close: further out they are a grey haze. */
export const LOCAL_ROADS_MAX_RANGE_M = 8_000;
/** Most base / building tiles drawn at once (a low pitch sees far: the zoom drops instead). */
export const MAX_BASE_TILES = 40;
export const MAX_BUILDING_TILES = 24;
/** Tiles kept decoded (LRU), beyond those in view. */
export const CACHE_TILES = 120;
const MAX_IN_FLIGHT = 4;

interface TileIndexJson {
  extent: number;
  base: { path: string; minZoom: number; maxZoom: number; tiles: Record<string, string[]> };
  buildings: { path: string; zoom: number; tiles: string[] };
}

type Kind = 'base' | 'buildings';

interface Entry {
  key: string;
  kind: Kind;
  tile: TileKey;
  state: 'queued' | 'loading' | 'ready' | 'error';
  lastUsed: number;
  roads?: { arterial: FacilityGlData; local: FacilityGlData };
  mesh?: BuildingMeshData;
  buildings?: number;
}

export interface BaseMapStats {
  range: number;
  zoom: number | null;
  /** Base tiles wanted for the view / drawn now (a loading tile's ancestor stands in). */
  wanted: string[];
  drawn: string[];
  buildingTiles: string[];
  /** Buildings in the drawn building tiles. */
  buildings: number;
  /** Tile requests made so far, and those not answered yet. */
  fetches: number;
  pending: number;
  cached: number;
  errors: number;
}

export interface BaseMapOptions {
  /** ENU origin of the map's deck.gl frame (DECK_ORIGIN). */
  frame: { lon: number; lat: number };
  /** The app's base URL (import.meta.env.BASE_URL); tiles are under `${baseUrl}tiles/`. */
  baseUrl?: string;
}

export interface BaseMap {
  /** Deck effects the base map needs (the buildings' lighting); hand them to the Deck once. */
  readonly effects: Effect[];
  /** The camera moved: recomputes the wanted tiles; true when the layer list changed (re-set layers). */
  setView(view: LinkedViewState): boolean;
  /** The layers to draw now, bottom first: roads, then buildings (which write depth). */
  layers(): Layer[];
  /** Called when a tile arrived that changes what is drawn; returns the unsubscribe function. */
  onChange(cb: () => void): () => void;
  readonly stats: BaseMapStats;
  /** Hides or shows parts (tests compare frames with and without; an operator's console). */
  setShown(parts: { roads?: boolean; buildings?: boolean }): void;
  destroy(): void;
}

const lineData = (v: LineVertices): FacilityGlData =>
  markRaw({ length: v.length, attributes: { getPosition: { value: v.positions, size: 3 }, getColor: { value: v.colors, size: 4, normalized: true } } });

const meshData = (m: BuildingMesh): BuildingMeshData =>
  markRaw({
    length: m.length,
    attributes: {
      getPosition: { value: m.positions, size: 3 },
      getNormal: { value: m.normals, size: 4, normalized: true },
      getColor: { value: m.colors, size: 4, normalized: true },
    },
  });

type Decoded = Pick<Entry, 'roads' | 'mesh' | 'buildings'>;
/**
 * Decoded tiles outlive a base map: a map rebuilt after a WebGL context loss (kiosk self-healing) gets the
 * tiles it showed without a fetch or a decode, only their upload to the new context. Keyed by tile URL and
 * ENU frame (positions are decoded into it); the newest CACHE_TILES are kept (Map order: least recent first).
 */
const decodedTiles = new Map<string, Decoded>();
function keepDecoded(key: string, tile: Decoded): void {
  decodedTiles.delete(key);
  decodedTiles.set(key, tile);
  for (const old of decodedTiles.keys()) {
    if (decodedTiles.size <= CACHE_TILES) break;
    decodedTiles.delete(old);
  }
}

export function createBaseMap(options: BaseMapOptions): BaseMap {
  const root = new URL(`${options.baseUrl ?? import.meta.env.BASE_URL}tiles/`, location.href).href;
  const local = new LocalDegrees(options.frame.lon, options.frame.lat);
  const effects: Effect[] = [createBuildingLighting()];
  let worker: Worker | null = null;
  let index: TileIndexJson | null = null;
  let indexState: 'none' | 'loading' | 'ready' | 'error' = 'none';
  let baseSet = new Set<string>();
  let buildingSet = new Set<string>();
  const cache = new Map<string, Entry>();
  const inFlight = new Map<number, Entry>();
  let nextId = 1;
  let clock = 0;
  let destroyed = false;
  let lastView: LinkedViewState | null = null;
  const listeners = new Set<() => void>();
  const stats: BaseMapStats = { range: Infinity, zoom: null, wanted: [], drawn: [], buildingTiles: [], buildings: 0, fetches: 0, pending: 0, cached: 0, errors: 0 };
  let wantedBase: TileKey[] = [];
  let wantedBuildings: TileKey[] = [];
  let showLocal = false;
  let drawnKey = '';
  let drawn: Entry[] = [];
  const shown = { roads: true, buildings: true };

  const notify = () => {
    for (const cb of listeners) cb();
  };

  function loadIndex() {
    if (indexState !== 'none') return;
    indexState = 'loading';
    fetch(`${root}index.json`)
      .then(async (res) => {
        if (!res.ok) throw new Error(`GET tiles/index.json: HTTP ${res.status}`);
        index = (await res.json()) as TileIndexJson;
        baseSet = new Set(Object.entries(index.base.tiles).flatMap(([z, ids]) => ids.map((id) => `${z}/${id}`)));
        buildingSet = new Set(index.buildings.tiles.map((id) => `${index!.buildings.zoom}/${id}`));
        indexState = 'ready';
        if (destroyed || !lastView) return;
        if (setView(lastView)) notify();
      })
      .catch((err: unknown) => {
        indexState = 'error';
        console.error('basemap: no tile index', err);
      });
  }

  function onReply(event: MessageEvent<TileReply>) {
    const reply = event.data;
    const entry = inFlight.get(reply.id);
    inFlight.delete(reply.id);
    stats.pending = inFlight.size;
    if (!entry || destroyed) return;
    if (reply.type === 'error') {
      entry.state = 'error';
      stats.errors++;
      console.warn('basemap: tile failed', entry.key, reply.message);
    } else if (reply.type === 'base') {
      entry.state = 'ready';
      if (reply.result.roads) entry.roads = { arterial: lineData(reply.result.roads.arterial), local: lineData(reply.result.roads.local) };
      keepDecoded(decodedKey(entry), { roads: entry.roads });
    } else {
      entry.state = 'ready';
      entry.mesh = meshData(reply.result);
      entry.buildings = reply.result.buildings;
      keepDecoded(decodedKey(entry), { mesh: entry.mesh, buildings: entry.buildings });
    }
    pump();
    if (recompute()) notify();
  }

  const frameKey = `${options.frame.lon},${options.frame.lat}`;
  const decodedKey = (e: Pick<Entry, 'key'>) => `${root}|${frameKey}|${e.key}`;

  function request(kind: Kind, tile: TileKey): Entry {
    const key = `${kind}:${tileId(tile)}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = { key, kind, tile, state: 'queued', lastUsed: clock };
      const decoded = decodedTiles.get(decodedKey(entry));
      if (decoded) Object.assign(entry, decoded, { state: 'ready' });
      cache.set(key, entry);
    }
    entry.lastUsed = clock;
    return entry;
  }

  /** Starts queued fetches (nearest first: the wanted lists are sorted) up to MAX_IN_FLIGHT. */
  function pump() {
    if (!index || destroyed) return;
    const queue = [...wantedBase.map((t) => cache.get(`base:${tileId(t)}`)), ...wantedBuildings.map((t) => cache.get(`buildings:${tileId(t)}`))];
    for (const entry of queue) {
      if (inFlight.size >= MAX_IN_FLIGHT) break;
      if (!entry || entry.state !== 'queued') continue;
      worker ??= createWorker();
      const id = nextId++;
      entry.state = 'loading';
      inFlight.set(id, entry);
      stats.fetches++;
      const dir = entry.kind === 'base' ? index.base.path : index.buildings.path;
      const msg: TileRequest = { id, url: `${root}${dir}/${tileId(entry.tile)}.pbf`, kind: entry.kind, tile: entry.tile, frame: { ...options.frame } };
      worker.postMessage(msg);
    }
    stats.pending = inFlight.size;
  }

  function createWorker(): Worker {
    const w = new Worker(new URL('./base-tiles.worker.ts', import.meta.url), { type: 'module', name: 'basemap-tiles' });
    w.addEventListener('message', onReply);
    w.addEventListener('error', (e) => console.error('basemap: worker error', e.message));
    return w;
  }

  /** What is drawn from the wanted lists and the cache; true when it changed. */
  function recompute(): boolean {
    const list: Entry[] = [];
    const seen = new Set<string>();
    const fallbacks = new Set<string>();
    // Loading tiles: their nearest ready ancestor stands in (and then hides its own ready children).
    for (const t of wantedBase) {
      const e = cache.get(`base:${tileId(t)}`);
      if (e?.state === 'ready') continue;
      for (let p = parentTile(t); p && index && p.z >= index.base.minZoom; p = parentTile(p)) {
        const pe = cache.get(`base:${tileId(p)}`);
        if (pe?.state === 'ready') {
          fallbacks.add(tileId(p));
          break;
        }
      }
    }
    const coveredByFallback = (t: TileKey) => {
      for (let p = parentTile(t); p; p = parentTile(p)) if (fallbacks.has(tileId(p))) return true;
      return false;
    };
    for (const id of fallbacks) {
      const e = cache.get(`base:${id}`)!;
      e.lastUsed = clock;
      list.push(e);
      seen.add(e.key);
    }
    for (const t of wantedBase) {
      const e = cache.get(`base:${tileId(t)}`);
      if (e?.state !== 'ready' || seen.has(e.key) || coveredByFallback(t)) continue;
      list.push(e);
      seen.add(e.key);
    }
    for (const t of wantedBuildings) {
      const e = cache.get(`buildings:${tileId(t)}`);
      if (e?.state === 'ready') list.push(e);
    }
    const key = `${showLocal}|${list.map((e) => e.key).join(',')}`;
    stats.drawn = list.filter((e) => e.kind === 'base').map((e) => tileId(e.tile));
    stats.buildingTiles = list.filter((e) => e.kind === 'buildings').map((e) => tileId(e.tile));
    stats.buildings = list.reduce((n, e) => n + (e.buildings ?? 0), 0);
    if (key === drawnKey) return false;
    drawnKey = key;
    drawn = list;
    return true;
  }

  function evict() {
    if (cache.size <= CACHE_TILES) return;
    const keep = new Set(drawn.map((e) => e.key));
    const old = [...cache.values()].filter((e) => !keep.has(e.key) && e.state !== 'loading').sort((a, b) => a.lastUsed - b.lastUsed);
    for (const e of old.slice(0, cache.size - CACHE_TILES)) cache.delete(e.key);
    stats.cached = cache.size;
  }

  function setView(view: LinkedViewState): boolean {
    lastView = view;
    clock++;
    const range = view.focalDistance;
    stats.range = range;
    if (range >= BASEMAP_MAX_RANGE_M) {
      wantedBase = [];
      wantedBuildings = [];
      stats.wanted = [];
      stats.zoom = null;
      return recompute();
    }
    loadIndex();
    if (!index) return recompute();
    showLocal = range < LOCAL_ROADS_MAX_RANGE_M;
    const maxDistance = Math.min(60_000, Math.max(6_000, range * 4));
    const enu = groundFootprint(view.viewMatrix, view.projectionMatrix, maxDistance);
    const footprint = enu.map(([x, y]) => local.toLonLat(x, y));
    const focusXY = groundAt(view.viewMatrix, view.projectionMatrix, 0, 0);
    const focus = focusXY ? local.toLonLat(focusXY[0], focusXY[1]) : undefined;
    const lat = focus?.[1] ?? options.frame.lat;
    const chosen = chooseTiles(footprint, focusTileZoom(view.zoom, lat), index.base.minZoom, index.base.maxZoom, MAX_BASE_TILES, focus);
    stats.zoom = chosen.z;
    wantedBase = chosen.tiles.filter((t) => baseSet.has(tileId(t)));
    wantedBuildings =
      range < BUILDINGS_MAX_RANGE_M
        ? tilesForFootprint(footprint, index.buildings.zoom, focus).filter((t) => buildingSet.has(tileId(t))).slice(0, MAX_BUILDING_TILES)
        : [];
    stats.wanted = wantedBase.map(tileId);
    for (const t of wantedBase) request('base', t);
    for (const t of wantedBuildings) request('buildings', t);
    pump();
    const changed = recompute();
    evict();
    stats.cached = cache.size;
    return changed;
  }

  const common = { coordinateSystem: COORDINATE_SYSTEM.CARTESIAN, pickable: false } as const;
  // Roads lie on the ground under everything deck draws: no depth test or write of their own.
  const roadParameters = { depthCompare: 'always', depthWriteEnabled: false } as const;

  const api: BaseMap = {
    effects,
    setView,
    layers() {
      const out: Layer[] = [];
      for (const e of drawn) {
        if (e.kind !== 'base' || !e.roads || !shown.roads) continue;
        const id = tileId(e.tile);
        if (showLocal && e.roads.local.length > 0) {
          out.push(new FacilityLineLayer({ ...common, id: `basemap-roads-local-${id}`, data: e.roads.local as never, parameters: roadParameters }));
        }
        if (e.roads.arterial.length > 0) {
          out.push(new FacilityLineLayer({ ...common, id: `basemap-roads-arterial-${id}`, data: e.roads.arterial as never, parameters: roadParameters }));
        }
      }
      for (const e of drawn) {
        if (e.kind !== 'buildings' || !e.mesh || e.mesh.length === 0 || !shown.buildings) continue;
        out.push(new BuildingLayer({ ...common, id: `basemap-buildings-${tileId(e.tile)}`, data: e.mesh as never, parameters: BUILDING_PARAMETERS }));
      }
      return out;
    },
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    stats,
    setShown(parts) {
      shown.roads = parts.roads ?? shown.roads;
      shown.buildings = parts.buildings ?? shown.buildings;
      notify();
    },
    destroy() {
      destroyed = true;
      listeners.clear();
      worker?.terminate();
      worker = null;
      cache.clear();
      inFlight.clear();
      drawn = [];
    },
  };
  // Tests and the bench read which tiles are wanted, drawn and fetched (window.__citywall.basemap).
  exposeHook('basemap', api);
  return api;
}
