/**
 * The presenter bus: the contract between the hub (server/hub/, Node), the wall pages (src/presenter/)
 * and the remote page (src/remote/). Types plus zod schemas for everything a side receives from another
 * (untrusted until parsed), and the names of namespaces, events and REST paths. No Node, DOM or Vue
 * imports: all three sides bundle this file.
 *
 * Shape:
 *   - One hub per wall (several hubs behind one Redis for scale-out and failover). It serves the built app
 *     (wall and remote pages), owns the master clock, the tour playback, the control lock and the audit log.
 *   - Wall pages connect to HUB_WALL_NS with the wall key; they sync their clock to the hub's
 *     (HUB_EVENTS.clockSync) and apply every ClockCommand (electron/shared-clock.ts) at its master instant,
 *     so several PCs switch in the same frame.
 *   - Remotes pair over REST (POST HUB_PAIR_PATH with the short code the wall shows), then connect to
 *     HUB_REMOTE_NS with the token. Unpaired, expired or wrong-Origin clients are refused by middleware.
 *   - Every client gets the full HubState on connect (late joiners) and after every change.
 */
import { z } from 'zod';
import type { ClockCommand } from '../../electron/bridge-types';

export const HUB_WALL_NS = '/wall';
export const HUB_REMOTE_NS = '/remote';
/** POST {code, name} → PairReply (JSON). Origin checked; wrong codes are rate-limited. */
export const HUB_PAIR_PATH = '/api/presenter/pair';
/** The remote page, served by the hub from the built app. */
export const REMOTE_PAGE_PATH = '/remote.html';

export const HUB_EVENTS = {
  /** hub → wall, remote: HubState (on connect and on every change). */
  state: 'hub:state',
  /** hub → wall: ClockCommand (apply at cmd.applyAt on the master clock). */
  command: 'hub:command',
  /** hub → wall: PairingInfo (code to show, the remote URL for the QR). */
  pairing: 'hub:pairing',
  /** wall → hub, with ack: t0 (wall local ms) → ClockSyncReply {t0, master}. */
  clockSync: 'clock:sync',
  /** wall → hub: WallReport, every ~2 s and on change. */
  wallReport: 'wall:report',
  /** wall → hub: WallAlert, an alert the wall's data raised (briefing mode decides what to do with it). */
  wallAlert: 'wall:alert',
  /** wall → hub: AuditEntry the wall showed (banner shown, scene complete…). */
  wallAudit: 'wall:audit',
  /**
   * wall → hub, with ack → CommandAck: a clicker or keyboard at a wall PC (next/prev/goTo/blackout only).
   * On a hub the wall never switches by itself: the hub schedules the change for every wall.
   */
  wallCommand: 'wall:cmd',
  /** remote → hub, with ack → CommandAck. */
  remoteCommand: 'remote:cmd',
  /** hub → remote: Toast (refusals, handover requests) for this remote only. */
  toast: 'hub:toast',
} as const;

// ---------- identities and limits ----------
const id = z.string().min(1).max(80);
const label = z.string().max(200);
const epochMs = z.number().finite().nonnegative();

// ---------- pairing ----------
export const pairRequestSchema = z.object({
  code: z.string().regex(/^\d{6}$/, 'code: the 6 digits shown on the wall'),
  /** What the presenter calls this device ("张主任的手机"); shown on the wall and in the audit log. */
  name: z.string().trim().min(1).max(40),
});
export type PairRequest = z.infer<typeof pairRequestSchema>;

export type PairReply =
  | { ok: true; token: string; clientId: string; expiresAt: number }
  | { ok: false; error: string };

export interface PairingInfo {
  code: string;
  /** When the code rotates (hub wall-clock ms); it also rotates after each successful pairing. */
  expiresAt: number;
  /** The remote page's URL on the LAN, for the QR code. */
  remoteUrl: string;
}

// ---------- focus and highlight ----------
export const focusTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unit'), unitId: id }),
  z.object({ type: z.literal('alarm'), alarmId: id }),
  z.object({ type: z.literal('panel'), panelId: id }),
]);
export type FocusTarget = z.infer<typeof focusTargetSchema>;

// ---------- alerts (briefing mode) ----------
export const alertSchema = z.object({
  id,
  severity: z.enum(['critical', 'major', 'minor']),
  title: label,
  /** Untrusted text from the feed: every side renders it as text. */
  detail: z.string().max(500),
  /** Scene that shows it, and what to focus there when the presenter opens it. */
  sceneId: id.optional(),
  focus: focusTargetSchema.optional(),
  raisedAt: epochMs,
});
export type WallAlert = z.infer<typeof alertSchema>;

// ---------- remote commands ----------
export const remoteCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('next') }),
  z.object({ kind: z.literal('prev') }),
  z.object({ kind: z.literal('goTo'), sceneId: id }),
  z.object({ kind: z.literal('tour'), action: z.enum(['start', 'pause', 'resume', 'stop']), tourId: id.optional() }),
  z.object({ kind: z.literal('focus'), target: focusTargetSchema.nullable() }),
  z.object({ kind: z.literal('blackout'), on: z.boolean() }),
  z.object({
    kind: z.literal('playback'),
    action: z.enum(['play', 'pause', 'speed', 'seek']),
    speed: z.number().min(0.25).max(64).optional(),
    dataTime: epochMs.optional(),
  }),
  z.object({ kind: z.literal('alert'), alertId: id, decision: z.enum(['open', 'defer', 'dismiss']) }),
  z.object({ kind: z.literal('briefing'), on: z.boolean() }),
  /** take: ask for control (granted at once if nobody holds it); release; accept/decline a handover asked of me. */
  z.object({ kind: z.literal('control'), action: z.enum(['take', 'release', 'accept', 'decline']) }),
]);
export type RemoteCommand = z.infer<typeof remoteCommandSchema>;

export type CommandAck = { ok: true } | { ok: false; error: string };

export interface Toast {
  level: 'info' | 'warn' | 'error';
  text: string;
  /** A handover asked of this remote: it answers with control accept/decline. */
  handoverFrom?: { clientId: string; name: string };
}

// ---------- wall reports ----------
export const wallReportSchema = z.object({
  wallId: id,
  sceneId: id,
  /** The data clock and playback as this wall sees them (demo: the recording). */
  dataTime: epochMs.nullable(),
  startTime: epochMs.nullable(),
  endTime: epochMs.nullable(),
  speed: z.number().finite().positive().max(100),
  paused: z.boolean(),
  demo: z.boolean(),
  /** What the presenter may focus now: the alarms on the wall (id + label, label is untrusted text). */
  alarms: z.array(z.object({ id, label })).max(50),
});
export type WallReport = z.infer<typeof wallReportSchema>;

export const auditEntrySchema = z.object({
  at: epochMs,
  /** scene | blackout | focus | banner | alert-open | alert-defer | control | tour | playback | pairing … */
  what: z.string().min(1).max(40),
  detail: z.string().max(500),
  by: z.string().max(80).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

// ---------- hub state (hub → everyone) ----------
export interface TourStatus {
  tourId: string;
  title: string;
  index: number;
  count: number;
  playing: boolean;
  /** Master-clock instant the current step ends (null when paused). */
  stepEndsAt: number | null;
  /** Paused: what was left of the step. */
  remainingMs: number | null;
}

export interface HubState {
  /** Increases with every change; clients drop states older than the one they hold. */
  rev: number;
  hubId: string;
  sceneId: string;
  /** The scene a `next` would show (tour order when a tour runs, else the scene list's). */
  nextSceneId: string;
  tour: TourStatus | null;
  blackout: boolean;
  focus: FocusTarget | null;
  /** Briefing mode: non-critical alerts queue silently. On while a presenter holds control, or as set. */
  briefing: boolean;
  controller: { clientId: string; name: string } | null;
  /** A pending handover: `to` asked, the controller has to accept. */
  handover: { toClientId: string; toName: string; askedAt: number } | null;
  /** The banner on the wall, critical alerts waiting behind it, and alerts held for the presenter (non-critical during a briefing, deferred, overflow). */
  alerts: { banner: WallAlert | null; pending: WallAlert[]; queued: WallAlert[] };
  /** Playback as the walls report it (the first wall's report; null before any wall reported). */
  playback: { dataTime: number | null; startTime: number | null; endTime: number | null; speed: number; paused: boolean; demo: boolean } | null;
  walls: { wallId: string; sceneId: string; lastSeen: number }[];
  /** Alarms the remote may focus (from the walls' reports). */
  alarms: { id: string; label: string }[];
}

export type { ClockCommand };
