/**
 * Alerts from the wall's own data, for the briefing queue (alert-queue.ts, run by the hub or by
 * local-briefing.ts on a standalone wall):
 *   - lifeline alarms that are still active (待研判 / 已转工单 / 处置中): their level is the severity
 *     (一级 = critical shows the banner), scene `monitoring`, focus the alarm;
 *   - the rules engine's real-time suggestions at its top level (`warning`): major, scene `decision`,
 *     focus the 实时预警 panel. They are analysis, not incidents, so they never take the banner on their own;
 *   - escalated (督办) cases: minor, scene `command`, focus the case's unit. Plain overdue cases are not
 *     alerts: there are dozens a day and the command scene lists them; an escalation is the event.
 *
 * The feed is untrusted: every text is cleaned (control and bidi-override characters out, whitespace
 * collapsed), capped, and every alert is parsed by alertSchema before it leaves this module. Texts carry
 * no running figures (minutes late, scores) so an alert does not "change" with every data batch.
 */
import { watch, type WatchStopHandle } from 'vue';
import { CATEGORIES, unitName, type UnitId } from '../../data-adapters/domain';
import { alarmStateName, sectorName, type LifelineAlarm, type LifelineStatus, isActiveAlarmState } from '../../data-adapters/topics/lifeline';
import type { SuggestionsData } from '../panels/types';
import { alertSchema, type WallAlert } from '../presenter/protocol';
import { factsFromStores, realtimeSuggestions } from '../scene/bind/decision';
import type { WallStores } from '../stores';
import type { CaseAlert } from '../stores/reducers/cases';

/** What alertsFrom reads: plain values, so it is testable without stores. */
export interface AlertSnapshot {
  lifeline: LifelineStatus | null;
  /** The rules engine's real-time suggestions (decision.warnings), or null before its facts arrived. */
  warnings: SuggestionsData | null;
  /** When the warnings were computed (data clock): their raisedAt. */
  warningsAsOf: number | null;
  /** Open overdue / escalated cases (cases store `alerts`). */
  caseAlerts: readonly CaseAlert[];
}

/** Alerts per snapshot at most, most severe first (a storm should not flood the hub). */
export const MAX_ALERTS = 100;

const LEVEL_NAME = { critical: '一级', major: '二级', minor: '三级' } as const;
const TITLE_MAX = 120;
const DETAIL_MAX = 300;
const ID_MAX = 80;

export function alertsFrom(snap: AlertSnapshot): WallAlert[] {
  const out: WallAlert[] = [];
  for (const a of snap.lifeline?.alarms ?? []) {
    if (isActiveAlarmState(a.state)) out.push(lifelineAlert(a));
  }
  for (const w of snap.warnings?.items ?? []) {
    if (w.severity !== 'warning') continue;
    out.push({
      id: capId(`decision:${w.id}`),
      severity: 'major',
      title: `预警 · ${w.title}`,
      detail: w.explanation,
      sceneId: 'decision',
      focus: { type: 'panel', panelId: 'warnings' },
      raisedAt: snap.warningsAsOf ?? 0,
    });
  }
  for (const c of snap.caseAlerts) {
    if (!c.escalated) continue;
    out.push({
      id: capId(`case:${c.caseId}`),
      severity: 'minor',
      title: `督办 · ${unitLabel(c.unitId)} · ${CATEGORIES.find((x) => x.id === c.category)?.name ?? c.category}`,
      detail: `${c.address} · 案件 ${c.caseId}`,
      sceneId: 'command',
      focus: { type: 'unit', unitId: c.unitId },
      raisedAt: c.since,
    });
  }
  const valid: WallAlert[] = [];
  for (const a of out) {
    const parsed = alertSchema.safeParse(clean(a));
    if (parsed.success) valid.push(parsed.data);
  }
  const rank = { critical: 0, major: 1, minor: 2 } as const;
  // Stable sort: within a severity the sources keep their order (lifeline newest first as the feed sends).
  valid.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return valid.slice(0, MAX_ALERTS);
}

/** "一级告警 · 燃气 · 可燃气体浓度超限". */
function lifelineAlert(a: LifelineAlarm): WallAlert {
  const reading = a.reading ? `读数 ${a.reading.value}${a.reading.unit}` : '';
  const state = a.caseId ? `${alarmStateName(a.state)} ${a.caseId}` : alarmStateName(a.state);
  return {
    id: capId(`lifeline:${a.id}`),
    severity: a.level,
    title: `${LEVEL_NAME[a.level]}告警 · ${sectorName(a.sector)} · ${a.kind}`,
    detail: [a.place, unitLabel(a.unitId), reading, state].filter((x) => x !== '').join(' · '),
    sceneId: 'monitoring',
    focus: { type: 'alarm', alarmId: a.id },
    raisedAt: a.at,
  };
}

function unitLabel(id: UnitId): string {
  return unitName(id);
}

// Control characters, and the bidi overrides/isolates that could make feed text read differently on
// the wall than it is stored.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Cleaned, whitespace-collapsed, capped at `max` characters (code points, so no half surrogate). */
export function cleanText(text: string, max: number): string {
  const flat = text.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** Ids longer than the protocol allows keep a readable head and a hash of the whole (no collisions by cut). */
export function capId(raw: string): string {
  if (raw.length <= ID_MAX) return raw;
  let h = 0x811c9dc5;
  for (let i = 0; i < raw.length; i++) {
    h ^= raw.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${raw.slice(0, ID_MAX - 9)}~${h.toString(16).padStart(8, '0')}`;
}

function clean(a: WallAlert): WallAlert {
  return { ...a, title: cleanText(a.title, TITLE_MAX), detail: cleanText(a.detail, DETAIL_MAX) };
}

/** What makes an alert "changed" for the watcher. raisedAt is left out: it may move with the data clock. */
export function alertFingerprint(a: WallAlert): string {
  return JSON.stringify([a.severity, a.title, a.detail, a.sceneId ?? null, a.focus ?? null]);
}

/**
 * Emits each alert that is new or changed since the last emission, once. Alerts that leave the data are
 * forgotten (a returning alarm is emitted again; the queue dedupes by id). Returns the stop handle.
 * Pure core: `diffAlerts`.
 */
export function watchAlerts(stores: WallStores, onAlert: (alert: WallAlert) => void): WatchStopHandle {
  let emitted = new Map<string, string>();
  return watch(
    () => alertsFrom(snapshotFromStores(stores)),
    (alerts) => {
      const { changed, next } = diffAlerts(emitted, alerts);
      emitted = next;
      for (const a of changed) onAlert(a);
    },
    { immediate: true },
  );
}

/** The alerts of `alerts` not emitted before in this form, and the new "emitted" memory. Pure. */
export function diffAlerts(emitted: ReadonlyMap<string, string>, alerts: readonly WallAlert[]): { changed: WallAlert[]; next: Map<string, string> } {
  const next = new Map<string, string>();
  const changed: WallAlert[] = [];
  for (const a of alerts) {
    const fp = alertFingerprint(a);
    if (next.has(a.id)) continue;
    next.set(a.id, fp);
    if (emitted.get(a.id) !== fp) changed.push(a);
  }
  return { changed, next };
}

/** The snapshot alertsFrom reads, off the wall's stores (reactive reads: call inside a watch getter). */
export function snapshotFromStores(stores: WallStores): AlertSnapshot {
  const lifeline = stores.topics.latest('lifeline.status');
  const facts = factsFromStores(stores);
  const warnings = facts.lifeline === null && facts.overdueOpen === null ? null : realtimeSuggestions(facts);
  return { lifeline, warnings, warningsAsOf: facts.asOf, caseAlerts: stores.cases.alerts };
}
