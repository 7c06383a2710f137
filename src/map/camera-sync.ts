/**
 * One camera for two engines. Cesium owns the camera (and all input); deck.gl is driven by a plain
 * `Viewport` whose view and projection matrices are Cesium's own, re-expressed for a local ENU frame:
 *
 *   deckView = cesiumView(ECEF → eye) · enuToEcef        deckProjection = cesium frustum projection
 *
 * deck.gl layers therefore take positions in ENU metres (COORDINATE_SYSTEM.CARTESIAN) computed exactly on
 * the ellipsoid (geo-math.ts); both engines apply the same projective transform to the same points, so a
 * lon/lat lands on the same pixel up to float rounding — no Web-Mercator approximation, no drift with
 * earth curvature or pitch. The product is formed in double precision on the CPU so that the 6,400 km
 * ECEF translation cancels before anything reaches a 32-bit GPU uniform.
 *
 * The sync runs in Cesium's `postRender` (never on a timer): the deck canvas is redrawn in the same
 * animation frame as the Cesium canvas, so the two never show different cameras.
 */
import { View, Viewport, OrthographicController } from '@deck.gl/core';
import type { Deck } from '@deck.gl/core';
import { Ellipsoid, IntersectionTests, Matrix4, PerspectiveFrustum, Ray, type Scene } from 'cesium';
import { multiplyMat4, zoomForPerspective, type EnuFrame, type Mat4 } from './geo-math';

/** What deck.gl needs per frame: plain arrays, so the view state can be compared cheaply. */
export interface LinkedViewState {
  viewMatrix: Mat4;
  projectionMatrix: Mat4;
  /** log2(pixels per metre) at the focus point: how deck.gl turns pixel-unit sizes into metres. */
  zoom: number;
  /**
   * Camera-to-ground distance (m) along the view axis. deck.gl scales camera-facing (billboard) pixel
   * offsets by the clip-space w at this depth; left at deck's default of 1 they would shrink to nothing.
   */
  focalDistance: number;
}

/**
 * A deck.gl view that turns the linked view state into a non-geospatial `Viewport` (matrices used as
 * given: IDENTITY projection mode, metres as world units). deck's controller is never used (Cesium owns
 * input; the Deck is created with `controller: false`); a controller type is required by the base class.
 */
export class CesiumLinkedView extends View<LinkedViewState & { transitionDuration?: number }> {
  static displayName = 'CesiumLinkedView';

  getViewportType(): typeof Viewport {
    return Viewport;
  }

  protected get ControllerType(): typeof OrthographicController {
    return OrthographicController;
  }
}

const scratchFrustum = new PerspectiveFrustum();
const scratchArray: number[] = [];
const scratchRay = new Ray();

/** Distance from the camera to the ground along the view axis (camera height if it misses the earth). */
function focusDistance(scene: Scene): number {
  const camera = scene.camera;
  scratchRay.origin = camera.positionWC;
  scratchRay.direction = camera.directionWC;
  const hit = IntersectionTests.rayEllipsoid(scratchRay, Ellipsoid.WGS84);
  if (hit && hit.start > 0) return hit.start;
  return Math.max(1, camera.positionCartographic.height);
}

/**
 * deck.gl view state for Cesium's current camera. Near/far come from the camera frustum: they only
 * affect deck's depth (deck layers do not depth-test against each other here), not where x/y land.
 */
export function linkedViewState(scene: Scene, frame: EnuFrame): LinkedViewState {
  const camera = scene.camera;
  const view = Matrix4.toArray(camera.viewMatrix, scratchArray).slice();
  const frustum = camera.frustum;
  let projection: number[];
  let zoom = 0;
  let focalDistance = 1;
  if (frustum instanceof PerspectiveFrustum) {
    // Clone so reading the projection never mutates the camera's cached frustum state.
    const f = frustum.clone(scratchFrustum);
    projection = Matrix4.toArray(f.projectionMatrix, scratchArray).slice();
    focalDistance = focusDistance(scene);
    zoom = zoomForPerspective(focalDistance, f.fovy ?? f.fov ?? Math.PI / 3, scene.canvas.clientHeight || 1);
  } else {
    projection = Matrix4.toArray(frustum.projectionMatrix, scratchArray).slice();
  }
  return { viewMatrix: multiplyMat4(view, frame.toEcefMatrix()), projectionMatrix: projection, zoom, focalDistance };
}

/** True when two view states would draw the same picture (exactly equal matrices, zoom and focus). */
export function sameLinkedView(a: LinkedViewState, b: LinkedViewState): boolean {
  if (a.zoom !== b.zoom || a.focalDistance !== b.focalDistance) return false;
  for (let i = 0; i < 16; i++) if (a.viewMatrix[i] !== b.viewMatrix[i] || a.projectionMatrix[i] !== b.projectionMatrix[i]) return false;
  return true;
}

/**
 * Drives `deck` from `scene` on every Cesium render whose camera moved. `beforeDraw` sees the new view
 * state before deck draws it (e.g. to show layers by camera range in the same frame); `onSynced` runs
 * after every Cesium render (after deck has drawn, when it had to). Returns the detach function.
 *
 * A Cesium frame with the camera still (globe tiles arriving, a density repaint) does not redraw deck:
 * its canvas keeps showing the same picture, and in software rendering every deck frame is a full draw
 * plus a read-back of its canvas. Deck's own changes (layers, data) are drawn by deck's own loop.
 */
export function attachCameraSync(
  scene: Scene,
  deck: Deck<CesiumLinkedView>,
  frame: EnuFrame,
  onSynced?: () => void,
  beforeDraw?: (view: LinkedViewState) => void,
): () => void {
  let last: LinkedViewState | null = null;
  const sync = () => {
    const viewState = linkedViewState(scene, frame);
    if (!last || !sameLinkedView(last, viewState)) {
      last = viewState;
      beforeDraw?.(viewState);
      deck.setProps({ viewState });
      // Draw now, in this animation frame, instead of on deck's own next frame (one frame of lag).
      deck.redraw('cesium camera');
    }
    onSynced?.();
  };
  return scene.postRender.addEventListener(sync);
}
