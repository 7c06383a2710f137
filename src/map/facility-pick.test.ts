import { describe, expect, it } from 'vitest';
import { buildGridIndex, distanceToSegmentSq, forEachInBox } from './facility-pick';

function brute(points: [number, number][], x0: number, y0: number, x1: number, y1: number): number[] {
  return points.flatMap(([x, y], i) => (x >= x0 && x <= x1 && y >= y0 && y <= y1 ? [i] : []));
}

describe('facility grid index', () => {
  // A deterministic scatter over ~5 km with negative coordinates (ENU around the origin).
  const points: [number, number][] = Array.from({ length: 5000 }, (_, i) => [((i * 7919) % 5003) - 2500, ((i * 104729) % 4999) - 2400]);
  const grid = buildGridIndex((i, out) => {
    out[0] = points[i]![0];
    out[1] = points[i]![1];
  }, points.length, 100);

  it('holds every row exactly once', () => {
    expect([...grid.items].sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
    expect(grid.start[grid.start.length - 1]).toBe(points.length);
  });

  it('finds every row in a box (and the box test is the caller’s: cells may add neighbours)', () => {
    for (const [x0, y0, x1, y1] of [[-100, -100, 100, 100], [-2600, -2600, -2000, -1900], [1000, 500, 1180, 530], [3000, 3000, 4000, 4000]] as const) {
      const seen: number[] = [];
      forEachInBox(grid, x0, y0, x1, y1, (r) => seen.push(r));
      const inBox = seen.filter((r) => points[r]![0] >= x0 && points[r]![0] <= x1 && points[r]![1] >= y0 && points[r]![1] <= y1);
      expect(inBox.sort((a, b) => a - b)).toEqual(brute(points, x0, y0, x1, y1));
      // Only the cells the box touches are visited: far fewer rows than the whole table.
      expect(seen.length).toBeLessThan(points.length / 4);
    }
  });

  it('widens the search by `reach` for segments indexed by their midpoint', () => {
    // One 400 m segment whose midpoint is 200 m from a query point at its end.
    const seg = [[0, 0], [400, 0]] as const;
    const g = buildGridIndex((_, out) => {
      out[0] = 200;
      out[1] = 0;
    }, 1, 100, 200);
    const hits: number[] = [];
    forEachInBox(g, 395, -5, 405, 5, (r) => hits.push(r));
    expect(hits).toEqual([0]);
    expect(distanceToSegmentSq(400, 3, seg[0][0], seg[0][1], seg[1][0], seg[1][1])).toBeCloseTo(9);
    expect(distanceToSegmentSq(-3, -4, 0, 0, 400, 0)).toBeCloseTo(25);
  });

  it('copes with no rows', () => {
    const g = buildGridIndex(() => undefined, 0, 100);
    const hits: number[] = [];
    forEachInBox(g, -1, -1, 1, 1, (r) => hits.push(r));
    expect(hits).toEqual([]);
  });
});
