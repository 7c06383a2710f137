/**
 * The wall is one logical canvas, 1080 wall units high; its width follows the wall's aspect (1920 at
 * 16:9, 3840 at 32:9), and the whole canvas is scaled to the window with one CSS transform. A wider wall
 * gets more side columns instead of letterboxing. Everything here is pure so the rules are unit-tested;
 * the stage renders exactly these rectangles (absolute positions in wall units).
 *
 *   ┌──────────────────────────── title bar ─────────────────────────────┐
 *   │ left cols │            top strip (KPIs)              │ right cols │
 *   │           │                 map                      │            │
 *   │           │          bottom strip (closed loop)      │            │
 *   └──────────────────────────── ticker ────────────────────────────────┘
 */

export const LOGICAL_HEIGHT = 1080;
/** Narrowest canvas the layout supports (4:3-ish); narrower windows letterbox vertically. */
export const MIN_LOGICAL_WIDTH = 1600;

export const TITLE_H = 96;
export const TICKER_H = 60;
export const PAD = 20;
export const GAP = 16;
export const CENTER_MIN_W = 800;
export const COL_MIN_W = 500;
export const COL_MAX_W = 640;

export interface StageSize {
  /** Logical canvas, wall units. */
  width: number;
  height: number;
  /** Window px per wall unit. */
  scale: number;
  /**
   * Offset of the canvas in the window (px): positive when letterboxed; negative when the window shows a
   * viewport of a larger wall (tile mode: the canvas is shifted so this window's slice is in view).
   */
  offsetX: number;
  offsetY: number;
}

export function stageSize(windowW: number, windowH: number): StageSize {
  const w = Math.max(1, windowW);
  const h = Math.max(1, windowH);
  let scale = h / LOGICAL_HEIGHT;
  // Floor, so the scaled canvas never exceeds the window by a fraction of a pixel.
  let width = Math.floor(w / scale + 1e-6);
  if (width < MIN_LOGICAL_WIDTH) {
    width = MIN_LOGICAL_WIDTH;
    scale = w / MIN_LOGICAL_WIDTH;
  }
  return {
    width,
    height: LOGICAL_HEIGHT,
    scale,
    offsetX: Math.max(0, (w - width * scale) / 2),
    offsetY: Math.max(0, (h - LOGICAL_HEIGHT * scale) / 2),
  };
}

/** A window's slice of a larger wall, in wall pixels (src/kiosk/viewport-params.ts reads it from the URL). */
export interface WallSlice {
  wall: { width: number; height: number };
  viewport: { x: number; y: number; width: number; height: number };
}

/**
 * Tile mode: the stage lays out the whole wall (1080 units high, as wide as the wall's aspect) and this
 * window shows only its viewport, by the same one transform (scale, then a translate that brings the
 * viewport to the window's origin). Windows showing adjoining viewports thus show adjoining halves of one
 * picture: the same layout, cut at the seam.
 */
export function viewportStage(windowW: number, windowH: number, slice: WallSlice): StageSize {
  const unitsPerPx = LOGICAL_HEIGHT / Math.max(1, slice.wall.height);
  const width = Math.max(MIN_LOGICAL_WIDTH, Math.floor(slice.wall.width * unitsPerPx + 1e-6));
  // Window px per wall px: the plan gives each window a viewport of its display's size, so this is 1
  // (or the display's scale factor); a mismatched window fits the viewport without distortion.
  const k = Math.min(Math.max(1, windowW) / slice.viewport.width, Math.max(1, windowH) / slice.viewport.height);
  return { width, height: LOGICAL_HEIGHT, scale: k / unitsPerPx, offsetX: -slice.viewport.x * k, offsetY: -slice.viewport.y * k };
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Slot = 'left' | 'right' | 'top' | 'bottom';
export type PanelSize = 's' | 'm' | 'l';

/** Relative height of a side-column panel. */
export const SIZE_WEIGHT: Record<PanelSize, number> = { s: 2.5, m: 3, l: 3.5 };
/** Fixed height of a centre strip (above / below the map). */
export const STRIP_H: Record<PanelSize, number> = { s: 150, m: 170, l: 200 };

export interface LayoutPanel {
  id: string;
  slot: Slot;
  order: number;
  size: PanelSize;
  /** The least height at which the panel's content is legible (from the panel registry). */
  minHeight: number;
}

export interface StageLayout {
  width: number;
  height: number;
  title: Rect;
  ticker: Rect | null;
  body: Rect;
  map: Rect;
  colsPerSide: number;
  panels: Record<string, Rect>;
  /** Panels that got less than their minHeight (empty when the layout fits). */
  cramped: string[];
}

/** Contiguous split of weights (kept in order) into `k` groups minimising the heaviest group. */
export function partition(weights: readonly number[], k: number): number[][] {
  const n = weights.length;
  if (k <= 1 || n <= 1) return [weights.map((_, i) => i)];
  if (k >= n) return weights.map((_, i) => [i]);
  let best: number[][] = [];
  let bestMax = Infinity;
  const rec = (start: number, groupsLeft: number, acc: number[][]): void => {
    if (groupsLeft === 1) {
      const group = [];
      for (let i = start; i < n; i++) group.push(i);
      const all = [...acc, group];
      const max = Math.max(...all.map((g) => g.reduce((t, i) => t + (weights[i] ?? 0), 0)));
      if (max < bestMax) {
        bestMax = max;
        best = all;
      }
      return;
    }
    for (let end = start + 1; end <= n - groupsLeft + 1; end++) {
      const group = [];
      for (let i = start; i < end; i++) group.push(i);
      rec(end, groupsLeft - 1, [...acc, group]);
    }
  };
  rec(0, k, []);
  return best;
}

function sideColumns(width: number, maxPanelsPerSide: number): { cols: number; colW: number } {
  const perSide = (width - 2 * PAD - 2 * GAP - CENTER_MIN_W) / 2;
  let cols = Math.max(1, Math.floor((perSide + GAP) / (COL_MIN_W + GAP)));
  cols = Math.min(cols, Math.max(1, maxPanelsPerSide));
  const colW = Math.max(COL_MIN_W * 0.8, Math.min(COL_MAX_W, (perSide - (cols - 1) * GAP) / cols));
  return { cols, colW };
}

export function layoutStage(width: number, panels: readonly LayoutPanel[], withTicker: boolean): StageLayout {
  const height = LOGICAL_HEIGHT;
  const title: Rect = { x: 0, y: 0, w: width, h: TITLE_H };
  const ticker: Rect | null = withTicker ? { x: 0, y: height - TICKER_H, w: width, h: TICKER_H } : null;
  const bodyTop = TITLE_H + 4;
  const bodyBottom = (ticker ? ticker.y : height) - PAD / 2;
  const body: Rect = { x: PAD, y: bodyTop, w: width - 2 * PAD, h: bodyBottom - bodyTop };

  const bySlot = (slot: Slot) => panels.filter((p) => p.slot === slot).sort((a, b) => a.order - b.order);
  const left = bySlot('left');
  const right = bySlot('right');
  const { cols, colW } = sideColumns(width, Math.max(left.length, right.length));
  const sideW = cols * colW + (cols - 1) * GAP;

  const out: Record<string, Rect> = {};
  const cramped: string[] = [];

  const placeSide = (list: LayoutPanel[], x0: number) => {
    if (list.length === 0) return;
    const groups = partition(list.map((p) => SIZE_WEIGHT[p.size]), cols);
    groups.forEach((group, c) => {
      const items = group.map((i) => list[i]).filter((p): p is LayoutPanel => p !== undefined);
      const totalW = items.reduce((t, p) => t + SIZE_WEIGHT[p.size], 0);
      const free = body.h - GAP * (items.length - 1);
      let y = body.y;
      for (const p of items) {
        const h = Math.floor((free * SIZE_WEIGHT[p.size]) / totalW);
        out[p.id] = { x: x0 + c * (colW + GAP), y, w: colW, h };
        if (h < p.minHeight) cramped.push(p.id);
        y += h + GAP;
      }
    });
  };
  placeSide(left, body.x);
  placeSide(right, body.x + body.w - sideW);

  const centerX = body.x + sideW + GAP;
  const centerW = body.w - 2 * (sideW + GAP);
  let top = body.y;
  for (const p of bySlot('top')) {
    const h = Math.max(STRIP_H[p.size], p.minHeight);
    out[p.id] = { x: centerX, y: top, w: centerW, h };
    top += h + GAP;
  }
  let bottom = body.y + body.h;
  for (const p of bySlot('bottom').reverse()) {
    const h = Math.max(STRIP_H[p.size], p.minHeight);
    bottom -= h;
    out[p.id] = { x: centerX, y: bottom, w: centerW, h };
    bottom -= GAP;
  }
  const map: Rect = { x: centerX, y: top, w: centerW, h: Math.max(0, bottom - top) };
  return { width, height, title, ticker, body, map, colsPerSide: cols, panels: out, cramped };
}
