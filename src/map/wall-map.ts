/**
 * The wall map as one framework-free object: Cesium widget + deck.gl overlay + camera sync + content,
 * built once into a container and torn down once. WallMap.vue is a thin Vue shell around it.
 *
 * Lifecycle: `createWallMap` returns at once; boundaries, river and fonts load in the background. The map
 * is "ready" on the first Cesium frame where (a) the globe's tiles are loaded, (b) every primitive is
 * built and (c) deck.gl has drawn at least once in sync with Cesium. Until then each Cesium frame
 * requests the next, so readiness never waits on an unrelated camera move.
 */
import { Cartesian3, SceneTransforms, type CesiumWidget } from 'cesium';
import { GAOXIN_APPROX, UNITS, type UnitId } from '../../data-adapters/domain';
import { addBoundaries, GAOXIN_FONT, LABEL_FONT, type BoundaryLayer } from './boundaries';
import { attachCameraSync, linkedViewState } from './camera-sync';
import { createCesiumWidget, flyHome, setCamera, setHomeView, type MapCamera } from './create-viewer';
import { createDeckOverlay, type MapPing } from './deck-overlay';
import { EnuFrame } from './geo-math';
import { loadRiver, loadUnits } from './geojson';
import { addRiver, RIVER_FONT, type RiverLayer } from './river';

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
  flyHome(durationSec?: number): void;
  /** Jump the camera; resolves once Cesium and deck.gl have both drawn the new view. */
  setCamera(view: MapCamera | 'home'): Promise<void>;
}

export interface WallMapHandle {
  readonly hook: MapHook;
  readonly whenReady: Promise<void>;
  setDensity(density: Partial<Record<UnitId, number>>): void;
  setPings(pings: readonly MapPing[], now: number): void;
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

export function createWallMap(container: HTMLElement, baseUrl = import.meta.env.BASE_URL): WallMapHandle {
  const cesiumHost = document.createElement('div');
  cesiumHost.className = 'wall-map__cesium';
  const deckCanvas = document.createElement('canvas');
  deckCanvas.className = 'wall-map__deck';
  container.append(cesiumHost, deckCanvas);

  const widget: CesiumWidget = createCesiumWidget(cesiumHost);
  const scene = widget.scene;
  const frame = new EnuFrame(DECK_ORIGIN.lon, DECK_ORIGIN.lat, 0);
  const overlay = createDeckOverlay(deckCanvas, frame, linkedViewState(scene, frame));

  let destroyed = false;
  let ready = false;
  let cesiumFrames = 0;
  let boundaries: BoundaryLayer | undefined;
  let river: RiverLayer | undefined;
  let pendingDensity: Partial<Record<UnitId, number>> = {};
  let resolveReady!: () => void;
  const whenReady = new Promise<void>((r) => (resolveReady = r));
  const frameWaiters: (() => void)[] = [];

  const detachSync = attachCameraSync(scene, overlay.deck, frame, () => {
    cesiumFrames++;
    for (const w of frameWaiters.splice(0)) w();
    if (ready) return;
    if (boundaries?.ready && river?.ready && scene.globe.tilesLoaded && overlay.frames() > 0) {
      ready = true;
      resolveReady();
    } else {
      scene.requestRender();
    }
  });

  const content = (async () => {
    const [units, riverShape] = await Promise.all([loadUnits(baseUrl), loadRiver(baseUrl)]);
    const texts = [...units.map((u) => shortName(u.id)), riverShape.name, GAOXIN_APPROX.label].join('');
    await loadFonts([LABEL_FONT, GAOXIN_FONT, RIVER_FONT], texts);
    if (destroyed) return;
    boundaries = addBoundaries(scene, units, shortName);
    river = addRiver(scene, riverShape);
    boundaries.setDensity(pendingDensity);
    scene.requestRender();
  })();
  content.catch((err: unknown) => console.error('map: content failed to load', err));

  /** While the camera is on the home view, a resize re-fits it (the home framing depends on the box). */
  let atHome = true;
  const resizeObserver = new ResizeObserver(() => {
    widget.resize();
    if (atHome) setHomeView(scene);
    scene.requestRender();
  });
  resizeObserver.observe(container);

  const nextFrame = () =>
    new Promise<void>((resolve) => {
      frameWaiters.push(resolve);
      scene.requestRender();
    });

  const hook: MapHook = {
    get ready() {
      return ready;
    },
    get cesiumFrames() {
      return cesiumFrames;
    },
    get deckFrames() {
      return overlay.frames();
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
      atHome = true;
      flyHome(scene, durationSec);
    },
    setCamera(view) {
      atHome = view === 'home';
      if (view === 'home') setHomeView(scene);
      else setCamera(scene, view);
      return nextFrame();
    },
  };

  return {
    hook,
    whenReady,
    setDensity(density) {
      pendingDensity = density;
      boundaries?.setDensity(density);
    },
    setPings(pings, now) {
      overlay.setPings(pings, now);
    },
    destroy() {
      destroyed = true;
      resizeObserver.disconnect();
      detachSync();
      boundaries?.destroy();
      river?.destroy();
      overlay.destroy();
      widget.destroy();
      cesiumHost.remove();
      deckCanvas.remove();
    },
  };
}
