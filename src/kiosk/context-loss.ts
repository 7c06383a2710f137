/**
 * WebGL context loss: noticing it, remembering it, and deciding what to do about it.
 *
 * Cesium cannot rebuild its scene on a restored context, so a lost context on a canvas of the map
 * (Cesium's or deck.gl's) means the map must be built afresh. The first choice is to rebuild the map
 * alone inside the running page (map-recovery.ts: the panels, stores, data clock and presenter link go
 * on untouched); the fallback is a soft reload that restores scene, camera and data clock from
 * sessionStorage (install.ts). A context that keeps getting lost means a sick GPU: then the page reloads,
 * backing off, so the wall does not spin in a tight loop (and the main process falls back to software
 * rendering after repeated GPU-process crashes).
 *
 * The loss history lives in sessionStorage so that it survives the reloads it causes.
 */
const LOSSES_KEY = 'citywall:kiosk-context-losses';
/** Losses older than this are forgotten. */
export const LOSS_WINDOW_MS = 5 * 60_000;
/** Up to this many losses within LOSS_WINDOW_MS are healed in the page; the next one reloads. */
export const MAX_REMOUNTS_IN_WINDOW = 2;
/**
 * A rebuilt map that is not ready by then is given up on: the page reloads instead. Generous on purpose:
 * a rebuild takes 6–8 s in software WebGL on a quiet 2-core machine but keeps progressing well past 10 s
 * under heavy load, and the reload that would replace it is slower still.
 */
export const REMOUNT_READY_TIMEOUT_MS = 60_000;

export type RecoveryMode = 'remount' | 'reload';

export interface RecoveryPlan {
  mode: RecoveryMode;
  /** Wait this long before acting (only a reload ever waits: the back-off). */
  delayMs: number;
}

export interface RecoveryCircumstances {
  /** A map that can rebuild itself is mounted (WallMap's `mapHost` hook). */
  canRemount: boolean;
  /** A remount for this loss was tried and did not bring the map back (not ready in time, or it threw). */
  remountFailed?: boolean;
}

/** Delay before a reload: none for the first losses, then growing (max 30 s). */
export function reloadDelay(lossesInLastFiveMinutes: number): number {
  return lossesInLastFiveMinutes <= 2 ? 0 : Math.min(30_000, 2000 * 2 ** (lossesInLastFiveMinutes - 3));
}

/**
 * What to do about a loss, given how many losses (this one included) the page saw in the last five
 * minutes. Pure. Remounting is tried while losses are rare and a remount is possible and has not
 * already failed for this loss; anything else is the reload path with its back-off (`reloadDelay`).
 */
export function recoveryPlan(lossesInLastFiveMinutes: number, c: RecoveryCircumstances): RecoveryPlan {
  if (c.canRemount && !c.remountFailed && lossesInLastFiveMinutes <= MAX_REMOUNTS_IN_WINDOW) return { mode: 'remount', delayMs: 0 };
  return { mode: 'reload', delayMs: reloadDelay(lossesInLastFiveMinutes) };
}

function recentLosses(storage: Pick<Storage, 'getItem'>, now: number): number[] {
  try {
    const v = JSON.parse(storage.getItem(LOSSES_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((t): t is number => typeof t === 'number' && now - t < LOSS_WINDOW_MS) : [];
  } catch {
    return [];
  }
}

/** Remembers a loss at `now`; returns how many losses (this one included) fall in the last five minutes. */
export function recordLoss(storage: Pick<Storage, 'getItem' | 'setItem'>, now: number): number {
  const losses = [...recentLosses(storage, now), now];
  try {
    storage.setItem(LOSSES_KEY, JSON.stringify(losses));
  } catch {
    /* storage full or disabled: the count still holds for this loss */
  }
  return losses.length;
}

/**
 * Calls `onLost` for a `webglcontextlost` on any canvas of the page, present or added later (a rebuilt
 * map's new canvases included: the observer attaches to every canvas that enters the document).
 */
export function watchContextLoss(onLost: (canvas: HTMLCanvasElement) => void): () => void {
  const seen = new WeakSet<HTMLCanvasElement>();
  const attach = () => {
    for (const c of Array.from(document.querySelectorAll('canvas'))) {
      if (seen.has(c)) continue;
      seen.add(c);
      c.addEventListener('webglcontextlost', () => onLost(c));
    }
  };
  const observer = new MutationObserver(attach);
  observer.observe(document.body, { childList: true, subtree: true });
  attach();
  return () => observer.disconnect();
}
