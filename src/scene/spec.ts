/**
 * A scene is typed data (after CZML and kepler.gl's config schemas): camera, layers, panels bound to
 * store selectors, ticker, dwell time. `scenes/<name>.ts` exports one spec and no rendering code; the
 * SceneView reconciles it into panels through the panel registry. Specs are validated with zod so a
 * broken scene fails loudly, with the path of what is wrong, before anything renders.
 */
import { z } from 'zod';
import { BINDING_IDS, BINDINGS } from './bindings';
import type { DataShape } from '../panels/types';
import { PANEL_KINDS, PANEL_REGISTRY } from '../panels/registry';
import { HOME_PITCH_DEG, VIEW_LIMITS, type MapView } from '../map/view';

const [FIT_PITCH_MIN, FIT_PITCH_MAX] = VIEW_LIMITS.fitPitch;
const [LOOK_PITCH_MIN, LOOK_PITCH_MAX] = VIEW_LIMITS.lookAtPitch;
const [RANGE_MIN, RANGE_MAX] = VIEW_LIMITS.range;
const heading = z
  .number()
  .min(VIEW_LIMITS.heading[0], 'heading: degrees clockwise from north, -360…360')
  .max(VIEW_LIMITS.heading[1], 'heading: degrees clockwise from north, -360…360')
  .default(0);

/**
 * The map's viewpoint (src/map/view.ts), target-based like the map frames things; a discriminated union on
 * `kind`. Degrees; pitch −90 looks straight down. Unknown keys are errors (an old `{lon, lat, height}`
 * camera fails loudly instead of being half-read).
 */
export const cameraSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      /** Frame all 13 units for the map box at hand (re-fitted when the box changes). */
      kind: z.literal('fit-units'),
      pitch: z
        .number()
        .min(FIT_PITCH_MIN, `pitch: ${FIT_PITCH_MIN}…${FIT_PITCH_MAX} degrees for fit-units (−90 looks straight down)`)
        .max(FIT_PITCH_MAX, `pitch: ${FIT_PITCH_MIN}…${FIT_PITCH_MAX} degrees for fit-units (shallower puts the far units on the horizon)`)
        .default(HOME_PITCH_DEG),
      heading,
    }),
    z.strictObject({
      /** Look at one point from `range` metres away (a district, an alarm). */
      kind: z.literal('look-at'),
      lon: z.number().min(-180, 'lon: -180…180 degrees').max(180, 'lon: -180…180 degrees'),
      lat: z.number().min(-90, 'lat: -90…90 degrees').max(90, 'lat: -90…90 degrees'),
      range: z
        .number()
        .min(RANGE_MIN, `range: metres from the camera to the target, ${RANGE_MIN}…${RANGE_MAX}`)
        .max(RANGE_MAX, `range: metres from the camera to the target, ${RANGE_MIN}…${RANGE_MAX}`),
      pitch: z
        .number()
        .min(LOOK_PITCH_MIN, `pitch: ${LOOK_PITCH_MIN}…${LOOK_PITCH_MAX} degrees for look-at (−90 looks straight down)`)
        .max(LOOK_PITCH_MAX, `pitch: ${LOOK_PITCH_MIN}…${LOOK_PITCH_MAX} degrees for look-at`)
        .default(HOME_PITCH_DEG),
      heading,
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'camera needs kind "fit-units" (frame all 13 units: pitch, heading) or "look-at" (lon, lat, range, pitch, heading)'
        : undefined,
  },
);

export const panelSpecSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'panel id: lower-case letters, digits and dashes'),
  kind: z.enum(PANEL_KINDS),
  title: z.string().min(1).max(16),
  binding: z.enum(BINDING_IDS),
  /** Side column, or a strip above ('top') / below ('bottom') the map in the centre. */
  slot: z.enum(['left', 'right', 'top', 'bottom']),
  order: z.number().int().min(0),
  /** Side columns: relative height (s < m < l). Centre strips: fixed strip height. */
  size: z.enum(['s', 'm', 'l']),
  /** Counting word of the figures where the kind shows one (e.g. '个' for berths; default '件'). */
  unit: z.string().min(1).max(4).optional(),
  /** What the panel's head figure shows where the kind has a choice: the sum (counts), or the top item (scores). */
  headline: z.enum(['total', 'top']).optional(),
  /** Override of the binding's stale threshold, minutes of data time. */
  staleAfterMinutes: z.number().positive().max(7 * 24 * 60).optional(),
});

export const sceneSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string().min(1).max(20),
    camera: cameraSchema,
    layers: z.array(z.string().min(1)),
    /**
     * Draw the city components (井盖 manholes, 路灯 streetlights, 管线 pipes) with their live status. The
     * map loads them the first time a scene asks (tens of MB decoded off the main thread) and keeps them;
     * they show only when the camera is close, so pair this with a camera within ~15 km.
     */
    facilities: z.boolean().default(false),
    /** Point layers drawn on the map from bindings of shape "mapPoints" (car parks, sensors, incidents). */
    points: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'points id: lower-case letters, digits and dashes'),
          binding: z.enum(BINDING_IDS),
          /** dot: steady; pulse: breathing ring for alarms; ring: hollow marker for resources. */
          style: z.enum(['dot', 'pulse', 'ring']).default('dot'),
        }),
      )
      .max(8)
      .default([]),
    panels: z.array(panelSpecSchema).min(1).max(16),
    ticker: z.boolean(),
    dwellSeconds: z.number().positive().max(3600),
  })
  .superRefine((scene, ctx) => {
    scene.points.forEach((l, i) => {
      const shape = BINDINGS[l.binding].shape as DataShape;
      if (shape !== 'mapPoints') {
        ctx.addIssue({ code: 'custom', path: ['points', i, 'binding'], message: `points "${l.id}": binding "${l.binding}" gives "${shape}", not "mapPoints"` });
      }
    });
    const seen = new Set<string>();
    scene.panels.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['panels', i, 'id'], message: `duplicate panel id "${p.id}"` });
      seen.add(p.id);
      const def = PANEL_REGISTRY[p.kind];
      const shape = BINDINGS[p.binding].shape;
      if (!(def.shapes as readonly string[]).includes(shape)) {
        ctx.addIssue({
          code: 'custom',
          path: ['panels', i, 'binding'],
          message: `panel "${p.id}": kind "${p.kind}" cannot show binding "${p.binding}" (its data is "${shape}"; the kind draws ${def.shapes.join(', ')})`,
        });
      }
      if (!(def.slots as readonly string[]).includes(p.slot)) {
        ctx.addIssue({
          code: 'custom',
          path: ['panels', i, 'slot'],
          message: `panel "${p.id}": kind "${p.kind}" does not fit slot "${p.slot}" (use ${def.slots.join(' or ')})`,
        });
      }
    });
  });

export type SceneSpec = z.infer<typeof sceneSpecSchema>;
export type PanelSpec = z.infer<typeof panelSpecSchema>;
export type CameraSpec = z.infer<typeof cameraSchema>;
/** The spec's camera is handed to the map as is: keep the two shapes one. */
const _cameraIsMapView: (c: CameraSpec) => MapView = (c) => c;
void _cameraIsMapView;
/** What a scene file writes (before validation). */
export type SceneSpecInput = z.input<typeof sceneSpecSchema>;

/** Validate a scene; throws one Error listing every problem as "path: message". */
export function defineScene(input: SceneSpecInput): SceneSpec {
  const parsed = sceneSpecSchema.safeParse(input);
  if (!parsed.success) {
    const id = typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : '(unnamed)';
    const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new Error(`scene "${id}" is invalid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
