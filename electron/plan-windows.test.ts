import { describe, expect, it } from 'vitest';
import { bezelPx, gridCells, rectsOnSeams, seamsOf, toUnits } from './bezel';
import { gridDisplays } from './fake-displays';
import { diffPlans, planWindows, windowUrl, type DisplayInfo } from './plan-windows';
import type { WallConfig } from './wall-config';

type Plannable = Pick<WallConfig, 'mode' | 'layout'>;
const grid = (mode: 'span' | 'tile', cols: number, rows: number, bezel = { unit: 'px' as const, x: 0, y: 0 }): Plannable => ({ mode, layout: { kind: 'grid', cols, rows, bezel } });

describe('bezel maths', () => {
  it('converts millimetres to panel pixels by the pixel pitch', () => {
    expect(bezelPx({ unit: 'mm', x: 3.5, y: 3.5, pixelPitchMm: 0.63 })).toEqual({ x: 6, y: 6 });
    expect(bezelPx({ unit: 'px', x: 12, y: 8 })).toEqual({ x: 12, y: 8 });
  });
  it('a grid wall includes the hidden bands: viewports are spaced by panel + gap', () => {
    const g = gridCells(4, 2, { width: 1920, height: 1080 }, { x: 12, y: 10 });
    expect(g.wall).toEqual({ width: 4 * 1920 + 3 * 12, height: 2 * 1080 + 10 });
    expect(g.viewport(1, 3)).toEqual({ x: 3 * 1932, y: 1090, width: 1920, height: 1080 });
  });
  it('finds the seams and the key figures sitting on them', () => {
    const g = gridCells(2, 1, { width: 1920, height: 1080 }, { x: 12, y: 0 });
    const seams = seamsOf([g.viewport(0, 0), g.viewport(0, 1)]);
    expect(seams).toEqual([{ axis: 'x', from: 1920, to: 1932 }]);
    expect(toUnits(1920, 1080)).toBe(1920);
    // A 48-unit figure across x=1920 is cut; one well clear of it is not.
    expect(rectsOnSeams({ cut: { x: 1900, y: 300, w: 200, h: 60 }, clear: { x: 1200, y: 300, w: 200, h: 60 }, near: { x: 1934, y: 0, w: 50, h: 50 } }, seams, 1080)).toEqual(['cut', 'near']);
  });
});

describe('planning windows over displays', () => {
  it('4x2 grid of 1080p panels, tile mode with bezels: 8 windows, each its display and its viewport', () => {
    const plan = planWindows(gridDisplays(4, 2), grid('tile', 4, 2, { unit: 'px', x: 12, y: 10 }));
    expect(plan.windows).toHaveLength(8);
    expect(plan.wall).toEqual({ width: 7716, height: 2170 });
    expect(plan.missing).toEqual([]);
    expect(plan.warnings).toEqual([]);
    const r1c2 = plan.windows.find((w) => w.key === 'r1c2')!;
    expect(r1c2.bounds).toEqual({ x: 3840, y: 1080, width: 1920, height: 1080 });
    expect(r1c2.viewport).toEqual({ x: 2 * 1932, y: 1090, width: 1920, height: 1080 });
    expect(plan.seams.filter((s) => s.axis === 'x')).toHaveLength(3);
    expect(plan.seams.filter((s) => s.axis === 'y')).toEqual([{ axis: 'y', from: 1080, to: 1090 }]);
  });

  it('4x2 grid in span mode: one window over all displays; bezels cannot be compensated and it says so', () => {
    const plan = planWindows(gridDisplays(4, 2), grid('span', 4, 2, { unit: 'px', x: 12, y: 10 }));
    expect(plan.windows).toHaveLength(1);
    expect(plan.windows[0]).toMatchObject({ key: 'span', bounds: { x: 0, y: 0, width: 7680, height: 2160 }, viewport: { x: 0, y: 0, width: 7680, height: 2160 } });
    expect(plan.windows[0]!.displayIds).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.warnings.join(' ')).toContain('span mode cannot hide the wall behind the bezels');
  });

  it('an LED wall of 7680x2160 on one output: one window, the whole wall', () => {
    const led: DisplayInfo[] = [{ id: 9, label: 'LED', bounds: { x: 0, y: 0, width: 7680, height: 2160 }, scaleFactor: 1 }];
    for (const mode of ['span', 'tile'] as const) {
      const plan = planWindows(led, grid(mode, 1, 1));
      expect(plan.windows).toEqual([{ key: mode === 'span' ? 'span' : 'r0c0', displayIds: [9], bounds: led[0]!.bounds, viewport: { x: 0, y: 0, width: 7680, height: 2160 } }]);
      expect(plan.wall).toEqual({ width: 7680, height: 2160 });
    }
  });

  it('an LED wall fed by two 3840x2160 outputs at 150 % scaling: wall pixels are physical pixels', () => {
    const outs: DisplayInfo[] = [0, 1].map((i) => ({ id: i + 1, bounds: { x: i * 2560, y: 0, width: 2560, height: 1440 }, scaleFactor: 1.5 }));
    const plan = planWindows(outs, grid('tile', 2, 1));
    expect(plan.wall).toEqual({ width: 7680, height: 2160 });
    expect(plan.windows.map((w) => [w.bounds.x, w.viewport.x, w.viewport.width])).toEqual([[0, 0, 3840], [2560, 3840, 3840]]);
  });

  it('explicit layout: displays matched by label and index, unknown displays left dark with a warning', () => {
    const ds: DisplayInfo[] = [
      { id: 11, label: 'right', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
      { id: 12, label: 'left', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
      { id: 13, label: 'console', bounds: { x: 0, y: 1080, width: 1280, height: 720 }, scaleFactor: 1 },
    ];
    const plan = planWindows(ds, {
      mode: 'tile',
      layout: { kind: 'explicit', wall: { width: 3850, height: 1080 }, displays: [{ key: 'a', match: { label: 'left' }, viewport: { x: 0, y: 0, width: 1920, height: 1080 } }, { key: 'b', match: { label: 'right' }, viewport: { x: 1930, y: 0, width: 1920, height: 1080 } }] },
    });
    expect(plan.windows.map((w) => [w.key, w.displayIds[0], w.viewport.x])).toEqual([['a', 12, 0], ['b', 11, 1930]]);
    expect(plan.seams).toEqual([{ axis: 'x', from: 1920, to: 1930 }]);
    expect(plan.warnings.join(' ')).toContain('display 13 "console" is not in the wall config');
  });

  it('hot-plug: a panel unplugged closes only its window; plugged back, only it reopens', () => {
    const config = grid('tile', 4, 2, { unit: 'px', x: 12, y: 10 });
    const all = gridDisplays(4, 2);
    const full = planWindows(all, config);
    const without = planWindows(all.filter((d) => d.id !== 8), config);
    expect(without.windows).toHaveLength(7);
    expect(without.missing).toEqual(['r1c3']);
    expect(without.warnings.join(' ')).toContain('no display for grid cell(s) r1c3');
    // The other windows keep their viewports: the wall does not reflow when one panel goes dark.
    expect(without.wall).toEqual(full.wall);
    const d1 = diffPlans(full, without);
    expect(d1).toEqual({ open: [], close: ['r1c3'], change: [], keep: full.windows.filter((w) => w.key !== 'r1c3').map((w) => w.key) });
    const d2 = diffPlans(without, full);
    expect(d2.open.map((w) => w.key)).toEqual(['r1c3']);
    expect(d2.close).toEqual([]);
    expect(d2.change).toEqual([]);
    // Start-up is a diff from nothing.
    expect(diffPlans(null, full).open).toHaveLength(8);
  });

  it('hot-plug: a resolution change moves and reloads the affected windows', () => {
    const config = grid('tile', 2, 1);
    const before = planWindows(gridDisplays(2, 1), config);
    const after = planWindows(gridDisplays(2, 1, { width: 2560, height: 1440 }), config);
    const d = diffPlans(before, after);
    expect(d.change.map((w) => w.key)).toEqual(['r0c0', 'r0c1']);
  });

  it('an extra display beyond the grid is left dark, and no display at all plans nothing', () => {
    const plan = planWindows(gridDisplays(3, 1), grid('tile', 2, 1));
    expect(plan.windows).toHaveLength(2);
    expect(plan.warnings.join(' ')).toContain('lies outside the 2x1 grid');
    expect(planWindows([], grid('tile', 2, 1)).windows).toEqual([]);
  });

  it('builds each window URL with its wall, viewport and key', () => {
    const plan = planWindows(gridDisplays(2, 1), grid('tile', 2, 1));
    const url = new URL(windowUrl('app://citywall/index.html', plan, plan.windows[1]!, { connectOrigins: [], seekMinutes: 10 }));
    expect(Object.fromEntries(url.searchParams)).toEqual({ wall: '3840x1080', viewport: '1920,0,1920,1080', window: 'r0c1', kiosk: '1', seek: '10' });
  });
});
