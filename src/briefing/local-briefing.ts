/**
 * Briefing alerts on a standalone wall (no presenter hub): the same queue the hub runs (alert-queue.ts),
 * never in briefing mode, so critical alerts show the banner and the rest are only recorded. Nobody is
 * there to decide, so a banner comes down by itself after `autoHideMs` (deferred, "auto"), and the next
 * waiting critical shows. When the wall connects to a hub, dispose this: the hub owns the banner then.
 *
 * Time and timers are injected so the behaviour is unit-tested without waiting.
 */
import { shallowRef, type ShallowRef } from 'vue';
import type { AuditEntry, FocusTarget, WallAlert } from '../presenter/protocol';
import type { WallStores } from '../stores';
import { decideAlert, emptyAlertQueue, receiveAlert, type AlertDecision, type AlertEffect, type AlertQueueState } from './alert-queue';
import { watchAlerts } from './alert-source';

export const DEFAULT_AUTO_HIDE_MS = 60_000;
/** Who the audit names when the wall takes a banner down by itself. */
export const AUTO_BY = '自动收起 · auto';

export interface LocalBriefingOptions {
  /** How long a banner stays up with nobody to decide (ms); 0 or less keeps it up until decided. */
  autoHideMs?: number;
  /** Wall-clock ms for the audit entries. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Every banner change (the wall-link puts it into wall-state's `banner`). */
  onBanner?: (alert: WallAlert | null) => void;
  /** A decision to open an alert (e.g. a key at the wall): go to its scene and focus it. */
  onOpen?: (target: { alertId: string; sceneId?: string; focus?: FocusTarget }) => void;
  onAudit?: (entry: AuditEntry) => void;
}

export interface LocalBriefing {
  /** The alert the banner shows now: bind it to <AlertBanner :alert>. */
  readonly banner: Readonly<ShallowRef<WallAlert | null>>;
  readonly state: Readonly<ShallowRef<AlertQueueState>>;
  receive(alert: WallAlert): void;
  /** Decide the banner (or any held alert) at the wall; false when the id is unknown. */
  decide(alertId: string, decision: AlertDecision, by?: string): boolean;
  /** Stop the timer (and the store watch, when started with startLocalBriefing). The banner is cleared. */
  dispose(): void;
}

export function createLocalBriefing(opts: LocalBriefingOptions = {}): LocalBriefing {
  const autoHideMs = opts.autoHideMs ?? DEFAULT_AUTO_HIDE_MS;
  const now = opts.now ?? Date.now;
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));

  const state = shallowRef<AlertQueueState>(emptyAlertQueue());
  const banner = shallowRef<WallAlert | null>(null);
  let timer: unknown = null;
  let timedId: string | null = null;
  let disposed = false;

  function stopTimer(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
    timedId = null;
  }

  /** One timer per banner alert: an update of the same alert's text does not extend its time. */
  function armTimer(): void {
    const shown = banner.value;
    if (shown === null || autoHideMs <= 0) return stopTimer();
    if (timedId === shown.id) return;
    stopTimer();
    timedId = shown.id;
    timer = setTimer(() => {
      timer = null;
      timedId = null;
      if (!disposed && banner.value?.id === shown.id) decide(shown.id, 'defer', AUTO_BY);
    }, autoHideMs);
  }

  function run(result: { state: AlertQueueState; effects: AlertEffect[] }): void {
    state.value = result.state;
    for (const e of result.effects) {
      if (e.kind === 'banner') {
        banner.value = e.alert;
        opts.onBanner?.(e.alert);
      } else if (e.kind === 'open') {
        const { kind: _kind, ...target } = e;
        opts.onOpen?.(target);
      } else {
        opts.onAudit?.(e.entry);
      }
    }
    armTimer();
  }

  function receive(alert: WallAlert): void {
    if (disposed) return;
    run(receiveAlert(state.value, alert, false, now()));
  }

  function decide(alertId: string, decision: AlertDecision, by?: string): boolean {
    if (disposed) return false;
    const result = decideAlert(state.value, alertId, decision, now(), by);
    if (result.error !== undefined) return false;
    run(result);
    return true;
  }

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    stopTimer();
    if (banner.value !== null) {
      banner.value = null;
      opts.onBanner?.(null);
    }
  }

  return { banner, state, receive, decide, dispose };
}

/** createLocalBriefing fed by the wall's stores (alert-source.ts). Call inside an active Pinia. */
export function startLocalBriefing(stores: WallStores, opts: LocalBriefingOptions = {}): LocalBriefing {
  const local = createLocalBriefing(opts);
  const stop = watchAlerts(stores, (a) => local.receive(a));
  return {
    ...local,
    dispose() {
      stop();
      local.dispose();
    },
  };
}
