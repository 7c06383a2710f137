/**
 * A scene is typed data (after CZML and kepler.gl's config schemas): camera, layers, panels bound to
 * store selectors, ticker, dwell time. `scenes/<name>.ts` exports one spec and no rendering code; the
 * SceneView reconciles it into panels through the panel registry. Specs are validated with zod so a
 * broken scene fails loudly, with the path of what is wrong, before anything renders.
 */
import { z } from 'zod';
import { BINDING_IDS } from './bindings';
import { PANEL_KINDS, PANEL_REGISTRY } from '../panels/registry';

export const cameraSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** Metres above the ellipsoid. */
  height: z.number().positive().max(20_000_000),
  /** Degrees, 0 = north. */
  heading: z.number().min(-360).max(360),
  /** Degrees, -90 = straight down. */
  pitch: z.number().min(-90).max(0),
});

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
  /** Override of the binding's stale threshold, minutes of data time. */
  staleAfterMinutes: z.number().positive().max(7 * 24 * 60).optional(),
});

export const sceneSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string().min(1).max(20),
    camera: cameraSchema,
    layers: z.array(z.string().min(1)),
    panels: z.array(panelSpecSchema).min(1).max(16),
    ticker: z.boolean(),
    dwellSeconds: z.number().positive().max(3600),
  })
  .superRefine((scene, ctx) => {
    const seen = new Set<string>();
    scene.panels.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['panels', i, 'id'], message: `duplicate panel id "${p.id}"` });
      seen.add(p.id);
      const def = PANEL_REGISTRY[p.kind];
      if (!(def.bindings as readonly string[]).includes(p.binding)) {
        ctx.addIssue({
          code: 'custom',
          path: ['panels', i, 'binding'],
          message: `panel "${p.id}": kind "${p.kind}" cannot show binding "${p.binding}" (it shows ${def.bindings.join(', ')})`,
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
