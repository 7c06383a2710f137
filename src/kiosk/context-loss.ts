/**
 * WebGL context loss: Cesium cannot rebuild its scene on a restored context, so a lost context on any
 * canvas of the wall (Cesium's or deck.gl's) means a soft reload that restores scene, camera and data
 * clock from sessionStorage. A context that keeps getting lost backs off, so a dying GPU does not make
 * the wall reload in a tight loop (the main process then falls back to software rendering).
 */
const LOSSES_KEY = 'citywall:kiosk-context-losses';

export interface ContextLossOptions {
  /** Save the state now: the page is about to reload. */
  save(): void;
  reload(): void;
  onLost?(canvas: HTMLCanvasElement): void;
}

function recentLosses(now: number): number[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(LOSSES_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((t): t is number => typeof t === 'number' && now - t < 5 * 60_000) : [];
  } catch {
    return [];
  }
}

/** Delay before the reload: none for the first losses, then growing (max 30 s). */
export function reloadDelay(lossesInLastFiveMinutes: number): number {
  return lossesInLastFiveMinutes <= 2 ? 0 : Math.min(30_000, 2000 * 2 ** (lossesInLastFiveMinutes - 3));
}

export function watchContextLoss(opts: ContextLossOptions): () => void {
  const seen = new WeakSet<HTMLCanvasElement>();
  let reloading = false;
  const onLost = (canvas: HTMLCanvasElement) => {
    if (reloading) return;
    reloading = true;
    opts.onLost?.(canvas);
    opts.save();
    const now = Date.now();
    const losses = [...recentLosses(now), now];
    try {
      sessionStorage.setItem(LOSSES_KEY, JSON.stringify(losses));
    } catch {
      /* ignore */
    }
    const delay = reloadDelay(losses.length);
    console.warn(`[citywall:kiosk] WebGL context lost; reloading${delay ? ` in ${delay} ms` : ''} with the scene restored`);
    setTimeout(() => opts.reload(), delay);
  };
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
