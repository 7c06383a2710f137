import { describe, expect, it } from 'vitest';
import { LOGICAL_HEIGHT, layoutStage, partition, stageSize, viewportStage, type LayoutPanel, type Rect } from './layout';
import { overview } from '../../scenes/overview';
import { PANEL_REGISTRY } from '../panels/registry';

const panels: LayoutPanel[] = overview.panels.map((p) => ({ id: p.id, slot: p.slot, order: p.order, size: p.size, minHeight: PANEL_REGISTRY[p.kind].minHeight }));

function inside(r: Rect, w: number, h: number): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h && r.w > 0 && r.h > 0;
}
function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('stageSize', () => {
  it('is 1080 units high and as wide as the aspect', () => {
    expect(stageSize(1920, 1080)).toMatchObject({ width: 1920, height: 1080, scale: 1, offsetX: 0, offsetY: 0 });
    expect(stageSize(7680, 2160)).toMatchObject({ width: 3840, height: 1080, scale: 2 });
    expect(stageSize(3840, 2160)).toMatchObject({ width: 1920, scale: 2 });
    expect(stageSize(7680, 4320)).toMatchObject({ width: 1920, scale: 4 }); // 16:9 at 8K
    expect(stageSize(1366, 768).width).toBe(1920);
  });
  it('letterboxes vertically below the narrowest supported aspect', () => {
    const s = stageSize(1000, 1000);
    expect(s.width).toBe(1600);
    expect(s.scale).toBeCloseTo(1000 / 1600);
    expect(s.offsetY).toBeCloseTo((1000 - LOGICAL_HEIGHT * s.scale) / 2);
  });
});

describe('viewportStage (tile mode: a window shows its slice of a larger wall)', () => {
  it('two 1080p windows of a 3840x1080 wall: the whole wall is laid out, each window shifted to its half', () => {
    const left = viewportStage(1920, 1080, { wall: { width: 3840, height: 1080 }, viewport: { x: 0, y: 0, width: 1920, height: 1080 } });
    const right = viewportStage(1920, 1080, { wall: { width: 3840, height: 1080 }, viewport: { x: 1920, y: 0, width: 1920, height: 1080 } });
    expect(left).toEqual({ width: 3840, height: 1080, scale: 1, offsetX: -0, offsetY: -0 });
    expect(right).toEqual({ width: 3840, height: 1080, scale: 1, offsetX: -1920, offsetY: -0 });
    // Same layout as one window over the whole wall.
    expect(right.width).toBe(stageSize(3840, 1080).width);
  });
  it('a 4x2 grid with bezel bands: 1080 wall px per row plus the gap, one panel per window', () => {
    const wall = { width: 7716, height: 2170 };
    const s = viewportStage(1920, 1080, { wall, viewport: { x: 3 * 1932, y: 1090, width: 1920, height: 1080 } });
    expect(s.width).toBe(Math.floor((7716 * 1080) / 2170));
    expect(s.scale).toBeCloseTo(2170 / 1080);
    expect(s.offsetX).toBe(-5796);
    expect(s.offsetY).toBe(-1090);
  });
  it('a 7680x2160 LED wall in one window is the same as the plain stage', () => {
    const s = viewportStage(7680, 2160, { wall: { width: 7680, height: 2160 }, viewport: { x: 0, y: 0, width: 7680, height: 2160 } });
    expect(s).toMatchObject({ width: 3840, scale: 2, offsetX: -0, offsetY: -0 });
  });
});

describe('partition', () => {
  it('keeps order and balances the heaviest group', () => {
    expect(partition([2.5, 3, 2.5], 2)).toEqual([[0], [1, 2]]);
    expect(partition([3.5, 2.5, 2.5], 2)).toEqual([[0], [1, 2]]);
    expect(partition([1, 1], 1)).toEqual([[0, 1]]);
    expect(partition([1, 1], 3)).toEqual([[0], [1]]);
  });
});

describe.each([
  ['16:9 (1920x1080)', 1920, 1],
  ['32:9 LED wall (7680x2160)', 3840, 2],
])('overview layout at %s', (_name, width, colsPerSide) => {
  const l = layoutStage(width, panels, true);
  it(`fits: every panel at least its legible height, inside the canvas, ${colsPerSide} column(s) per side`, () => {
    expect(l.cramped).toEqual([]);
    expect(l.colsPerSide).toBe(colsPerSide);
    for (const p of panels) {
      const r = l.panels[p.id]!;
      expect(inside(r, width, LOGICAL_HEIGHT), p.id).toBe(true);
      expect(r.h, p.id).toBeGreaterThanOrEqual(p.minHeight);
      expect(r.w, p.id).toBeGreaterThanOrEqual(400);
    }
    expect(inside(l.map, width, LOGICAL_HEIGHT)).toBe(true);
    expect(l.map.w).toBeGreaterThanOrEqual(760);
    expect(l.map.h).toBeGreaterThanOrEqual(480);
  });
  it('nothing overlaps (panels, map, title bar, ticker)', () => {
    const rects = [...Object.values(l.panels), l.map, l.title, l.ticker!];
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i]!, rects[j]!), `${i}/${j}`).toBe(false);
  });
});
