/**
 * Tours are validated like scenes: `defineTour` parses a tour file with tourSchema and checks it against
 * the scene list, so a tour naming a scene, panel or unit that does not exist fails at load with the tour,
 * the step and the bad id named, instead of showing a blank step on the wall in front of a visitor.
 *
 * `autoTour` is the rotation of an unattended wall: every scene in list order, each held its own dwell.
 */
import { UNIT_IDS } from '../../data-adapters/domain';
import { SCENE_LIST } from '../../scenes';
import type { SceneSpec } from '../scene/spec';
import { tourSchema, type Tour, type TourInput } from './schema';

/** Validate a tour; throws one Error listing every problem as "steps.<i>.<field>: message". */
export function defineTour(input: TourInput, scenes: readonly SceneSpec[] = SCENE_LIST): Tour {
  const tourId = typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : '(unnamed)';
  const parsed = tourSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new Error(`tour "${tourId}" is invalid:\n${lines.join('\n')}`);
  }
  const tour = parsed.data;
  const byId = new Map(scenes.map((s) => [s.id, s]));
  const units = new Set<string>(UNIT_IDS);
  const problems: string[] = [];
  tour.steps.forEach((step, i) => {
    const scene = byId.get(step.scene);
    if (!scene) {
      problems.push(`  steps.${i}.scene: no scene "${step.scene}" (scenes: ${[...byId.keys()].join(', ')})`);
      return;
    }
    const panelId = step.highlight?.panelId;
    if (panelId !== undefined && !scene.panels.some((p) => p.id === panelId)) {
      problems.push(
        `  steps.${i}.highlight.panelId: scene "${scene.id}" has no panel "${panelId}" (panels: ${scene.panels.map((p) => p.id).join(', ')})`,
      );
    }
    const unitId = step.highlight?.unitId;
    if (unitId !== undefined && !units.has(unitId)) {
      problems.push(`  steps.${i}.highlight.unitId: no unit "${unitId}" (units: ${[...units].join(', ')})`);
    }
  });
  if (problems.length) throw new Error(`tour "${tour.id}" is invalid:\n${problems.join('\n')}`);
  return tour;
}

/** The rotation of an unattended wall: every scene in list order, held for its own dwellSeconds, looping. */
export function autoTour(scenes: readonly SceneSpec[] = SCENE_LIST, id = 'auto'): Tour {
  return defineTour(
    {
      id,
      title: '自动轮播',
      loop: true,
      steps: scenes.map((s) => ({ scene: s.id, holdSeconds: s.dwellSeconds, notes: '' })),
    },
    scenes,
  );
}
