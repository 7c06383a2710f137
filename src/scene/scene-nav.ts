/**
 * Where a scene switch lands, as pure functions over the ordered scene ids (scenes/index.ts SCENE_LIST):
 * next/previous wrap around, a position jump past the end is no jump, and the first scene of the list is
 * the overview. The scene store (scene-store.ts) holds the current id; this decides.
 */

/** The id `delta` steps from `current` in `ids`, wrapping; an unknown current counts from the overview. */
export function stepScene(ids: readonly string[], current: string, delta: number): string {
  if (ids.length === 0) return current;
  const at = Math.max(0, ids.indexOf(current));
  const n = ids.length;
  return ids[(((at + delta) % n) + n) % n] as string;
}

/** The id at zero-based `index`, or null when the list is shorter (a key for a scene that does not exist). */
export function sceneAt(ids: readonly string[], index: number): string | null {
  return Number.isInteger(index) && index >= 0 && index < ids.length ? (ids[index] as string) : null;
}

export interface InitialScene {
  id: string;
  /** Set when the URL asked for a scene the wall does not know (the wall then starts on the overview). */
  warning: string | null;
}

/** The scene a page starts on: `?scene=<id>` when known, else the overview (the first id). */
export function initialScene(search: string, ids: readonly string[]): InitialScene {
  const overview = ids[0] ?? '';
  const asked = new URLSearchParams(search).get('scene');
  if (asked === null || asked === '') return { id: overview, warning: null };
  if (ids.includes(asked)) return { id: asked, warning: null };
  // The id is echoed back for the operator's console only (JSON-quoted: it is untrusted URL text).
  return { id: overview, warning: `unknown scene ${JSON.stringify(asked.slice(0, 64))} in ?scene=; showing "${overview}" (known: ${ids.join(', ')})` };
}

/**
 * `?naiveSwitch=1`: every switch remounts the whole scene view, map included (a new Cesium widget and
 * Deck per switch). Only the bench uses it, as the baseline the real switch is measured against.
 */
export function naiveSwitchRequested(search: string): boolean {
  const v = new URLSearchParams(search).get('naiveSwitch');
  return v === '1' || v === 'true';
}
