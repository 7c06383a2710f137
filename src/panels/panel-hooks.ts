/**
 * Deterministic handles on the panels' own motion for tests and an operator's console, at
 * `window.__citywall.panels`: step a chart's tooltip carousel or a list's scrolling now instead of
 * waiting for its timer. Keyed by panel id; a panel removes its handle when it unmounts.
 */
import { exposeHook } from '../wall-hooks';

export interface PanelMotionHandle {
  /** Advance once; returns the new position (data index or row offset). */
  step(): number;
  /** The current position. */
  position(): number;
}

export interface PanelHooks {
  carousel: Record<string, PanelMotionHandle>;
  scroll: Record<string, PanelMotionHandle>;
}

/** Whether the panels' timers move them on their own; a test page turns it off and steps by hand. */
export const panelMotion = { auto: true };

let hooks: PanelHooks | null = null;

function panelHooks(): PanelHooks {
  if (!hooks) {
    hooks = { carousel: {}, scroll: {} };
    exposeHook('panels', hooks);
  }
  return hooks;
}

/** Register a handle; returns its removal. */
export function registerMotion(kind: keyof PanelHooks, id: string, handle: PanelMotionHandle): () => void {
  const table = panelHooks()[kind];
  table[id] = handle;
  return () => {
    if (table[id] === handle) delete table[id];
  };
}
