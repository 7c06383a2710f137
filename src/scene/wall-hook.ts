/**
 * The `wall` hook (window.__citywall.wall) for the end-to-end tests and the bench: how many panels have
 * drawn their first data, when the first complete frame happened, and a plain snapshot of the figures.
 */
import { exposeHook } from '../wall-hooks';
import { snapshotFigures, type WallStores } from '../stores';

export interface WallHook {
  panelsRendered: number;
  panelsTotal: number;
  /** performance.now() of the first frame in which every panel showed data; absent until then. */
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
    stores: () => JSON.parse(JSON.stringify(snapshotFigures(stores))) as ReturnType<typeof snapshotFigures>,
  };
  exposeHook('wall', hook);
  return hook;
}

export function markPanelRendered(id: string): void {
  if (!hook || rendered.has(id)) return;
  rendered.add(id);
  hook.panelsRendered = rendered.size;
  if (hook.panelsRendered >= hook.panelsTotal && hook.firstCompleteFrame === undefined) {
    const h = hook;
    requestAnimationFrame(() => {
      h.firstCompleteFrame ??= performance.now();
    });
  }
}
