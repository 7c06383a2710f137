/** The four featured-topic scenes: registered last in the agreed order, bindings that carry a source, layouts that fit. */
import { describe, expect, it } from 'vitest';
import { PANEL_REGISTRY } from '../src/panels/registry';
import { BINDINGS } from '../src/scene/bindings';
import { layoutStage } from '../src/stage/layout';
import { SCENE_LIST } from './index';

const FEATURED = ['flood', 'parking', 'skyeye', 'emergency'];

describe('featured-topic scenes', () => {
  it('come last in SCENE_LIST, in the agreed order', () => {
    expect(SCENE_LIST.slice(-4).map((s) => s.id)).toEqual(FEATURED);
  });

  describe.each(FEATURED)('%s', (id) => {
    const scene = SCENE_LIST.find((s) => s.id === id)!;

    it('shows 5–9 panels and map points, every binding with its source system', () => {
      expect(scene.panels.length).toBeGreaterThanOrEqual(5);
      expect(scene.panels.length).toBeLessThanOrEqual(9);
      expect(scene.points.length).toBeGreaterThan(0);
      for (const b of [...scene.panels.map((p) => p.binding), ...scene.points.map((p) => p.binding)]) {
        expect(BINDINGS[b].source, b).toBeTruthy();
      }
      expect(scene.panels.filter((p) => p.slot === 'top').length).toBeLessThanOrEqual(1);
      expect(scene.panels.filter((p) => p.slot === 'bottom').length).toBeLessThanOrEqual(1);
    });

    it.each([1920, 3840])('lays out legibly at %i wall units wide', (width) => {
      const panels = scene.panels.map((p) => ({ id: p.id, slot: p.slot, order: p.order, size: p.size, minHeight: PANEL_REGISTRY[p.kind].minHeight }));
      expect(layoutStage(width, panels, scene.ticker).cramped).toEqual([]);
    });
  });
});
