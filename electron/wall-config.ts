/**
 * The wall config: which displays, arranged how, and how the kiosk behaves. A JSON file validated by one
 * zod schema; every problem is reported as `path: what was expected, what was found`, all at once, so an
 * installer on site fixes the file in one go. See docs/kiosk.md for the reference and
 * electron/wall.config.example.json for a 4x2 grid.
 */
import { z } from 'zod';

const int = (what: string, min: number, max: number) =>
  z.number({ error: `expected ${what}: an integer from ${min} to ${max}` }).int({ error: `expected ${what}: an integer from ${min} to ${max}` }).min(min, { error: `expected ${what} ≥ ${min}` }).max(max, { error: `expected ${what} ≤ ${max}` });

const PxRectSchema = z.strictObject({
  x: int('x in wall pixels', 0, 100_000),
  y: int('y in wall pixels', 0, 100_000),
  width: int('width in wall pixels', 1, 100_000),
  height: int('height in wall pixels', 1, 100_000),
});

/**
 * Bezels: the hidden band between the lit areas of two neighbouring panels, both bezels together.
 * In panel pixels, or in millimetres with the panel's pixel pitch (a 55" 1080p panel: 0.63 mm).
 */
const BezelSchema = z
  .strictObject({
    unit: z.enum(['px', 'mm'], { error: 'expected "px" or "mm"' }).default('px'),
    x: z.number({ error: 'expected the horizontal gap between panels (a number ≥ 0)' }).min(0).max(500).default(0),
    y: z.number({ error: 'expected the vertical gap between panels (a number ≥ 0)' }).min(0).max(500).default(0),
    pixelPitchMm: z.number({ error: 'expected the pixel pitch in mm (e.g. 0.63)' }).positive().max(20).optional(),
  })
  .refine((b) => b.unit === 'px' || b.pixelPitchMm !== undefined, { error: 'bezels in mm need pixelPitchMm (the panel pixel size in mm) to convert them', path: ['pixelPitchMm'] });

/** How an entry finds its OS display: by index in the OS list, by Electron display id, or by label. */
const DisplayMatchSchema = z.union(
  [z.strictObject({ index: int('display index', 0, 63) }), z.strictObject({ id: z.number().int() }), z.strictObject({ label: z.string().min(1) })],
  { error: 'expected a display match: {"index": n}, {"id": n} or {"label": "..."}' },
);

const GridLayoutSchema = z.strictObject({
  kind: z.literal('grid'),
  cols: int('cols', 1, 16),
  rows: int('rows', 1, 16),
  bezel: BezelSchema.default({ unit: 'px', x: 0, y: 0 }),
});

const ExplicitLayoutSchema = z
  .strictObject({
    kind: z.literal('explicit'),
    wall: z.strictObject({ width: int('wall width', 1, 100_000), height: int('wall height', 1, 100_000) }),
    displays: z.array(z.strictObject({ key: z.string().regex(/^[a-z0-9-]{1,32}$/, { error: 'expected a key of a-z, 0-9, "-"' }), match: DisplayMatchSchema, viewport: PxRectSchema }), { error: 'expected a list of displays' }).min(1, { error: 'expected at least one display' }),
  })
  .superRefine((l, ctx) => {
    const keys = new Set<string>();
    l.displays.forEach((d, i) => {
      if (keys.has(d.key)) ctx.addIssue({ code: 'custom', path: ['displays', i, 'key'], message: `duplicate key "${d.key}"` });
      keys.add(d.key);
      const v = d.viewport;
      if (v.x + v.width > l.wall.width || v.y + v.height > l.wall.height) {
        ctx.addIssue({ code: 'custom', path: ['displays', i, 'viewport'], message: `viewport ${v.x},${v.y} ${v.width}x${v.height} reaches outside the ${l.wall.width}x${l.wall.height} wall` });
      }
    });
  });

const LayoutSchema = z.discriminatedUnion('kind', [GridLayoutSchema, ExplicitLayoutSchema], { error: 'expected layout.kind "grid" or "explicit"' });

export const WallConfigSchema = z.strictObject({
  version: z.literal(1, { error: 'expected version 1' }),
  /** span: one window across every display; tile: one window per display, each showing its viewport. */
  mode: z.enum(['span', 'tile'], { error: 'expected mode "span" (one window across displays) or "tile" (one window per display)' }),
  layout: LayoutSchema,
  /** What the wall shows: the same URL parameters as the browser wall (see src/data/source-options.ts). */
  app: z
    .strictObject({
      recording: z.string().regex(/^\/recordings\/[\w.-]+\.ndjson$/, { error: 'expected a path such as /recordings/yichang-demo.ndjson' }).optional(),
      speed: z.number().min(0.1).max(100).optional(),
      seekMinutes: z.number().min(0).optional(),
      /** Extra origins the page may connect to (live REST / socket.io); none for the recorded demo. */
      connectOrigins: z.array(z.string().regex(/^(https?|wss?):\/\/[^/\s]+$/, { error: 'expected an origin such as https://ops.example.cn:8443' })).default([]),
    })
    .default({ connectOrigins: [] }),
  operator: z.strictObject({
    /** Accelerator-style combination, e.g. "Control+Alt+Shift+K". */
    combo: z.string().regex(/^((Control|Ctrl|Alt|Shift|Meta|Super)\+)+[A-Za-z0-9]{1,3}$/, { error: 'expected modifiers and a key, e.g. "Control+Alt+Shift+K"' }).default('Control+Alt+Shift+K'),
    /** "scrypt:<salt hex>:<hash hex>", made with `node electron/hash-pin.mjs <PIN>` (docs/kiosk.md). */
    pinHash: z.string().regex(/^scrypt:[0-9a-f]{16,64}:[0-9a-f]{64}$/, { error: 'expected "scrypt:<salt>:<hash>" from electron/hash-pin.mjs' }),
  }),
  recovery: z
    .strictObject({
      heartbeatMs: int('heartbeat period (ms)', 250, 10_000).default(1000),
      /** A window whose heartbeat stops this long is reloaded. */
      heartbeatTimeoutMs: int('heartbeat timeout (ms)', 2000, 120_000).default(8000),
      /** After a (re)load, time the page gets to start beating before the watchdog counts. */
      startupGraceMs: int('startup grace (ms)', 2000, 300_000).default(30_000),
      /** GPU-process crashes within the window that switch the next start to software rendering. */
      gpuCrashLimit: int('GPU crash limit', 1, 100).default(3),
      gpuCrashWindowMinutes: z.number().positive().max(24 * 60).default(10),
      /** Reloads of one window within this many minutes after which it is recreated instead. */
      reloadLoopLimit: int('reload loop limit', 2, 100).default(5),
      reloadLoopWindowMinutes: z.number().positive().max(24 * 60).default(10),
      /** Scheduled soft reload (scene, camera and data clock kept), at this local hour each day; null = never. */
      softReloadAtHour: int('soft reload hour', 0, 23).nullable().default(4),
    })
    .default({ heartbeatMs: 1000, heartbeatTimeoutMs: 8000, startupGraceMs: 30_000, gpuCrashLimit: 3, gpuCrashWindowMinutes: 10, reloadLoopLimit: 5, reloadLoopWindowMinutes: 10, softReloadAtHour: 4 }),
  /** Lead time of shared-clock commands: every window receives them before the instant they apply at. */
  clockLeadMs: int('clock lead (ms)', 20, 2000).default(150),
});

export type WallConfig = z.infer<typeof WallConfigSchema>;
export type WallLayout = WallConfig['layout'];
export type GridLayout = z.infer<typeof GridLayoutSchema>;
export type ExplicitLayout = z.infer<typeof ExplicitLayoutSchema>;
export type Bezel = z.infer<typeof BezelSchema>;
export type DisplayMatch = z.infer<typeof DisplayMatchSchema>;

export type ConfigResult = { ok: true; config: WallConfig } | { ok: false; errors: string[] };

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Validate an already-parsed value. Unknown keys are errors (a typo must not be silently ignored). */
export function parseWallConfig(value: unknown): ConfigResult {
  const r = WallConfigSchema.safeParse(value);
  if (r.success) return { ok: true, config: r.data };
  const errors = r.error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `${pathText(i.path)}: unknown key(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    return `${pathText(i.path)}: ${i.message}`;
  });
  return { ok: false, errors };
}

/** Parse the file's text: a JSON syntax error names the line and column. */
export function parseWallConfigText(text: string, fileName = 'wall config'): ConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = before.length - before.lastIndexOf('\n');
      return { ok: false, errors: [`${fileName}: not valid JSON at line ${line}, column ${col} (${msg})`] };
    }
    return { ok: false, errors: [`${fileName}: not valid JSON (${msg})`] };
  }
  const r = parseWallConfig(value);
  return r.ok ? r : { ok: false, errors: r.errors.map((e) => `${fileName}: ${e}`) };
}
