/**
 * The briefing alert queue: what the wall does with an alert its data raised. Pure (no clock, no I/O):
 * the hub (server/hub/) and a standalone wall (local-briefing.ts) feed it and carry out the effects it
 * returns. Every function returns a new state and never touches the one it was given.
 *
 * What a command centre expects:
 *   - A critical alert always shows the wall banner at once, briefing or not. If a banner is up already,
 *     it waits in `pending` (first come, first shown) and shows as soon as the current one is decided.
 *     Critical alerts never queue silently.
 *   - During a briefing, major and minor alerts go to `queued` silently (audit only): the presenter works
 *     through them afterwards from the remote.
 *   - Outside a briefing, major and minor alerts are not bannered (the panels show them already) and not
 *     listed: they are only recorded in the audit log.
 *   - open: banner down (or off the lists), the hub switches to the alert's scene and focuses it.
 *     defer: banner down, the alert moves to `queued` (listed on the remote, not bannered again).
 *     dismiss: gone. After open or defer or dismiss of the banner, the next pending critical shows.
 *   - Turning the briefing off releases the queue without bannering it: `queued` stays listed for the
 *     remote (the presenter deferred or held them on purpose; putting a deferred critical back on the wall
 *     the moment the briefing ends would undo that decision). New major/minor alerts are then recorded only.
 *   - Same id twice is one alert. A changed alert replaces the old one where it sits (banner text is
 *     updated in place). An alert that was decided or only recorded comes back only if it escalated to a
 *     higher severity; a feed repeating the same alarm every snapshot does not re-raise it.
 *   - Sizes are bounded: queued ≤ MAX_QUEUED (oldest dropped, audited), pending ≤ MAX_PENDING (oldest
 *     moves to queued, audited: still listed, never lost silently), seen ≤ MAX_SEEN (internal memory).
 *   - Every change of what the wall shows and every decision is audited, with who decided.
 */
import type { AuditEntry, FocusTarget, WallAlert } from '../presenter/protocol';

export type AlertSeverity = WallAlert['severity'];
export type AlertDecision = 'open' | 'defer' | 'dismiss';

/** An alert that is on no list any more (decided, dropped, or only recorded): remembered for dedupe. */
export interface SeenAlert {
  id: string;
  severity: AlertSeverity;
}

export interface AlertQueueState {
  /** The alert on the wall banner now (critical, or a critical that was later downgraded while shown). */
  banner: WallAlert | null;
  /** Critical alerts waiting for the banner, oldest first. */
  pending: WallAlert[];
  /** Alerts held for the presenter (briefing non-critical, deferred, pending overflow), oldest first. */
  queued: WallAlert[];
  /** Ids decided or recorded, oldest first, bounded. Internal: HubState.alerts gets only the three above. */
  seen: SeenAlert[];
}

export type AlertEffect =
  /** Show, replace (same or other id) or take down (null) the wall banner. */
  | { kind: 'banner'; alert: WallAlert | null }
  /** The presenter opened an alert: switch to its scene and focus its target (either may be absent). */
  | { kind: 'open'; alertId: string; sceneId?: string; focus?: FocusTarget }
  | { kind: 'audit'; entry: AuditEntry };

export interface AlertQueueResult {
  state: AlertQueueState;
  effects: AlertEffect[];
  /** Set when the call changed nothing because it could not apply (unknown alert id): the hub's ack text. */
  error?: string;
}

export const MAX_QUEUED = 200;
export const MAX_PENDING = 50;
export const MAX_SEEN = 1000;

const SEVERITY_RANK: Record<AlertSeverity, number> = { minor: 0, major: 1, critical: 2 };
const SEVERITY_NAME: Record<AlertSeverity, string> = { critical: '一级', major: '二级', minor: '三级' };

// Limits of auditEntrySchema (src/presenter/protocol.ts): entries must parse on the other side.
const AUDIT_DETAIL_MAX = 500;
const AUDIT_BY_MAX = 80;

export function emptyAlertQueue(): AlertQueueState {
  return { banner: null, pending: [], queued: [], seen: [] };
}

/** The part of the state HubState.alerts carries. */
export function hubAlerts(s: AlertQueueState): { banner: WallAlert | null; pending: WallAlert[]; queued: WallAlert[] } {
  return { banner: s.banner, pending: s.pending, queued: s.queued };
}

/** A new alert (or a new version of one) from the wall's data. Callers pass alerts parsed by alertSchema. */
export function receiveAlert(s: AlertQueueState, alert: WallAlert, briefing: boolean, at: number): AlertQueueResult {
  const effects: AlertEffect[] = [];
  const audit = (what: string, detail: string) => effects.push(auditEffect(at, what, detail));

  // Already on the banner: update the text in place (the presenter is looking at it).
  if (s.banner?.id === alert.id) {
    if (sameAlert(s.banner, alert)) return { state: s, effects };
    const state = { ...s, banner: alert };
    return { state, effects: [...bannerEffects(s.banner, alert, at, undefined, 'updated'), ...effects] };
  }

  const pendingAt = s.pending.findIndex((a) => a.id === alert.id);
  if (pendingAt >= 0) {
    const old = s.pending[pendingAt]!;
    if (sameAlert(old, alert)) return { state: s, effects };
    if (alert.severity === 'critical') {
      audit('alert-update', `待处理告警更新 · ${describe(alert)}`);
      return { state: { ...s, pending: replaceAt(s.pending, pendingAt, alert) }, effects };
    }
    // Downgraded while waiting: it no longer earns the banner; route it as the non-critical it is now.
    audit('alert-update', `待处理告警降级 · ${describe(alert)}`);
    return routeNew({ ...s, pending: removeAt(s.pending, pendingAt) }, alert, briefing, at, effects);
  }

  const queuedAt = s.queued.findIndex((a) => a.id === alert.id);
  if (queuedAt >= 0) {
    const old = s.queued[queuedAt]!;
    if (sameAlert(old, alert)) return { state: s, effects };
    if (SEVERITY_RANK[alert.severity] > SEVERITY_RANK[old.severity] && alert.severity === 'critical') {
      // Escalated to critical while held: critical never waits silently.
      audit('alert-escalate', `队列中告警升级为一级 · ${describe(alert)}`);
      return routeNew({ ...s, queued: removeAt(s.queued, queuedAt) }, alert, briefing, at, effects);
    }
    // Same place in the list; a deferred critical stays deferred (the presenter decided on it).
    return { state: { ...s, queued: replaceAt(s.queued, queuedAt, alert) }, effects };
  }

  const seenAt = s.seen.findIndex((x) => x.id === alert.id);
  if (seenAt >= 0) {
    const old = s.seen[seenAt]!;
    if (SEVERITY_RANK[alert.severity] <= SEVERITY_RANK[old.severity]) return { state: s, effects };
    audit('alert-escalate', `告警升级 ${SEVERITY_NAME[old.severity]}→${SEVERITY_NAME[alert.severity]} · ${describe(alert)}`);
    return routeNew({ ...s, seen: removeAt(s.seen, seenAt) }, alert, briefing, at, effects);
  }

  return routeNew(s, alert, briefing, at, effects);
}

/** The presenter's decision on the banner, a pending critical or a queued alert. */
export function decideAlert(s: AlertQueueState, alertId: string, decision: AlertDecision, at: number, by?: string): AlertQueueResult {
  const effects: AlertEffect[] = [];
  const audit = (what: string, detail: string) => effects.push(auditEffect(at, what, detail, by));
  const verb = DECISION_VERB[decision];

  let state: AlertQueueState;
  let alert: WallAlert;
  if (s.banner?.id === alertId) {
    alert = s.banner;
    const [next, ...rest] = s.pending;
    state = { ...s, banner: next ?? null, pending: rest };
    // Order: banner first, so the wall's banner is down (or replaced) as the scene switches.
    effects.push(...bannerEffects(s.banner, state.banner, at, by, verb));
  } else {
    const pendingAt = s.pending.findIndex((a) => a.id === alertId);
    const queuedAt = pendingAt >= 0 ? -1 : s.queued.findIndex((a) => a.id === alertId);
    if (pendingAt >= 0) {
      alert = s.pending[pendingAt]!;
      state = { ...s, pending: removeAt(s.pending, pendingAt) };
    } else if (queuedAt >= 0) {
      alert = s.queued[queuedAt]!;
      if (decision === 'defer') {
        // Already held: nothing to do, but say so (the remote's button press is answered).
        return { state: s, effects, error: '该告警已在队列中 · already queued' };
      }
      state = { ...s, queued: removeAt(s.queued, queuedAt) };
    } else {
      return { state: s, effects, error: `未知告警 · unknown alert ${truncate(alertId, 80)}` };
    }
  }

  if (decision === 'defer') {
    state = pushQueued(state, alert, at, effects);
    audit('alert-defer', `${verb} · ${describe(alert)}`);
  } else {
    state = { ...state, seen: remember(state.seen, alert) };
    audit(`alert-${decision}`, `${verb} · ${describe(alert)}`);
    if (decision === 'open') {
      const open: AlertEffect = { kind: 'open', alertId: alert.id };
      if (alert.sceneId !== undefined) open.sceneId = alert.sceneId;
      if (alert.focus !== undefined) open.focus = alert.focus;
      effects.push(open);
    }
  }
  return { state, effects };
}

/**
 * Briefing on or off. The flag itself lives with the caller (HubState.briefing) and is passed to every
 * receiveAlert; this records the change and applies what it means for the queue (see the header: turning
 * it off leaves `queued` listed and bannered nothing).
 */
export function setBriefing(s: AlertQueueState, on: boolean, at: number, by?: string): AlertQueueResult {
  const detail = on
    ? '简报模式开启 · 非一级告警静默排队'
    : `简报模式结束 · 队列 ${s.queued.length} 条保留在遥控器列表`;
  return { state: s, effects: [auditEffect(at, 'briefing', detail, by)] };
}

// ---------- internals ----------

const DECISION_VERB: Record<AlertDecision, string> = { open: '打开', defer: '稍后处理', dismiss: '忽略' };

/** An alert the queue holds nowhere yet. */
function routeNew(s: AlertQueueState, alert: WallAlert, briefing: boolean, at: number, effects: AlertEffect[]): AlertQueueResult {
  const audit = (what: string, detail: string) => effects.push(auditEffect(at, what, detail));
  if (alert.severity === 'critical') {
    if (s.banner === null) {
      effects.push(...bannerEffects(null, alert, at, undefined, 'shown'));
      return { state: { ...s, banner: alert }, effects };
    }
    audit('alert-pending', `一级告警等待横幅 · ${describe(alert)}`);
    let pending = [...s.pending, alert];
    let state = s;
    if (pending.length > MAX_PENDING) {
      // An alarm storm: the oldest waiting critical moves to the presenter's list rather than vanish.
      const [oldest, ...rest] = pending;
      pending = rest;
      audit('alert-overflow', `待处理过多，转入队列 · ${describe(oldest!)}`);
      state = pushQueued(state, oldest!, at, effects);
    }
    return { state: { ...state, pending }, effects };
  }
  if (briefing) {
    audit('alert-queue', `简报中静默排队 · ${describe(alert)}`);
    return { state: pushQueued(s, alert, at, effects), effects };
  }
  audit('alert-record', `已记录（面板显示） · ${describe(alert)}`);
  return { state: { ...s, seen: remember(s.seen, alert) }, effects };
}

/** Append to `queued`, dropping the oldest beyond MAX_QUEUED (audited; remembered so it does not return). */
function pushQueued(s: AlertQueueState, alert: WallAlert, at: number, effects: AlertEffect[]): AlertQueueState {
  let queued = [...s.queued, alert];
  let seen = s.seen;
  while (queued.length > MAX_QUEUED) {
    const [oldest, ...rest] = queued;
    queued = rest;
    seen = remember(seen, oldest!);
    effects.push(auditEffect(at, 'alert-drop', `队列已满，移除最早一条 · ${describe(oldest!)}`));
  }
  return { ...s, queued, seen };
}

function remember(seen: SeenAlert[], alert: WallAlert): SeenAlert[] {
  const next = seen.filter((x) => x.id !== alert.id);
  next.push({ id: alert.id, severity: alert.severity });
  return next.length > MAX_SEEN ? next.slice(next.length - MAX_SEEN) : next;
}

function bannerEffects(prev: WallAlert | null, next: WallAlert | null, at: number, by: string | undefined, why: string): AlertEffect[] {
  if (prev === next) return [];
  const effects: AlertEffect[] = [{ kind: 'banner', alert: next }];
  if (prev !== null && (next === null || next.id !== prev.id)) {
    effects.push(auditEffect(at, 'banner', `横幅撤下（${why}） · ${describe(prev)}`, by));
  }
  if (next !== null) {
    const how = prev?.id === next.id ? '横幅更新' : '横幅显示';
    effects.push(auditEffect(at, 'banner', `${how} · ${describe(next)}`, by));
  }
  return effects;
}

function auditEffect(at: number, what: string, detail: string, by?: string): AlertEffect {
  const entry: AuditEntry = { at, what, detail: truncate(detail, AUDIT_DETAIL_MAX) };
  if (by !== undefined) entry.by = truncate(by, AUDIT_BY_MAX);
  return { kind: 'audit', entry };
}

function describe(a: WallAlert): string {
  return `${SEVERITY_NAME[a.severity]} ${a.title} [${a.id}]`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function sameAlert(a: WallAlert, b: WallAlert): boolean {
  return (
    a.id === b.id &&
    a.severity === b.severity &&
    a.title === b.title &&
    a.detail === b.detail &&
    a.sceneId === b.sceneId &&
    a.raisedAt === b.raisedAt &&
    JSON.stringify(a.focus ?? null) === JSON.stringify(b.focus ?? null)
  );
}

function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  const next = [...list];
  next[i] = item;
  return next;
}

function removeAt<T>(list: readonly T[], i: number): T[] {
  return [...list.slice(0, i), ...list.slice(i + 1)];
}
