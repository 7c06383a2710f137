/**
 * Screen-space label placement for the map: pure, deterministic, engine-free (unit-tested with boxes).
 *
 * Contract: given each label's projected anchor (CSS px of the map box, top-left origin, `null` when off
 * screen), its box size, a priority and preferred directions, `placeLabels` places labels greedily in
 * priority order (ties by id). Each label tries, in order: centred on its anchor (if allowed), then for each
 * gap in `gaps` (near first) each direction (its preferred ones first, then the rest clockwise from north).
 * The first candidate that stays inside `bounds` and clears every obstacle, every box placed so far and
 * the anchor dots of labels that never sit on their anchor wins. A label with no free candidate is hidden —
 * so the lowest-priority labels give way first and the centre districts (priority 0…) always get a place.
 * Same inputs, same output: no randomness, no dependence on the previous frame.
 */

export type Dir = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';
export const DIRS: readonly Dir[] = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];

/** Unit step of each direction in screen space (+y down). */
const STEP: Record<Dir, readonly [number, number]> = {
  n: [0, -1],
  ne: [1, -1],
  e: [1, 0],
  se: [1, 1],
  s: [0, 1],
  sw: [-1, 1],
  w: [-1, 0],
  nw: [-1, -1],
};

/** Axis-aligned box, top-left corner and size, CSS px. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  id: string;
  /** Projected anchor, CSS px; null when the anchor is behind the camera or otherwise unprojectable. */
  anchor: readonly [number, number] | null;
  /** Size of the label's box (text plus outline). */
  w: number;
  h: number;
  /** Lower places first. */
  priority: number;
  /** Directions to try first, best first; the other directions follow. */
  prefer?: readonly Dir[];
  /**
   * May the label sit centred on its anchor? Yes for a name inside a big unit; no for labels whose anchor
   * is crowded by others (the central districts), which always go beside their anchor with a leader.
   */
  centred: boolean;
}

export interface Placement {
  id: string;
  visible: boolean;
  /** Where the box is, when visible. */
  box: Box | null;
  /** Box centre minus anchor (what Cesium's `pixelOffset` takes for a centred label). */
  offset: [number, number];
  /** 'c' = centred on the anchor. */
  at: Dir | 'c' | null;
  /** Anchor → nearest point of the box, when the label sits away from its anchor. */
  leader: [x1: number, y1: number, x2: number, y2: number] | null;
}

export interface PlaceOptions {
  /** Labels must lie entirely inside this box (the map box minus a margin). */
  bounds: Box;
  /** Areas no label may cover (the credits block, say). */
  obstacles?: readonly Box[];
  /** Distances (px) between anchor and box edge to try, nearest first. */
  gaps?: readonly number[];
  /** Minimum clear space between two labels' boxes, px. */
  padding?: number;
  /** Side of the clear square kept around the anchor dots of non-centred labels, px. */
  anchorDot?: number;
  /** Draw a leader when the box edge is at least this far from the anchor, px. */
  leaderFrom?: number;
}

export const DEFAULT_GAPS: readonly number[] = [4, 18, 36, 60, 90];

export function overlaps(a: Box, b: Box, pad = 0): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

function inside(a: Box, bounds: Box): boolean {
  return a.x >= bounds.x && a.y >= bounds.y && a.x + a.w <= bounds.x + bounds.w && a.y + a.h <= bounds.y + bounds.h;
}

/** Nearest point of a box to p. */
function nearestOnBox(b: Box, [px, py]: readonly [number, number]): [number, number] {
  return [Math.min(Math.max(px, b.x), b.x + b.w), Math.min(Math.max(py, b.y), b.y + b.h)];
}

/** Does the segment p→q pass through the box (Liang–Barsky clipping)? */
export function segmentHitsBox(p: readonly [number, number], q: readonly [number, number], b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const edges: [number, number][] = [
    [-dx, p[0] - b.x],
    [dx, b.x + b.w - p[0]],
    [-dy, p[1] - b.y],
    [dy, b.y + b.h - p[1]],
  ];
  for (const [pk, qk] of edges) {
    if (pk === 0) {
      if (qk < 0) return false;
    } else {
      const t = qk / pk;
      if (pk < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The candidate offsets (box centre − anchor) of one label, in the order they are tried. */
export function candidates(req: LabelRequest, gaps: readonly number[] = DEFAULT_GAPS): { at: Dir | 'c'; offset: [number, number] }[] {
  const order = [...(req.prefer ?? []), ...DIRS.filter((d) => !req.prefer?.includes(d))];
  const out: { at: Dir | 'c'; offset: [number, number] }[] = [];
  if (req.centred) out.push({ at: 'c', offset: [0, 0] });
  for (const gap of gaps) {
    for (const d of order) {
      const [ux, uy] = STEP[d];
      // The box's near edge (or corner, diagonally) sits `gap` px from the anchor.
      out.push({ at: d, offset: [ux * (req.w / 2 + gap), uy * (req.h / 2 + gap)] });
    }
  }
  return out;
}

export function placeLabels(requests: readonly LabelRequest[], options: PlaceOptions): Placement[] {
  const { bounds, obstacles = [], gaps = DEFAULT_GAPS, padding = 4, anchorDot = 10, leaderFrom = 12 } = options;
  const order = [...requests].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const dots = new Map<string, Box>();
  for (const r of order) {
    if (!r.centred && r.anchor) dots.set(r.id, { x: r.anchor[0] - anchorDot / 2, y: r.anchor[1] - anchorDot / 2, w: anchorDot, h: anchorDot });
  }
  const placed: Box[] = [];
  const leaders: [readonly [number, number], readonly [number, number]][] = [];
  const result = new Map<string, Placement>();
  for (const r of order) {
    const hidden: Placement = { id: r.id, visible: false, box: null, offset: [0, 0], at: null, leader: null };
    const a = r.anchor;
    if (!a || !Number.isFinite(a[0]) || !Number.isFinite(a[1]) || !inside({ x: a[0], y: a[1], w: 0, h: 0 }, bounds)) {
      result.set(r.id, hidden);
      continue;
    }
    let chosen: Placement = hidden;
    for (const c of candidates(r, gaps)) {
      const box = { x: a[0] + c.offset[0] - r.w / 2, y: a[1] + c.offset[1] - r.h / 2, w: r.w, h: r.h };
      if (!inside(box, bounds)) continue;
      if (obstacles.some((o) => overlaps(box, o))) continue;
      if (placed.some((p) => overlaps(box, p, padding))) continue;
      let hitsDot = false;
      for (const [id, dot] of dots) if (id !== r.id && overlaps(box, dot)) hitsDot = true;
      if (hitsDot) continue;
      // No label across an earlier leader, no leader across an earlier label.
      if (leaders.some(([p, q]) => segmentHitsBox(p, q, box))) continue;
      const near = nearestOnBox(box, a);
      const leader: Placement['leader'] = c.at !== 'c' && Math.hypot(near[0] - a[0], near[1] - a[1]) >= leaderFrom ? [a[0], a[1], near[0], near[1]] : null;
      // (A box already covering this anchor is crossed by any leader at all: not held against one.)
      const covers = (p: Box) => overlaps(p, { x: a[0], y: a[1], w: 0, h: 0 });
      if (leader && placed.some((p) => !covers(p) && segmentHitsBox([leader[0], leader[1]], [leader[2], leader[3]], p))) continue;
      chosen = { id: r.id, visible: true, box, offset: c.offset, at: c.at, leader };
      break;
    }
    if (chosen.box) placed.push(chosen.box);
    if (chosen.leader) leaders.push([[chosen.leader[0], chosen.leader[1]], [chosen.leader[2], chosen.leader[3]]]);
    result.set(r.id, chosen);
  }
  // In the caller's order, so results zip with requests.
  return requests.map((r) => result.get(r.id)!);
}
