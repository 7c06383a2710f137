/**
 * The Cesium side of the wall map: an engine-only `CesiumWidget` (no Viewer: none of its widgets —
 * geocoder, base-layer picker, home, help, timeline, animation, full screen, navigation — are wanted on a
 * wall, and each of the first two would reach ion or a geocoding service).
 *
 * Every default that reaches the network is switched off here:
 * - base imagery: the default is ion-hosted Bing → `baseLayer: false`; the globe shows a flat navy colour;
 * - terrain: explicit `EllipsoidTerrainProvider` (its meshes are built locally by /cesium/Workers);
 * - sky box, sun and moon: `skyBox: false` (drops all three; their textures are local but unwanted);
 * - sky atmosphere and fog off; the ground atmosphere off so the navy stays flat and dark;
 * - credits: rendered into a detached, hidden container (CesiumJS is Apache-2.0: no attribution is
 *   required; the only credit left is Cesium's own logo, a local asset).
 *
 * Rendering is on demand (`requestRenderMode`): the scene is static between camera moves, which matters
 * on a wall PC running for weeks and on software WebGL in CI. Camera moves, tile loads and primitive
 * updates request frames themselves; code that changes the scene calls `scene.requestRender()`.
 */
import './cesium-offline';
import {
  Cartesian3,
  CesiumWidget,
  Color,
  EllipsoidTerrainProvider,
  HeadingPitchRange,
  Math as CesiumMath,
  Matrix4,
  BoundingSphere,
  SceneTransforms,
  type Scene,
} from 'cesium';
import { GLOBE_COLOR, SPACE_COLOR } from './map-style';
import { assertNever, HOME_VIEW, VIEW_LIMITS, type FitUnitsView, type MapView } from './view';

/** Bounding box of public/geo/yichang-counties.geojson (see data README), used to frame the overview. */
export const CITY_BBOX = { west: 110.256, south: 29.943, east: 112.087, north: 31.57 } as const;

export function createCesiumWidget(container: HTMLElement): CesiumWidget {
  const creditContainer = document.createElement('div');
  creditContainer.style.display = 'none';

  const widget = new CesiumWidget(container, {
    baseLayer: false,
    terrainProvider: new EllipsoidTerrainProvider(),
    skyBox: false,
    skyAtmosphere: false,
    creditContainer,
    // Cesium and deck.gl must render at the same pixel ratio: both honour devicePixelRatio
    // (deck-overlay.ts sets useDevicePixelRatio: true).
    useBrowserRecommendedResolution: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
    showRenderLoopErrors: false,
    blurActiveElementOnCanvasFocus: false,
    shadows: false,
    // The canvas is composited under deck.gl's transparent canvas; no alpha needed here.
    contextOptions: { webgl: { alpha: false, antialias: false } },
  });

  const scene = widget.scene;
  scene.backgroundColor = Color.fromCssColorString(SPACE_COLOR);
  scene.fog.enabled = false;
  scene.highDynamicRange = false;
  const globe = scene.globe;
  globe.baseColor = Color.fromCssColorString(GLOBE_COLOR);
  globe.showGroundAtmosphere = false;
  globe.enableLighting = false;
  globe.showWaterEffect = false;
  globe.depthTestAgainstTerrain = false;
  // The globe is one flat colour on a smooth ellipsoid: screen-space error only decides how finely the
  // ellipsoid is tessellated (2 px by default). 8 px draws the same picture (the outlines lie on top) with
  // fewer tile levels to load, and each level costs a frame: measured 17 → 13–14 frames for a map built
  // after a WebGL context loss, about a second in software rendering (kiosk self-healing, first load, flights).
  globe.maximumScreenSpaceError = 8;
  // The wall is driven by the presenter's remote, not a mouse: keep Cesium's input handler but
  // disable the gestures that would let a stray touch knock the camera off the scene's viewpoint.
  const ctl = scene.screenSpaceCameraController;
  ctl.enableTilt = false;
  ctl.enableLook = false;
  ctl.minimumZoomDistance = VIEW_LIMITS.range[0];
  ctl.maximumZoomDistance = VIEW_LIMITS.range[1];

  jumpTo(scene, HOME_VIEW);
  return widget;
}

/** Points whose screen box must fit for the whole city to be in view: the bbox corners and edge midpoints. */
function cityFramePoints(): Cartesian3[] {
  const { west, south, east, north } = CITY_BBOX;
  const mx = (west + east) / 2;
  const my = (south + north) / 2;
  return Cartesian3.fromDegreesArray([west, south, mx, south, east, south, east, my, east, north, mx, north, west, north, west, my]);
}

/**
 * A `fit-units` view: all 13 units in frame at the view's pitch and heading, for whatever box the map
 * has. At a tilt the near half of the city looks bigger than the far half, so a centred bounding sphere
 * leaves the frame lopsided; instead, for a few targets slid along the viewing direction, find
 * (bisection) the closest range at which the city's frame points all land inside 94 % of the canvas, and
 * keep the closest overall. Deterministic: same box and view, same camera.
 */
function fitUnitsTarget(scene: Scene, view: FitUnitsView): ViewTarget {
  const { west, south, east, north } = CITY_BBOX;
  const lon = (west + east) / 2;
  const lat = (south + north) / 2;
  const heading = CesiumMath.toRadians(view.heading);
  const pitch = CesiumMath.toRadians(view.pitch);
  const w = scene.canvas.clientWidth;
  const h = scene.canvas.clientHeight;
  const fallback = { target: Cartesian3.fromDegrees(lon, lat), offset: new HeadingPitchRange(heading, pitch, 320_000) };
  if (!(w > 0 && h > 0)) return fallback;
  const points = cityFramePoints();
  const camera = scene.camera;
  // The search moves the camera; put it back afterwards so a flight starts from where the view is.
  const saved = {
    destination: Cartesian3.clone(camera.positionWC),
    orientation: { direction: Cartesian3.clone(camera.directionWC), up: Cartesian3.clone(camera.upWC) },
  };
  const fits = (target: Cartesian3, range: number) => {
    camera.lookAt(target, new HeadingPitchRange(heading, pitch, range));
    return points.every((p) => {
      const px = SceneTransforms.worldToWindowCoordinates(scene, p);
      return px !== undefined && px.x >= w * 0.03 && px.x <= w * 0.97 && px.y >= h * 0.03 && px.y <= h * 0.97;
    });
  };
  // Slide the target along the ground direction the camera looks in (degrees of latitude's worth).
  const fwdLat = Math.cos(heading);
  const fwdLon = Math.sin(heading) / Math.cos(CesiumMath.toRadians(lat));
  let best = { ...fallback, range: Infinity };
  for (let step = -12; step <= 4; step++) {
    const d = step * 0.05;
    const target = Cartesian3.fromDegrees(lon + d * fwdLon, lat + d * fwdLat);
    let lo = 30_000;
    let hi: number = VIEW_LIMITS.range[1];
    if (!fits(target, hi)) continue;
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (fits(target, mid)) hi = mid;
      else lo = mid;
    }
    if (hi < best.range) best = { target, offset: new HeadingPitchRange(heading, pitch, hi), range: hi };
  }
  camera.lookAtTransform(Matrix4.IDENTITY);
  camera.setView(saved);
  return best.range < Infinity ? { target: best.target, offset: best.offset } : fallback;
}

interface ViewTarget {
  target: Cartesian3;
  offset: HeadingPitchRange;
}

/** Where the camera goes for a view, in the map box as it is now. */
export function viewTarget(scene: Scene, view: MapView): ViewTarget {
  switch (view.kind) {
    case 'fit-units':
      return fitUnitsTarget(scene, view);
    case 'look-at':
      return {
        target: Cartesian3.fromDegrees(view.lon, view.lat, 0),
        offset: new HeadingPitchRange(CesiumMath.toRadians(view.heading), CesiumMath.toRadians(view.pitch), view.range),
      };
    default:
      return assertNever(view);
  }
}

/** Put the camera on a view at once (first view, resizes, tests). Cancels a flight in progress. */
export function jumpTo(scene: Scene, view: MapView): void {
  scene.camera.cancelFlight();
  const { target, offset } = viewTarget(scene, view);
  scene.camera.lookAt(target, offset);
  scene.camera.lookAtTransform(Matrix4.IDENTITY);
  scene.requestRender();
}

/**
 * Fly to a view (scene changes). Resolves when the flight ends, or is cancelled by a newer one. The
 * target is computed for the box at the start; a fit-units view re-fits on resize after landing.
 */
export function flyTo(scene: Scene, view: MapView, durationSec: number): Promise<'complete' | 'cancelled'> {
  const { target, offset } = viewTarget(scene, view);
  return new Promise((resolve) => {
    scene.camera.flyToBoundingSphere(new BoundingSphere(target, 0), {
      offset,
      duration: durationSec,
      complete: () => resolve('complete'),
      cancel: () => resolve('cancelled'),
    });
    scene.requestRender();
  });
}
