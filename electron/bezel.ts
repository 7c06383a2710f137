/**
 * Bezel maths. A wall of panels is one logical canvas measured in panel pixels *including* the bands
 * hidden behind bezels: a line drawn across two panels continues straight, as it would through a window
 * frame, instead of jumping by the bezel width. Each panel shows its viewport of that canvas; the canvas
 * pixels behind a bezel are never lit, so nothing that must be read may sit there (`rectsOnSeams`).
 */
import type { PxRect } from './bridge-types';
import type { Bezel } from './wall-config';

/** Bezel gap in panel pixels (rounded: viewports are whole pixels). */
export function bezelPx(b: Bezel): { x: number; y: number } {
  if (b.unit === 'px') return { x: Math.round(b.x), y: Math.round(b.y) };
  const pitch = b.pixelPitchMm ?? 1;
  return { x: Math.round(b.x / pitch), y: Math.round(b.y / pitch) };
}

export interface GridCells {
  wall: { width: number; height: number };
  /** viewport[row][col] in wall pixels. */
  viewport: (row: number, col: number) => PxRect;
}

/** A cols x rows grid of equal panels separated by `gap` hidden pixels. */
export function gridCells(cols: number, rows: number, panel: { width: number; height: number }, gap: { x: number; y: number }): GridCells {
  return {
    wall: { width: cols * panel.width + (cols - 1) * gap.x, height: rows * panel.height + (rows - 1) * gap.y },
    viewport: (row, col) => ({ x: col * (panel.width + gap.x), y: row * (panel.height + gap.y), width: panel.width, height: panel.height }),
  };
}

/** A band of the wall no panel lights (or a zero-width line where two panels touch), wall pixels. */
export interface Seam {
  axis: 'x' | 'y';
  /** Start and end of the band along the axis; equal for a seam without bezel compensation. */
  from: number;
  to: number;
}

/** The seams between viewports: vertical ones between columns, horizontal ones between rows. */
export function seamsOf(viewports: readonly PxRect[]): Seam[] {
  const seams: Seam[] = [];
  const seen = new Set<string>();
  const add = (s: Seam) => {
    const k = `${s.axis}:${s.from}:${s.to}`;
    if (!seen.has(k)) {
      seen.add(k);
      seams.push(s);
    }
  };
  for (const a of viewports) {
    for (const b of viewports) {
      if (a === b) continue;
      const overlapY = a.y < b.y + b.height && b.y < a.y + a.height;
      const overlapX = a.x < b.x + b.width && b.x < a.x + a.width;
      const aRight = a.x + a.width;
      if (overlapY && b.x >= aRight && !viewports.some((c) => c !== a && c !== b && c.x >= aRight && c.x < b.x && c.y < a.y + a.height && a.y < c.y + c.height)) {
        add({ axis: 'x', from: aRight, to: b.x });
      }
      const aBottom = a.y + a.height;
      if (overlapX && b.y >= aBottom && !viewports.some((c) => c !== a && c !== b && c.y >= aBottom && c.y < b.y && c.x < a.x + a.width && a.x < c.x + c.width)) {
        add({ axis: 'y', from: aBottom, to: b.y });
      }
    }
  }
  return seams.sort((p, q) => (p.axis === q.axis ? p.from - q.from : p.axis === 'x' ? -1 : 1));
}

/** Wall pixels → logical wall units (the stage is 1080 units high). */
export function toUnits(px: number, wallHeightPx: number, logicalHeight = 1080): number {
  return (px * logicalHeight) / wallHeightPx;
}

export interface UnitRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Which of the rectangles (wall units, e.g. key figures from the stage layout) a seam crosses, with a
 * safety margin in units: a figure on a seam is cut by a bezel or split across two panels.
 */
export function rectsOnSeams(rects: Record<string, UnitRect>, seams: readonly Seam[], wallHeightPx: number, marginUnits = 4): string[] {
  const hit: string[] = [];
  for (const [id, r] of Object.entries(rects)) {
    const crosses = seams.some((s) => {
      const from = toUnits(s.from, wallHeightPx) - marginUnits;
      const to = toUnits(s.to, wallHeightPx) + marginUnits;
      return s.axis === 'x' ? r.x < to && r.x + r.w > from : r.y < to && r.y + r.h > from;
    });
    if (crosses) hit.push(id);
  }
  return hit;
}
