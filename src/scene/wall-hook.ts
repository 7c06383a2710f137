/**
 * The `wall` hook (window.__citywall.wall) for the end-to-end tests and the bench: how many panels have
 * drawn their first data, when the first complete frame happened, and a plain snapshot of the figures.
 */
import { exposeHook } from '../wall-hooks';
import { snapshotFigures, type WallStores } from '../stores';

export interface WallHook {
  panelsRendered: number;
  panelsTotal: number;
  mapReady: boolean;
  /**
   * performance.now() of the first frame in which every panel showed data and the map had drawn (globe
   * tiles loaded, deck.gl drawn in step); absent until then.
   */
  firstCompleteFrame?: number;
  stores: () => ReturnType<typeof snapshotFigures>;
}

const rendered = new Set<string>();
let hook: WallHook | null = null;

export function installWallHook(stores: WallStores, panelsTotal: number): WallHook {
  rendered.clear();
  hook = {
    panelsRendered: 0,
    panelsTotal,
    mapReady: false,
    stores: () => JSON.parse(JSON.stringify(snapshotFigures(stores))) as ReturnType<typeof snapshotFigures>,
  };
  exposeHook('wall', hook);
  return hook;
}

export function markPanelRendered(id: string): void {
  if (!hook || rendered.has(id)) return;
  rendered.add(id);
  hook.panelsRendered = rendered.size;
  noteIfComplete();
}

export function markMapReady(): void {
  if (!hook) return;
  hook.mapReady = true;
  noteIfComplete();
}

function noteIfComplete(): void {
  const h = hook;
  if (!h || !h.mapReady || h.panelsRendered < h.panelsTotal || h.firstCompleteFrame !== undefined) return;
  // The frame after both are in is the first one that shows them all.
  requestAnimationFrame(() => {
    h.firstCompleteFrame ??= performance.now();
  });
}
