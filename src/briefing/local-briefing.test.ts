import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { lifelineStatusPayload } from '../../data-adapters/topics/lifeline-fixtures';
import type { AuditEntry, WallAlert } from '../presenter/protocol';
import { useWallStores } from '../stores';
import { msg } from '../stores/fixtures';
import { AUTO_BY, createLocalBriefing, DEFAULT_AUTO_HIDE_MS, startLocalBriefing, type LocalBriefingOptions } from './local-briefing';

const T0 = 1_764_000_000_000;

function alert(id: string, severity: WallAlert['severity'] = 'critical'): WallAlert {
  return { id, severity, title: `告警 ${id}`, detail: 'd', sceneId: 'monitoring', focus: { type: 'alarm', alarmId: id }, raisedAt: T0 };
}

/** A manual clock: timers fire only when the test advances it. */
function fakeTime() {
  let t = T0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number) => {
      timers.set(++seq, { at: t + ms, fn });
      return seq;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    pending: () => timers.size,
    advance(ms: number) {
      t += ms;
      for (const [id, x] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (x.at <= t && timers.has(id)) {
          timers.delete(id);
          x.fn();
        }
      }
    },
  };
}

function setup(extra: LocalBriefingOptions = {}) {
  const time = fakeTime();
  const audit: AuditEntry[] = [];
  const banners: (string | null)[] = [];
  const local = createLocalBriefing({
    now: time.now, setTimer: time.setTimer, clearTimer: time.clearTimer,
    onAudit: (e) => audit.push(e), onBanner: (a) => banners.push(a?.id ?? null), ...extra,
  });
  return { time, audit, banners, local };
}

describe('local briefing (standalone wall)', () => {
  it('banners a critical alert and records a non-critical one only', () => {
    const { local, audit, banners } = setup();
    local.receive(alert('m', 'major'));
    expect(local.banner.value).toBeNull();
    expect(audit.map((e) => e.what)).toEqual(['alert-record']);
    local.receive(alert('c'));
    expect(local.banner.value?.id).toBe('c');
    expect(banners).toEqual(['c']);
  });

  it(`takes the banner down after ${DEFAULT_AUTO_HIDE_MS / 1000} s by default, audited as auto`, () => {
    const { local, time, audit } = setup();
    local.receive(alert('c'));
    time.advance(DEFAULT_AUTO_HIDE_MS - 1);
    expect(local.banner.value?.id).toBe('c');
    time.advance(1);
    expect(local.banner.value).toBeNull();
    expect(audit.at(-1)).toMatchObject({ what: 'alert-defer', by: AUTO_BY, at: T0 + DEFAULT_AUTO_HIDE_MS });
    expect(time.pending()).toBe(0);
  });

  it('shows the next waiting critical when one comes down, each with its own full time', () => {
    const { local, time, banners } = setup({ autoHideMs: 10_000 });
    local.receive(alert('c1'));
    time.advance(4_000);
    local.receive(alert('c2'));
    time.advance(6_000);
    expect(local.banner.value?.id).toBe('c2');
    time.advance(9_999);
    expect(local.banner.value?.id).toBe('c2');
    time.advance(1);
    expect(local.banner.value).toBeNull();
    expect(banners).toEqual(['c1', 'c2', null]);
  });

  it('does not extend the time when the shown alert is only updated', () => {
    const { local, time } = setup({ autoHideMs: 10_000 });
    local.receive(alert('c'));
    time.advance(8_000);
    local.receive({ ...alert('c'), detail: 'newer' });
    expect(local.banner.value?.detail).toBe('newer');
    time.advance(2_000);
    expect(local.banner.value).toBeNull();
  });

  it('keeps the banner up with autoHideMs 0, until decided at the wall', () => {
    const opened: unknown[] = [];
    const { local, time } = setup({ autoHideMs: 0, onOpen: (t) => opened.push(t) });
    local.receive(alert('c'));
    time.advance(10 * DEFAULT_AUTO_HIDE_MS);
    expect(local.banner.value?.id).toBe('c');
    expect(local.decide('nope', 'open')).toBe(false);
    expect(local.decide('c', 'open', 'wall')).toBe(true);
    expect(local.banner.value).toBeNull();
    expect(opened).toEqual([{ alertId: 'c', sceneId: 'monitoring', focus: { type: 'alarm', alarmId: 'c' } }]);
  });

  it('a deferred alert repeated by the feed does not come back', () => {
    const { local, time } = setup({ autoHideMs: 1_000 });
    local.receive(alert('c'));
    time.advance(1_000);
    local.receive(alert('c'));
    expect(local.banner.value).toBeNull();
  });

  it('dispose clears the banner and the timer, and ignores later alerts', () => {
    const { local, time, banners } = setup();
    local.receive(alert('c'));
    local.dispose();
    expect(local.banner.value).toBeNull();
    expect(banners).toEqual(['c', null]);
    expect(time.pending()).toBe(0);
    local.receive(alert('c2'));
    expect(local.banner.value).toBeNull();
  });

  it('startLocalBriefing banners the critical gas alarm from the stores', async () => {
    setActivePinia(createPinia());
    const stores = useWallStores();
    const time = fakeTime();
    const local = startLocalBriefing(stores, { now: time.now, setTimer: time.setTimer, clearTimer: time.clearTimer });
    stores.topics.apply([msg('lifeline.status', lifelineStatusPayload(T0), T0)]);
    await nextTick();
    expect(local.banner.value).toMatchObject({ id: 'lifeline:LL20261126-0001', severity: 'critical', title: '一级告警 · 燃气 · 可燃气体浓度超限' });
    local.dispose();
    expect(local.banner.value).toBeNull();
  });
});
