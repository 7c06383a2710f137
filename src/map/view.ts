/**
 * The map's viewpoint as data: what a scene spec's `camera` says and what WallMap's `view` prop takes.
 * Target-based, like Cesium's `lookAt`, never a raw camera position: a viewpoint names what must be in
 * frame, and the map works out where the camera goes for the box it has (16:9 panel, 32:9 LED wall).
 *
 * - `fit-units`: all 13 county-level units in frame at this pitch and heading; re-fitted whenever the
 *   map box changes size. The overview's view.
 * - `look-at`: the camera looks at (lon, lat) from `range` metres away (a focus on a district, an alarm).
 *
 * Angles are degrees: heading 0 = looking north, clockwise positive; pitch −90 = straight down.
 * Pure (no engine imports) so the scene schema and its tests can share it.
 */

export interface FitUnitsView {
  kind: 'fit-units';
  pitch: number;
  heading: number;
}

export interface LookAtView {
  kind: 'look-at';
  lon: number;
  lat: number;
  /** Distance from the camera to the target, metres. */
  range: number;
  pitch: number;
  heading: number;
}

export type MapView = FitUnitsView | LookAtView;

/** The wall's usual tilt. */
export const HOME_PITCH_DEG = -55;

/** Limits the camera controller and the fitting search honour (the schema validates against them). */
export const VIEW_LIMITS = {
  /** Steeper than this the fit is not tilted enough to matter; shallower, the far units near the horizon. */
  fitPitch: [-90, -35],
  lookAtPitch: [-90, -10],
  range: [500, 3_000_000],
  heading: [-360, 360],
} as const;

/** The home view: every unit in frame at the home pitch, north up. */
export const HOME_VIEW: FitUnitsView = { kind: 'fit-units', pitch: HOME_PITCH_DEG, heading: 0 };

/** Flight time between scenes' viewpoints. */
export const VIEW_FLIGHT_SEC = 2;

/** Stable identity of a view, so an equal view handed in again (a re-render) does not start a flight. */
export function viewKey(view: MapView): string {
  switch (view.kind) {
    case 'fit-units':
      return `fit-units|${view.pitch}|${view.heading}`;
    case 'look-at':
      return `look-at|${view.lon}|${view.lat}|${view.range}|${view.pitch}|${view.heading}`;
    default:
      return assertNever(view);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
