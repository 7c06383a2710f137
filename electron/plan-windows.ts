/**
 * Window planning: from the displays the OS reports and the wall config to the kiosk windows to open
 * (their bounds in DIP) and the viewport of the logical wall each shows. Pure: the main process feeds it
 * `screen.getAllDisplays()` and applies the result; tests feed it fake displays. On hot-plug the main
 * process plans again and applies only the difference (`diffPlans`).
 */
import type { PxRect } from './bridge-types';
import { bezelPx, gridCells, seamsOf, type Seam } from './bezel';
import type { DisplayMatch, ExplicitLayout, GridLayout, WallConfig } from './wall-config';

/** The part of Electron's `Display` the planner reads. Bounds in DIP; pixels = DIP × scaleFactor. */
export interface DisplayInfo {
  id: number;
  label?: string;
  bounds: { x: number; y: number; width: number; height: number };
  scaleFactor: number;
}

export interface PlannedWindow {
  /** Stable across re-plans: "r0c1" for a grid cell, the entry key for explicit layouts, "span". */
  key: string;
  displayIds: number[];
  /** Window bounds in DIP (what BrowserWindow takes). */
  bounds: { x: number; y: number; width: number; height: number };
  /** Its part of the logical wall, wall pixels. */
  viewport: PxRect;
}

export interface WallPlan {
  mode: 'span' | 'tile';
  wall: { width: number; height: number };
  windows: PlannedWindow[];
  seams: Seam[];
  /** Cells / entries of the config with no display now (unplugged, powered off). */
  missing: string[];
  warnings: string[];
}

const physical = (d: DisplayInfo) => ({ width: Math.round(d.bounds.width * d.scaleFactor), height: Math.round(d.bounds.height * d.scaleFactor) });

function unionBounds(ds: readonly DisplayInfo[]) {
  const x0 = Math.min(...ds.map((d) => d.bounds.x));
  const y0 = Math.min(...ds.map((d) => d.bounds.y));
  const x1 = Math.max(...ds.map((d) => d.bounds.x + d.bounds.width));
  const y1 = Math.max(...ds.map((d) => d.bounds.y + d.bounds.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Most common physical panel size: the grid's cell size even when one odd display is attached. */
function commonPanel(ds: readonly DisplayInfo[]) {
  const count = new Map<string, number>();
  for (const d of ds) {
    const p = physical(d);
    const k = `${p.width}x${p.height}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const best = [...count.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const [width, height] = best.split('x').map(Number) as [number, number];
  return { width, height };
}

function planGrid(displays: readonly DisplayInfo[], layout: GridLayout, mode: 'span' | 'tile'): WallPlan {
  const warnings: string[] = [];
  const panel = commonPanel(displays);
  // Cells come from where the OS places each display (DIP), relative to the top-left-most one.
  const dip = { width: displays[0]!.bounds.width, height: displays[0]!.bounds.height };
  const origin = { x: Math.min(...displays.map((d) => d.bounds.x)), y: Math.min(...displays.map((d) => d.bounds.y)) };
  const byCell = new Map<string, DisplayInfo>();
  for (const d of [...displays].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)) {
    const p = physical(d);
    const col = Math.round((d.bounds.x - origin.x) / dip.width);
    const row = Math.round((d.bounds.y - origin.y) / dip.height);
    const key = `r${row}c${col}`;
    if (row >= layout.rows || col >= layout.cols) {
      warnings.push(`display ${d.id}${d.label ? ` "${d.label}"` : ''} at ${d.bounds.x},${d.bounds.y} lies outside the ${layout.cols}x${layout.rows} grid and is left dark`);
    } else if (byCell.has(key)) {
      warnings.push(`display ${d.id} overlaps display ${byCell.get(key)!.id} (mirrored?) and is left dark`);
    } else {
      if (p.width !== panel.width || p.height !== panel.height) warnings.push(`display ${d.id} is ${p.width}x${p.height}, the other panels ${panel.width}x${panel.height}: its viewport is stretched`);
      byCell.set(key, d);
    }
  }
  const missing: string[] = [];
  for (let r = 0; r < layout.rows; r++) for (let c = 0; c < layout.cols; c++) if (!byCell.has(`r${r}c${c}`)) missing.push(`r${r}c${c}`);
  if (missing.length > 0) warnings.push(`no display for grid cell(s) ${missing.join(', ')}: those parts of the wall are not shown`);

  const gap = bezelPx(layout.bezel);
  if (mode === 'span') {
    // One window over contiguous OS pixels cannot skip the bands behind the bezels.
    if (gap.x > 0 || gap.y > 0) warnings.push('span mode cannot hide the wall behind the bezels (one window covers the displays edge to edge): use tile mode for bezel compensation');
    const cells = gridCells(layout.cols, layout.rows, panel, { x: 0, y: 0 });
    const present = [...byCell.values()];
    const viewports: PxRect[] = [];
    for (let r = 0; r < layout.rows; r++) for (let c = 0; c < layout.cols; c++) viewports.push(cells.viewport(r, c));
    return {
      mode,
      wall: cells.wall,
      windows: present.length === 0 ? [] : [{ key: 'span', displayIds: present.map((d) => d.id), bounds: unionBounds(present), viewport: { x: 0, y: 0, ...cells.wall } }],
      seams: seamsOf(viewports),
      missing,
      warnings,
    };
  }
  const cells = gridCells(layout.cols, layout.rows, panel, gap);
  const windows: PlannedWindow[] = [];
  const allViewports: PxRect[] = [];
  for (let r = 0; r < layout.rows; r++) {
    for (let c = 0; c < layout.cols; c++) {
      const v = cells.viewport(r, c);
      allViewports.push(v);
      const d = byCell.get(`r${r}c${c}`);
      if (d) windows.push({ key: `r${r}c${c}`, displayIds: [d.id], bounds: { ...d.bounds }, viewport: v });
    }
  }
  return { mode, wall: cells.wall, windows, seams: seamsOf(allViewports), missing, warnings };
}

function matches(d: DisplayInfo, index: number, m: DisplayMatch): boolean {
  if ('index' in m) return m.index === index;
  if ('id' in m) return m.id === d.id;
  return d.label === m.label;
}

function planExplicit(displays: readonly DisplayInfo[], layout: ExplicitLayout, mode: 'span' | 'tile'): WallPlan {
  const warnings: string[] = [];
  const missing: string[] = [];
  const used = new Set<number>();
  const found: { key: string; display: DisplayInfo; viewport: PxRect }[] = [];
  for (const entry of layout.displays) {
    const i = displays.findIndex((d, idx) => !used.has(d.id) && matches(d, idx, entry.match));
    const d = displays[i];
    if (!d) {
      missing.push(entry.key);
      continue;
    }
    used.add(d.id);
    const p = physical(d);
    if (p.width !== entry.viewport.width || p.height !== entry.viewport.height) {
      warnings.push(`${entry.key}: display ${d.id} is ${p.width}x${p.height} but its viewport ${entry.viewport.width}x${entry.viewport.height}: scaled to fit`);
    }
    found.push({ key: entry.key, display: d, viewport: entry.viewport });
  }
  if (missing.length > 0) warnings.push(`no display for ${missing.join(', ')}: those parts of the wall are not shown`);
  for (const d of displays) if (!used.has(d.id)) warnings.push(`display ${d.id}${d.label ? ` "${d.label}"` : ''} is not in the wall config and is left dark`);
  const seams = seamsOf(layout.displays.map((e) => e.viewport));
  if (mode === 'span') {
    const present = found.map((f) => f.display);
    return {
      mode,
      wall: { ...layout.wall },
      windows: present.length === 0 ? [] : [{ key: 'span', displayIds: present.map((d) => d.id), bounds: unionBounds(present), viewport: { x: 0, y: 0, ...layout.wall } }],
      seams,
      missing,
      warnings,
    };
  }
  return {
    mode,
    wall: { ...layout.wall },
    windows: found.map((f) => ({ key: f.key, displayIds: [f.display.id], bounds: { ...f.display.bounds }, viewport: f.viewport })),
    seams,
    missing,
    warnings,
  };
}

export function planWindows(displays: readonly DisplayInfo[], config: Pick<WallConfig, 'mode' | 'layout'>): WallPlan {
  if (displays.length === 0) return { mode: config.mode, wall: { width: 0, height: 0 }, windows: [], seams: [], missing: [], warnings: ['the OS reports no display'] };
  return config.layout.kind === 'grid' ? planGrid(displays, config.layout, config.mode) : planExplicit(displays, config.layout, config.mode);
}

export interface PlanDiff {
  open: PlannedWindow[];
  close: string[];
  /** Same key, new bounds and/or viewport: move the window and reload it with its new viewport. */
  change: PlannedWindow[];
  keep: string[];
}

const sameRect = (a: PxRect | PlannedWindow['bounds'], b: PxRect | PlannedWindow['bounds']) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** What to do to the open windows to go from one plan to the next (hot-plug). */
export function diffPlans(prev: WallPlan | null, next: WallPlan): PlanDiff {
  const before = new Map((prev?.windows ?? []).map((w) => [w.key, w]));
  const diff: PlanDiff = { open: [], close: [], change: [], keep: [] };
  for (const w of next.windows) {
    const old = before.get(w.key);
    if (!old) diff.open.push(w);
    else if (!sameRect(old.bounds, w.bounds) || !sameRect(old.viewport, w.viewport) || prev?.wall.width !== next.wall.width || prev.wall.height !== next.wall.height) diff.change.push(w);
    else diff.keep.push(w.key);
    before.delete(w.key);
  }
  diff.close = [...before.keys()];
  return diff;
}

/** The page URL of one window: the same parameters the browser wall understands (src/kiosk/viewport-params.ts). */
export function windowUrl(base: string, plan: WallPlan, w: PlannedWindow, app: WallConfig['app']): string {
  const u = new URL(base);
  u.searchParams.set('wall', `${plan.wall.width}x${plan.wall.height}`);
  u.searchParams.set('viewport', `${w.viewport.x},${w.viewport.y},${w.viewport.width},${w.viewport.height}`);
  u.searchParams.set('window', w.key);
  u.searchParams.set('kiosk', '1');
  if (app.recording) u.searchParams.set('recording', app.recording);
  if (app.speed !== undefined) u.searchParams.set('speed', String(app.speed));
  if (app.seekMinutes !== undefined) u.searchParams.set('seek', String(app.seekMinutes));
  return u.toString();
}
