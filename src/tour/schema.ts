/**
 * A briefing tour is data (`scenes/tours/<id>.ts`): an ordered list of steps, each a scene with an optional
 * camera flight and highlight, held for its dwell time, with presenter notes that only the remote shows.
 * Validated like scenes, so a bad tour fails loudly at load with the step and field named.
 *
 * The playback of a tour (which step, when it ends, paused or not) is computed by the pure runner in
 * `src/tour/runner.ts` from injected time, so the hub, a standalone demo wall and the tests run the same code.
 */
import { z } from 'zod';
import { cameraSchema } from '../scene/spec';

export const tourStepSchema = z.strictObject({
  /** Scene id (scenes/index.ts); checked against the scene list when the tour is defined. */
  scene: z.string().min(1),
  /** A short caption for the remote's step list; defaults to the scene's title. */
  title: z.string().max(60).optional(),
  /** Fly here instead of the scene's own camera. */
  camera: cameraSchema.optional(),
  /** Draw attention to one panel (its spec id) or one unit on the map while the step shows. */
  highlight: z.strictObject({ panelId: z.string().min(1).optional(), unitId: z.string().min(1).optional() }).optional(),
  /** Dwell: how long the step holds before the tour moves on (seconds; the hub may scale it in tests). */
  holdSeconds: z.number().positive().max(3600),
  /** Presenter notes: shown on the remote only, never on the wall. */
  notes: z.string().max(2000).default(''),
});

export const tourSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id: lower-case letters, digits and dashes'),
  title: z.string().min(1).max(60),
  /** Start over after the last step (unattended walls, demo) or stop on it (a briefing). */
  loop: z.boolean().default(true),
  steps: z.array(tourStepSchema).min(1).max(200),
});

export type TourStep = z.infer<typeof tourStepSchema>;
export type Tour = z.infer<typeof tourSchema>;
export type TourInput = z.input<typeof tourSchema>;
