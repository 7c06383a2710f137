/**
 * Every IPC message from a renderer is checked before the main process acts on it: the sending frame
 * must be a top-level frame of our own app origin (app://citywall), the channel must be one of the
 * bridge's renderer → main channels, and the payload must match that channel's schema. Anything else is
 * refused and logged, never half-handled.
 */
import { z } from 'zod';
import { CHANNELS, type Heartbeat, type KioskWallCommand, type OperatorRequest } from './bridge-types';

export const APP_SCHEME = 'app';
export const APP_HOST = 'citywall';
export const APP_BASE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Is this URL a page of our app? Compared by scheme and host: a custom scheme's URL has the opaque
 * origin "null" under the WHATWG URL rules, so comparing `origin` strings would accept any custom URL.
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
  } catch {
    return false;
  }
}

const RestoreStateSchema = z.strictObject({
  dataClock: z.number().finite().nullable(),
  paused: z.boolean(),
  // The camera is opaque to the shell but bounded: a plain JSON value of modest size.
  camera: z.unknown().refine((v) => v === null || (typeof v === 'object' && JSON.stringify(v).length <= 4096), { message: 'camera must be null or a JSON object ≤ 4 KB' }),
  sceneId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/).nullable().optional(),
  savedAt: z.number().finite(),
});

const HeartbeatSchema = z.strictObject({
  seq: z.number().int().min(0),
  mapReady: z.boolean(),
  state: RestoreStateSchema,
}) satisfies z.ZodType<Heartbeat>;

const OperatorRequestSchema = z.strictObject({
  pin: z.string().min(4).max(32).regex(/^\d+$/, { message: 'PIN is digits only' }),
  action: z.enum(['exit', 'reload', 'close']),
}) satisfies z.ZodType<OperatorRequest>;

/** Scene keys only; the position of a jump is bounded (keys 1–9 and 0 give 0–9; a remote may go further). */
const KioskWallCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('next') }),
  z.strictObject({ kind: z.literal('prev') }),
  z.strictObject({ kind: z.literal('jump'), index: z.number().int().min(0).max(99) }),
  z.strictObject({ kind: z.literal('overview') }),
  z.strictObject({ kind: z.literal('blackout') }),
]) satisfies z.ZodType<KioskWallCommand>;

/** Renderer → main channels and their payload schemas. Main → renderer channels are not accepted here. */
export const INBOUND = {
  [CHANNELS.hello]: z.undefined(),
  [CHANNELS.heartbeat]: HeartbeatSchema,
  [CHANNELS.clockSync]: z.number().finite(),
  [CHANNELS.operatorSubmit]: OperatorRequestSchema,
  [CHANNELS.wallCommand]: KioskWallCommandSchema,
} as const;

export type InboundChannel = keyof typeof INBOUND;
export type InboundPayload<C extends InboundChannel> = z.infer<(typeof INBOUND)[C]>;

/** The part of Electron's IpcMainEvent / IpcMainInvokeEvent that is checked. */
export interface IpcSender {
  senderFrame: { url: string; parent: unknown } | null;
}

export type IpcCheck<T> = { ok: true; value: T } | { ok: false; reason: string };

export function isInboundChannel(channel: string): channel is InboundChannel {
  return Object.prototype.hasOwnProperty.call(INBOUND, channel);
}

export function validateIpc<C extends InboundChannel>(channel: C, event: IpcSender, payload: unknown): IpcCheck<InboundPayload<C>>;
export function validateIpc(channel: string, event: IpcSender, payload: unknown): IpcCheck<unknown>;
export function validateIpc(channel: string, event: IpcSender, payload: unknown): IpcCheck<unknown> {
  if (!isInboundChannel(channel)) return { ok: false, reason: `unknown channel ${JSON.stringify(channel.slice(0, 60))}` };
  const frame = event.senderFrame;
  if (!frame) return { ok: false, reason: `${channel}: the sending frame is gone` };
  if (frame.parent !== null) return { ok: false, reason: `${channel}: sent from a subframe` };
  if (!isAppUrl(frame.url)) return { ok: false, reason: `${channel}: sender ${JSON.stringify(frame.url.slice(0, 120))} is not the app (${APP_SCHEME}://${APP_HOST})` };
  const r = INBOUND[channel].safeParse(payload);
  if (!r.success) return { ok: false, reason: `${channel}: bad payload: ${r.error.issues.map((i) => `${i.path.join('.') || '(payload)'} ${i.message}`).join('; ')}` };
  return { ok: true, value: r.data };
}

/**
 * A token bucket for messages a page may send at will (scene keys): `burst` at once, then one every
 * `everyMs`. The page already drops auto-repeat, but a stuck clicker button or a misbehaving page can send
 * keydowns without the repeat flag; each scene change starts a crossfade and a camera flight on every
 * window, so the wall takes them at a pace a presenter can follow and refuses the rest.
 */
export class RateLimiter {
  private tokens: number;
  private last: number | null = null;

  constructor(
    private readonly burst: number,
    private readonly everyMs: number,
  ) {
    this.tokens = burst;
  }

  /** Take a token at `now` (ms, monotonic); false when the bucket is empty. */
  take(now: number): boolean {
    if (this.last !== null) this.tokens = Math.min(this.burst, this.tokens + Math.max(0, now - this.last) / this.everyMs);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
