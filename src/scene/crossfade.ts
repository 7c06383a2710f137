/**
 * The panel layers of a scene switch, as a pure state machine (SceneView renders it): the scene shown is
 * the base layer; a new scene enters as an invisible layer over it, fades in once its panels have drawn,
 * and only when the fade is over do the layers under it leave. The panel area is therefore never empty
 * and never shows a "waiting for data" frame for data that is there.
 *
 * Switching faster than panels draw: an entering layer nobody has seen yet is simply replaced; a layer
 * already fading in is taken as shown (the layers under it leave) before the next one enters.
 */

/** The fade of a new scene's panels over the old ones, ms. */
export const FADE_MS = 450;
/** The longest a switch waits for a panel that has data to draw it, ms. */
export const READY_TIMEOUT_MS = 4000;

export type LayerPhase = 'entering' | 'fading' | 'shown';

export interface PanelLayer<S> {
  key: number;
  spec: S;
  phase: LayerPhase;
}

export interface Crossfade<S> {
  layers: PanelLayer<S>[];
  nextKey: number;
}

/** The first scene of a page (or of a remounted view) shows at once: there is nothing to fade over. */
export function startCrossfade<S>(spec: S): Crossfade<S> {
  return { layers: [{ key: 0, spec, phase: 'shown' }], nextKey: 1 };
}

/** A switch to `spec`. */
export function switchTo<S>(state: Crossfade<S>, spec: S): Crossfade<S> {
  let layers = state.layers.filter((l) => l.phase !== 'entering');
  const fading = layers.findIndex((l) => l.phase === 'fading');
  if (fading >= 0) layers = [{ ...layers[fading]!, phase: 'shown' }, ...layers.slice(fading + 1)];
  const top = layers[layers.length - 1];
  // Back to the scene already on show (before the other one appeared): nothing enters.
  if (top && top.spec === spec) return { layers, nextKey: state.nextKey };
  return { layers: [...layers, { key: state.nextKey, spec, phase: 'entering' }], nextKey: state.nextKey + 1 };
}

/** Layer `key` has drawn its panels: it starts fading in. */
export function layerReady<S>(state: Crossfade<S>, key: number): Crossfade<S> {
  const i = state.layers.findIndex((l) => l.key === key && l.phase === 'entering');
  if (i < 0) return state;
  return { ...state, layers: state.layers.map((l, j) => (j === i ? { ...l, phase: 'fading' } : l)) };
}

/** Layer `key` has faded in: it is the base, and every layer under it leaves. */
export function layerShown<S>(state: Crossfade<S>, key: number): Crossfade<S> {
  const i = state.layers.findIndex((l) => l.key === key);
  if (i < 0 || state.layers[i]!.phase === 'entering') return state;
  return { ...state, layers: [{ ...state.layers[i]!, phase: 'shown' }, ...state.layers.slice(i + 1)] };
}
