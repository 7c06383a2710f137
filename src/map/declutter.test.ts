import { describe, expect, it } from 'vitest';
import { candidates, overlaps, placeLabels, segmentHitsBox, type Box, type LabelRequest, type Placement } from './declutter';

const BOUNDS: Box = { x: 0, y: 0, w: 800, h: 560 };

function label(id: string, x: number, y: number, extra: Partial<LabelRequest> = {}): LabelRequest {
  return { id, anchor: [x, y], w: 110, h: 34, priority: 10, centred: true, ...extra };
}

function visibleBoxes(ps: Placement[]): Box[] {
  return ps.filter((p) => p.visible).map((p) => p.box!);
}

function expectNoOverlap(ps: Placement[]) {
  const boxes = visibleBoxes(ps);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${ps[i]?.id} vs ${ps[j]?.id}`).toBe(false);
}

describe('label placement', () => {
  it('centres a lone label on its anchor, with no leader', () => {
    const [p] = placeLabels([label('a', 400, 300)], { bounds: BOUNDS });
    expect(p).toMatchObject({ visible: true, at: 'c', offset: [0, 0], leader: null });
    expect(p!.box).toEqual({ x: 345, y: 283, w: 110, h: 34 });
  });

  it('moves the lower-priority of two colliding labels, in its preferred direction', () => {
    const ps = placeLabels(
      [label('low', 420, 305, { priority: 2, prefer: ['s'] }), label('high', 400, 300, { priority: 1 })],
      { bounds: BOUNDS, padding: 4 },
    );
    expect(ps[1]!.at).toBe('c');
    expect(ps[0]!.at).toBe('s');
    expectNoOverlap(ps);
    // Ordered as given, not as placed.
    expect(ps.map((p) => p.id)).toEqual(['low', 'high']);
  });

  it('fans out a tight cluster of non-centred labels (the centre districts) with leaders and no overlaps', () => {
    const cluster: LabelRequest[] = [
      label('xiling', 400, 280, { priority: 0, centred: false, prefer: ['nw', 'w', 'n'] }),
      label('wujiagang', 420, 300, { priority: 1, centred: false, prefer: ['se', 'e', 's'] }),
      label('dianjun', 385, 292, { priority: 2, centred: false, prefer: ['sw', 'w', 's'] }),
      label('xiaoting', 440, 330, { priority: 3, centred: false, prefer: ['e', 'se', 'ne'] }),
      label('yiling', 408, 262, { priority: 4, centred: false, prefer: ['n', 'ne', 'nw'] }),
      label('gaoxin', 418, 282, { priority: 5, centred: false, w: 200, h: 30, prefer: ['e', 'ne', 'se'] }),
      label('changyang', 360, 320, { priority: 6, w: 210 }),
    ];
    const ps = placeLabels(cluster, { bounds: BOUNDS });
    expect(ps.every((p) => p.visible)).toBe(true);
    expectNoOverlap(ps);
    // Nobody sits on a centre district's anchor dot, and no leader crosses another label.
    for (const p of ps) {
      for (const q of ps) {
        if (p === q) continue;
        const a = cluster.find((c) => c.id === q.id)!.anchor!;
        if (!cluster.find((c) => c.id === q.id)!.centred) expect(overlaps(p.box!, { x: a[0] - 5, y: a[1] - 5, w: 10, h: 10 })).toBe(false);
        // (unless that label already covers the leader's anchor: then any leader would cross it)
        const coversAnchor = q.leader && overlaps(p.box!, { x: q.leader[0], y: q.leader[1], w: 0, h: 0 });
        if (q.leader && !coversAnchor) expect(segmentHitsBox([q.leader[0], q.leader[1]], [q.leader[2], q.leader[3]], p.box!)).toBe(false);
      }
    }
    expect(ps.find((p) => p.id === 'xiling')!.at).toBe('nw');
    expect(ps.filter((p) => p.at !== 'c').every((p) => p.at !== null)).toBe(true);
  });

  it('hides the lowest priority first when there is no room', () => {
    const tight: Box = { x: 0, y: 0, w: 240, h: 80 };
    const ps = placeLabels(
      [label('c', 120, 40, { priority: 3 }), label('a', 120, 40, { priority: 1 }), label('b', 120, 40, { priority: 2 })],
      { bounds: tight },
    );
    const byId = Object.fromEntries(ps.map((p) => [p.id, p]));
    expect(byId.a!.visible).toBe(true);
    expect(byId.c!.visible).toBe(false);
    expectNoOverlap(ps);
  });

  it('keeps labels inside the bounds and off obstacles; hides labels whose anchor is off screen', () => {
    const credits: Box = { x: 560, y: 480, w: 240, h: 80 };
    const ps = placeLabels(
      [label('edge', 790, 10), label('corner', 640, 520), label('gone', -50, 200), label('none', 0, 0, { anchor: null })],
      { bounds: BOUNDS, obstacles: [credits] },
    );
    const [edge, corner, gone, none] = ps;
    expect(edge!.visible).toBe(true);
    expect(edge!.box!.x + edge!.box!.w).toBeLessThanOrEqual(800);
    expect(edge!.box!.y).toBeGreaterThanOrEqual(0);
    expect(corner!.visible).toBe(true);
    expect(overlaps(corner!.box!, credits)).toBe(false);
    expect(gone!.visible).toBe(false);
    expect(none!.visible).toBe(false);
  });

  it('is deterministic: the input order does not change the result', () => {
    const reqs = Array.from({ length: 14 }, (_, i) =>
      label(`u${i}`, 300 + ((i * 37) % 90), 250 + ((i * 53) % 70), { priority: i % 5, centred: i % 2 === 0 }),
    );
    const a = placeLabels(reqs, { bounds: BOUNDS });
    const b = placeLabels([...reqs].reverse(), { bounds: BOUNDS }).reverse();
    expect(b).toEqual(a);
    expectNoOverlap(a);
    expect(placeLabels(reqs, { bounds: BOUNDS })).toEqual(a);
  });

  it('tries centre first (when allowed), then every direction near before far, preferred first', () => {
    const c = candidates(label('a', 0, 0, { prefer: ['e', 'w'] }), [4, 20]);
    expect(c[0]).toEqual({ at: 'c', offset: [0, 0] });
    expect(c.slice(1, 4).map((x) => x.at)).toEqual(['e', 'w', 'n']);
    expect(c[1]!.offset).toEqual([59, 0]);
    expect(c.length).toBe(1 + 2 * 8);
    expect(candidates(label('b', 0, 0, { centred: false }), [4])[0]!.at).toBe('n');
  });

  it('segment/box intersection', () => {
    const b: Box = { x: 10, y: 10, w: 10, h: 10 };
    expect(segmentHitsBox([0, 0], [30, 30], b)).toBe(true);
    expect(segmentHitsBox([0, 0], [5, 30], b)).toBe(false);
    expect(segmentHitsBox([12, 12], [14, 14], b)).toBe(true);
    expect(segmentHitsBox([0, 25], [30, 25], b)).toBe(false);
  });
});
