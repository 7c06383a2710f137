import { describe, expect, it } from 'vitest';
import { SCENE_LIST, SCENES } from '../index';
import { UNIT_IDS } from '../../data-adapters/domain';
import { autoTour, defineTour } from '../../src/tour/define';
import { tourSchema, type TourInput } from '../../src/tour/schema';
import { AUTO_TOUR_ID, BRIEFING_TOUR_ID, DEMO_TOUR_ID, TOUR_LIST, TOURS } from './index';

/** bbox of public/geo/yichang-counties.geojson (its README): a camera outside it looks at nothing of ours. */
const BBOX = { lon: [110.256, 112.087], lat: [29.943, 31.57] } as const;

describe('the shipped tours', () => {
  it('are listed by their ids, with the agreed ids', () => {
    expect(TOUR_LIST.map((t) => t.id).sort()).toEqual([AUTO_TOUR_ID, BRIEFING_TOUR_ID, DEMO_TOUR_ID].sort());
    expect([AUTO_TOUR_ID, DEMO_TOUR_ID, BRIEFING_TOUR_ID]).toEqual(['auto', 'demo', 'briefing']);
    for (const t of TOUR_LIST) expect(TOURS[t.id]).toBe(t);
  });

  it.each(TOUR_LIST.map((t) => [t.id, t] as const))('%s re-validates and names only scenes, panels and units that exist', (_id, t) => {
    expect(tourSchema.parse(t)).toEqual(t);
    expect(defineTour(t)).toEqual(t);
    t.steps.forEach((step) => {
      const scene = SCENES[step.scene];
      expect(scene, `scene ${step.scene}`).toBeDefined();
      if (step.highlight?.panelId) expect(scene!.panels.map((p) => p.id)).toContain(step.highlight.panelId);
      if (step.highlight?.unitId) expect(UNIT_IDS).toContain(step.highlight.unitId);
      if (step.camera?.kind === 'look-at') {
        expect(step.camera.lon).toBeGreaterThan(BBOX.lon[0]);
        expect(step.camera.lon).toBeLessThan(BBOX.lon[1]);
        expect(step.camera.lat).toBeGreaterThan(BBOX.lat[0]);
        expect(step.camera.lat).toBeLessThan(BBOX.lat[1]);
      }
    });
  });

  it('auto rotates every scene in list order at its own dwell, looping', () => {
    const auto = TOURS[AUTO_TOUR_ID]!;
    expect(auto.loop).toBe(true);
    expect(auto.steps.map((s) => [s.scene, s.holdSeconds])).toEqual(SCENE_LIST.map((s) => [s.id, s.dwellSeconds]));
    expect(autoTour()).toEqual(auto);
  });

  it('demo shows every scene once, 20–30 s each, looping', () => {
    const demo = TOURS[DEMO_TOUR_ID]!;
    expect(demo.loop).toBe(true);
    expect(demo.steps.map((s) => s.scene).sort()).toEqual(SCENE_LIST.map((s) => s.id).sort());
    for (const s of demo.steps) {
      expect(s.holdSeconds).toBeGreaterThanOrEqual(20);
      expect(s.holdSeconds).toBeLessThanOrEqual(30);
    }
  });

  it('briefing is a story of 8–10 steps that ends, with notes for every step and a camera flight where it helps', () => {
    const b = TOURS[BRIEFING_TOUR_ID]!;
    expect(b.loop).toBe(false);
    expect(b.steps.length).toBeGreaterThanOrEqual(8);
    expect(b.steps.length).toBeLessThanOrEqual(10);
    // The agreed story order: first appearance of each scene.
    const order = b.steps.map((s) => s.scene).filter((s, i, all) => all.indexOf(s) === i);
    expect(order).toEqual(['overview', 'command', 'monitoring', 'flood', 'decision', 'evaluation']);
    for (const s of b.steps) {
      expect(s.notes.length).toBeGreaterThan(30);
      expect(s.highlight?.panelId).toBeTruthy();
    }
    expect(b.steps.filter((s) => s.camera?.kind === 'look-at').length).toBeGreaterThanOrEqual(2);
    // Presenter notes read the panel, not a frozen figure: no "123件"-style case counts or percentages (fixed facts like "13个县市区" are fine).
    for (const s of b.steps) expect(s.notes).not.toMatch(/\d+\s*(件|起|%|万)/);
  });
});

describe('defineTour refuses a broken tour, naming the step', () => {
  const base: TourInput = {
    id: 'broken',
    title: '坏的',
    steps: [
      { scene: 'overview', holdSeconds: 10 },
      { scene: 'monitoring', holdSeconds: 10 },
    ],
  };

  it('an unknown scene', () => {
    const input = { ...base, steps: [base.steps[0]!, { scene: 'nowhere', holdSeconds: 10 }] };
    expect(() => defineTour(input)).toThrow(/tour "broken" is invalid:[\s\S]*steps\.1\.scene: no scene "nowhere"/);
  });

  it('a panel that the step’s scene does not have (even if another scene has it)', () => {
    // 'work-order' is a monitoring panel, not an overview one.
    const input = { ...base, steps: [{ scene: 'overview', holdSeconds: 10, highlight: { panelId: 'work-order' } }, base.steps[1]!] };
    expect(() => defineTour(input)).toThrow(/steps\.0\.highlight\.panelId: scene "overview" has no panel "work-order"/);
  });

  it('an unknown unit', () => {
    const input = { ...base, steps: [base.steps[0]!, { scene: 'monitoring', holdSeconds: 10, highlight: { unitId: 'atlantis' } }] };
    expect(() => defineTour(input)).toThrow(/steps\.1\.highlight\.unitId: no unit "atlantis"/);
  });

  it('a schema error (bad hold, bad camera) with its path', () => {
    const input = { ...base, steps: [base.steps[0]!, { scene: 'monitoring', holdSeconds: -1 }] };
    expect(() => defineTour(input)).toThrow(/tour "broken" is invalid:[\s\S]*steps\.1\.holdSeconds/);
    const cam = { ...base, steps: [{ scene: 'overview', holdSeconds: 5, camera: { kind: 'look-at', lon: 111, lat: 30 } }] } as unknown as TourInput;
    expect(() => defineTour(cam)).toThrow(/steps\.0\.camera\.range/);
  });

  it('lists every problem at once', () => {
    const input = {
      ...base,
      steps: [
        { scene: 'nowhere', holdSeconds: 10 },
        { scene: 'flood', holdSeconds: 10, highlight: { panelId: 'nope', unitId: 'nope' } },
      ],
    };
    let message = '';
    try {
      defineTour(input);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n').filter((l) => l.startsWith('  steps.'))).toHaveLength(3);
  });

  it('a valid tour passes and gets its defaults', () => {
    const t = defineTour(base);
    expect(t.loop).toBe(true);
    expect(t.steps[0]!.notes).toBe('');
  });
});
