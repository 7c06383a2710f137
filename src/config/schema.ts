/**
 * The wall's one configuration file, public/citywall.config.json, as a zod schema (kepler.gl style):
 * demo (a recording) or live (a feed server). Human-readable reference: docs/configuration.md.
 *
 *   { "mode": "demo", "demo": { "recording": "/recordings/yichang-demo.ndjson", "speed": 1 } }
 *   { "mode": "live", "live": { "url": "https://feed.example.cn", "transport": "socket.io",
 *                               "topics": { "case.event": { "pollSeconds": 2, "staleAfterSeconds": 300 } } } }
 *
 * Either mode may add a "presenter" section (the presenter hub, issue #7):
 *
 *   "presenter": { "hub": "auto", "wallKey": "…", "tour": "off" }
 *     hub      "auto" (default): use the hub that serves this page if it answers /api/presenter/hello;
 *              "off": never; or the hub's http(s) URL ("http://10.0.0.9:4500").
 *     wallKey  the key wall pages present to the hub (when the hub asks for one).
 *     tour     a wall without a hub plays this tour by itself on the demo ("demo", a tour id; default "off").
 *
 * Unknown keys are errors (a misspelt "stalAfterSeconds" must not be silently ignored on a wall that
 * runs for weeks); "$comment" is allowed anywhere a note is useful.
 */
import { z } from 'zod';
import { TOPICS, type Topic } from '../../data-adapters/schemas';
import type { LiveSourceOptions, LiveTransport } from '../../data-adapters/live/live-source';

export const CONFIG_URL = '/citywall.config.json';
export const DEFAULT_RECORDING = '/recordings/yichang-demo.ndjson';

const comment = { $comment: z.string().optional() };
const seconds = (min: number, max: number) => z.number().min(min, `must be at least ${min} s`).max(max, `must be at most ${max} s`);

const topicSchema = z.strictObject({
  ...comment,
  /** REST polling interval (transport "rest", or while the socket is down). */
  pollSeconds: seconds(0.5, 3600).optional(),
  /** No data (or 304) for this long → the topic's panels show "数据截至 hh:mm:ss". */
  staleAfterSeconds: seconds(5, 7 * 86_400).optional(),
});

const topicKeys = Object.keys(TOPICS) as [Topic, ...Topic[]];

const liveSchema = z.strictObject({
  ...comment,
  url: z
    .string()
    .refine((u) => /^https?:\/\/[^/\s]+(\/.*)?$/.test(u) && URL.canParse(u), 'must be an http:// or https:// URL such as "https://feed.example.cn"'),
  transport: z.enum(['socket.io', 'rest'] satisfies LiveTransport[]).default('socket.io'),
  requestTimeoutSeconds: seconds(1, 120).default(8),
  /** Give up on the socket and poll REST after it has been down this long. */
  fallbackAfterSeconds: seconds(1, 3600).default(5),
  retry: z
    .strictObject({ ...comment, minSeconds: seconds(0.1, 600).default(1), maxSeconds: seconds(1, 3600).default(30) })
    .refine((r) => r.maxSeconds >= r.minSeconds, { message: 'maxSeconds must be ≥ minSeconds', path: ['maxSeconds'] })
    .default({ minSeconds: 1, maxSeconds: 30 }),
  topics: z
    .record(z.string(), topicSchema)
    .superRefine((rec, ctx) => {
      for (const key of Object.keys(rec)) {
        if (!(topicKeys as string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown topic; known topics: ${topicKeys.join(', ')}` });
      }
    })
    .default({}),
});

const demoSchema = z.strictObject({
  ...comment,
  /** A same-origin path of a recording. */
  recording: z
    .string()
    .regex(/^\/(?!\/)[^\\\s]*$/, 'must be a same-origin path such as "/recordings/yichang-demo.ndjson"')
    .default(DEFAULT_RECORDING),
  speed: z.number().min(0.25, 'must be at least 0.25').max(64, 'must be at most 64').default(1),
});

const httpUrl = z
  .string()
  .refine((u) => /^https?:\/\/[^/\s]+(\/.*)?$/.test(u) && URL.canParse(u), 'must be "auto", "off" or an http:// or https:// URL such as "http://10.0.0.9:4500"');

const presenterSchema = z.strictObject({
  ...comment,
  hub: z.union([z.enum(['auto', 'off']), httpUrl]).default('auto'),
  wallKey: z.string().min(1).max(200).optional(),
  tour: z.string().regex(/^[a-z0-9-]+$/, 'must be "off", "demo" or a tour id (lower-case letters, digits and dashes)').default('off'),
});

export const wallConfigSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    ...comment,
    $schema: z.string().optional(),
    mode: z.literal('demo'),
    demo: demoSchema.default({ recording: DEFAULT_RECORDING, speed: 1 }),
    presenter: presenterSchema.optional(),
  }),
  z.strictObject({ ...comment, $schema: z.string().optional(), mode: z.literal('live'), live: liveSchema, demo: demoSchema.optional(), presenter: presenterSchema.optional() }),
]);

export type WallConfig = z.infer<typeof wallConfigSchema>;
export type LiveConfig = z.infer<typeof liveSchema>;
export type PresenterConfig = z.infer<typeof presenterSchema>;

/** The presenter section with its defaults (a config without one: find the hub by itself, no local tour). */
export function presenterConfig(config: WallConfig): PresenterConfig {
  return config.presenter ?? { hub: 'auto', tour: 'off' };
}

export const DEFAULT_CONFIG: WallConfig = { mode: 'demo', demo: { recording: DEFAULT_RECORDING, speed: 1 } };

export type ConfigCheck = { ok: true; config: WallConfig } | { ok: false; errors: string[] };

/** Validate a parsed config file; every problem is one line naming its path, e.g. `live.url: must be …`. */
export function checkWallConfig(value: unknown): ConfigCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, errors: ['(root): must be a JSON object'] };
  const mode = (value as { mode?: unknown }).mode;
  if (mode !== 'demo' && mode !== 'live') return { ok: false, errors: [`mode: must be "demo" or "live" (got ${JSON.stringify(mode) ?? 'nothing'})`] };
  const parsed = wallConfigSchema.safeParse(value);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => {
      const path = i.path.length > 0 ? i.path.join('.') : '(root)';
      const message = i.code === 'unrecognized_keys' ? `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message;
      return `${path}: ${message}`;
    }),
  };
}

/** The live source options a live config stands for. */
export function liveSourceOptions(live: LiveConfig): LiveSourceOptions {
  const topics: NonNullable<LiveSourceOptions['topics']> = {};
  for (const [topic, t] of Object.entries(live.topics)) {
    topics[topic as Topic] = {
      ...(t.pollSeconds !== undefined ? { pollMs: t.pollSeconds * 1000 } : {}),
      ...(t.staleAfterSeconds !== undefined ? { staleAfterMs: t.staleAfterSeconds * 1000 } : {}),
    };
  }
  return {
    url: live.url,
    transport: live.transport,
    requestTimeoutMs: live.requestTimeoutSeconds * 1000,
    fallbackAfterMs: live.fallbackAfterSeconds * 1000,
    backoff: { baseMs: live.retry.minSeconds * 1000, maxMs: live.retry.maxSeconds * 1000, factor: 2, jitter: 0.5 },
    topics,
  };
}
