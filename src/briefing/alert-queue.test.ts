import { describe, expect, it } from 'vitest';
import { auditEntrySchema, type WallAlert } from '../presenter/protocol';
import {
  decideAlert,
  emptyAlertQueue,
  hubAlerts,
  MAX_PENDING,
  MAX_QUEUED,
  MAX_SEEN,
  receiveAlert,
  setBriefing,
  type AlertEffect,
  type AlertQueueResult,
  type AlertQueueState,
} from './alert-queue';

const T0 = 1_764_000_000_000;

function alert(id: string, severity: WallAlert['severity'], extra: Partial<WallAlert> = {}): WallAlert {
  return { id, severity, title: `告警 ${id}`, detail: `detail ${id}`, sceneId: 'monitoring', focus: { type: 'alarm', alarmId: id }, raisedAt: T0, ...extra };
}

/** Deep-freeze so any mutation of an input state throws in strict mode. */
function frozen<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) frozen(v);
    Object.freeze(x);
  }
  return x;
}

function receiveAll(s: AlertQueueState, alerts: WallAlert[], briefing: boolean): AlertQueueState {
  for (const a of alerts) s = receiveAlert(frozen(s), a, briefing, T0).state;
  return s;
}

const banners = (r: AlertQueueResult) => r.effects.filter((e): e is Extract<AlertEffect, { kind: 'banner' }> => e.kind === 'banner');
const audits = (r: AlertQueueResult) => r.effects.filter((e): e is Extract<AlertEffect, { kind: 'audit' }> => e.kind === 'audit').map((e) => e.entry);
const opens = (r: AlertQueueResult) => r.effects.filter((e): e is Extract<AlertEffect, { kind: 'open' }> => e.kind === 'open');
const ids = (list: WallAlert[]) => list.map((a) => a.id);

describe('receiveAlert during a briefing', () => {
  it('queues major and minor alerts silently: no banner, one audit entry each', () => {
    const r1 = receiveAlert(frozen(emptyAlertQueue()), alert('a', 'major'), true, T0);
    const r2 = receiveAlert(frozen(r1.state), alert('b', 'minor'), true, T0 + 1);
    expect(ids(r2.state.queued)).toEqual(['a', 'b']);
    expect(r2.state.banner).toBeNull();
    expect(banners(r1)).toHaveLength(0);
    expect(banners(r2)).toHaveLength(0);
    expect(audits(r1).map((e) => e.what)).toEqual(['alert-queue']);
    expect(audits(r2)[0]).toMatchObject({ what: 'alert-queue', at: T0 + 1 });
  });

  it('shows a critical alert on the banner at once', () => {
    const r = receiveAlert(frozen(emptyAlertQueue()), alert('c', 'critical'), true, T0);
    expect(r.state.banner?.id).toBe('c');
    expect(banners(r)).toEqual([{ kind: 'banner', alert: alert('c', 'critical') }]);
    expect(audits(r)).toEqual([expect.objectContaining({ what: 'banner', at: T0 })]);
    expect(audits(r)[0]!.detail).toContain('横幅显示');
  });

  it('puts a second critical in pending while a banner is up, never in the silent queue', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('c1', 'critical')], true);
    const r = receiveAlert(frozen(s), alert('c2', 'critical'), true, T0);
    expect(r.state.banner?.id).toBe('c1');
    expect(ids(r.state.pending)).toEqual(['c2']);
    expect(r.state.queued).toEqual([]);
    expect(banners(r)).toHaveLength(0);
    expect(audits(r).map((e) => e.what)).toEqual(['alert-pending']);
  });
});

describe('receiveAlert outside a briefing', () => {
  it('banners a critical alert as well', () => {
    const r = receiveAlert(emptyAlertQueue(), alert('c', 'critical'), false, T0);
    expect(r.state.banner?.id).toBe('c');
    expect(banners(r)).toHaveLength(1);
  });

  it('records major/minor alerts in the audit only: not bannered, not listed', () => {
    const r = receiveAlert(frozen(emptyAlertQueue()), alert('m', 'major'), false, T0);
    expect(hubAlerts(r.state)).toEqual({ banner: null, pending: [], queued: [] });
    expect(banners(r)).toHaveLength(0);
    expect(audits(r).map((e) => e.what)).toEqual(['alert-record']);
    // …and remembered: the feed repeating it records nothing more.
    const again = receiveAlert(frozen(r.state), alert('m', 'major', { detail: 'newer text' }), false, T0 + 5);
    expect(again.effects).toEqual([]);
  });

  it('brings a recorded alert back when it escalates to critical', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('x', 'minor')], false);
    const r = receiveAlert(frozen(s), alert('x', 'critical'), false, T0);
    expect(r.state.banner?.id).toBe('x');
    expect(audits(r).map((e) => e.what)).toEqual(['alert-escalate', 'banner']);
    expect(r.state.seen.some((x) => x.id === 'x')).toBe(false);
  });

  it('brings a recorded minor back when it escalates to major during a briefing (queued)', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('x', 'minor')], false);
    const r = receiveAlert(frozen(s), alert('x', 'major'), true, T0);
    expect(ids(r.state.queued)).toEqual(['x']);
    expect(banners(r)).toHaveLength(0);
  });
});

describe('dedupe and updates', () => {
  it('treats the same alert twice as one (no effects, no second entry)', () => {
    for (const sev of ['critical', 'major'] as const) {
      const s = receiveAll(emptyAlertQueue(), [alert('a', sev), alert('c0', 'critical')], true);
      const r = receiveAlert(frozen(s), alert('a', sev), true, T0 + 9);
      expect(r.effects).toEqual([]);
      expect(r.state).toBe(s);
    }
    const s = receiveAll(emptyAlertQueue(), [alert('c0', 'critical'), alert('c1', 'critical')], true);
    const r = receiveAlert(frozen(s), alert('c1', 'critical'), true, T0);
    expect(r.effects).toEqual([]);
    expect(ids(r.state.pending)).toEqual(['c1']);
  });

  it('replaces the banner text in place when the bannered alert changes', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('c', 'critical')], true);
    const updated = alert('c', 'critical', { detail: '浓度 35%LEL' });
    const r = receiveAlert(frozen(s), updated, true, T0 + 1);
    expect(r.state.banner).toEqual(updated);
    expect(banners(r)).toEqual([{ kind: 'banner', alert: updated }]);
    expect(audits(r)).toHaveLength(1);
    expect(audits(r)[0]!.detail).toContain('横幅更新');
  });

  it('keeps a bannered alert on the banner when it is downgraded (the presenter decides it)', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('c', 'critical')], true);
    const r = receiveAlert(frozen(s), alert('c', 'major'), true, T0 + 1);
    expect(r.state.banner).toMatchObject({ id: 'c', severity: 'major' });
    expect(r.state.queued).toEqual([]);
  });

  it('replaces a queued alert in place, keeping its position', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('a', 'minor'), alert('b', 'minor'), alert('c', 'minor')], true);
    const r = receiveAlert(frozen(s), alert('b', 'major', { title: 'new' }), true, T0);
    expect(ids(r.state.queued)).toEqual(['a', 'b', 'c']);
    expect(r.state.queued[1]).toMatchObject({ severity: 'major', title: 'new' });
    expect(banners(r)).toHaveLength(0);
  });

  it('takes a queued alert that escalates to critical out of the queue and banners it', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('a', 'minor'), alert('b', 'major')], true);
    const r = receiveAlert(frozen(s), alert('b', 'critical'), true, T0);
    expect(ids(r.state.queued)).toEqual(['a']);
    expect(r.state.banner?.id).toBe('b');
    expect(banners(r)).toHaveLength(1);
  });

  it('updates a pending critical in place, and routes it as non-critical when downgraded', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('c0', 'critical'), alert('c1', 'critical'), alert('c2', 'critical')], true);
    const r1 = receiveAlert(frozen(s), alert('c1', 'critical', { detail: 'x' }), true, T0);
    expect(ids(r1.state.pending)).toEqual(['c1', 'c2']);
    expect(r1.state.pending[0]!.detail).toBe('x');
    const r2 = receiveAlert(frozen(r1.state), alert('c1', 'major'), true, T0);
    expect(ids(r2.state.pending)).toEqual(['c2']);
    expect(ids(r2.state.queued)).toEqual(['c1']);
    const r3 = receiveAlert(frozen(r1.state), alert('c1', 'minor'), false, T0);
    expect(ids(r3.state.pending)).toEqual(['c2']);
    expect(r3.state.queued).toEqual([]);
  });

  it('does not re-raise a decided alert the feed repeats, unless it escalates', () => {
    let s = receiveAll(emptyAlertQueue(), [alert('c', 'critical')], true);
    s = decideAlert(s, 'c', 'dismiss', T0).state;
    const again = receiveAlert(frozen(s), alert('c', 'critical', { detail: 'changed' }), true, T0);
    expect(again.effects).toEqual([]);
    expect(again.state.banner).toBeNull();

    let t = receiveAll(emptyAlertQueue(), [alert('m', 'major')], true);
    t = decideAlert(t, 'm', 'open', T0).state;
    expect(receiveAlert(t, alert('m', 'major'), true, T0).effects).toEqual([]);
    expect(receiveAlert(t, alert('m', 'critical'), true, T0).state.banner?.id).toBe('m');
  });
});

describe('decideAlert', () => {
  const twoCriticals = () => receiveAll(emptyAlertQueue(), [alert('c1', 'critical'), alert('c2', 'critical')], true);

  it('open: banner down, hub opens the scene with the focus, next pending shows, audited with who', () => {
    const r = decideAlert(frozen(twoCriticals()), 'c1', 'open', T0 + 100, '张主任的手机');
    expect(r.error).toBeUndefined();
    expect(r.state.banner?.id).toBe('c2');
    expect(r.state.pending).toEqual([]);
    expect(opens(r)).toEqual([{ kind: 'open', alertId: 'c1', sceneId: 'monitoring', focus: { type: 'alarm', alarmId: 'c1' } }]);
    expect(banners(r)).toEqual([{ kind: 'banner', alert: alert('c2', 'critical') }]);
    // The banner effect comes before the open, so the wall is clear as it switches.
    expect(r.effects.findIndex((e) => e.kind === 'banner')).toBeLessThan(r.effects.findIndex((e) => e.kind === 'open'));
    const entries = audits(r);
    expect(entries.map((e) => e.what)).toEqual(['banner', 'banner', 'alert-open']);
    expect(entries.every((e) => e.by === '张主任的手机' && e.at === T0 + 100)).toBe(true);
  });

  it('open with only one alert takes the banner down (null)', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('c', 'critical')], false);
    const r = decideAlert(s, 'c', 'open', T0);
    expect(r.state.banner).toBeNull();
    expect(banners(r)).toEqual([{ kind: 'banner', alert: null }]);
  });

  it('open emits no scene or focus the alert does not have', () => {
    const s = receiveAll(emptyAlertQueue(), [{ id: 'c', severity: 'critical', title: 't', detail: '', raisedAt: T0 }], false);
    expect(opens(decideAlert(s, 'c', 'open', T0))).toEqual([{ kind: 'open', alertId: 'c' }]);
  });

  it('defer: banner down, alert moves to queued, the next pending shows', () => {
    const r = decideAlert(frozen(twoCriticals()), 'c1', 'defer', T0, 'p');
    expect(r.state.banner?.id).toBe('c2');
    expect(ids(r.state.queued)).toEqual(['c1']);
    expect(opens(r)).toEqual([]);
    expect(audits(r).at(-1)).toMatchObject({ what: 'alert-defer', by: 'p' });
    // A deferred critical stays deferred when the feed repeats it.
    expect(receiveAlert(r.state, alert('c1', 'critical'), true, T0).effects).toEqual([]);
  });

  it('dismiss: removed everywhere, next pending shows', () => {
    const r = decideAlert(frozen(twoCriticals()), 'c1', 'dismiss', T0, 'p');
    expect(r.state.banner?.id).toBe('c2');
    expect(r.state.queued).toEqual([]);
    expect(r.state.pending).toEqual([]);
    expect(audits(r).at(-1)).toMatchObject({ what: 'alert-dismiss', by: 'p' });
  });

  it('decides a pending critical without touching the banner', () => {
    const r = decideAlert(frozen(twoCriticals()), 'c2', 'open', T0);
    expect(r.state.banner?.id).toBe('c1');
    expect(r.state.pending).toEqual([]);
    expect(banners(r)).toEqual([]);
    expect(opens(r)).toHaveLength(1);
    const d = decideAlert(twoCriticals(), 'c2', 'defer', T0);
    expect(ids(d.state.queued)).toEqual(['c2']);
    expect(d.state.pending).toEqual([]);
  });

  it('opens or dismisses a queued alert from the remote list', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('a', 'minor'), alert('b', 'major')], true);
    const o = decideAlert(frozen(s), 'b', 'open', T0, 'p');
    expect(ids(o.state.queued)).toEqual(['a']);
    expect(opens(o)[0]).toMatchObject({ alertId: 'b', sceneId: 'monitoring' });
    expect(banners(o)).toEqual([]);
    const d = decideAlert(frozen(s), 'a', 'dismiss', T0, 'p');
    expect(ids(d.state.queued)).toEqual(['b']);
  });

  it('answers deferring an already queued alert and an unknown id with an error and no change', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('a', 'minor')], true);
    const q = decideAlert(frozen(s), 'a', 'defer', T0);
    expect(q.state).toBe(s);
    expect(q.effects).toEqual([]);
    expect(q.error).toBeTruthy();
    const u = decideAlert(frozen(s), 'nope', 'open', T0);
    expect(u.state).toBe(s);
    expect(u.effects).toEqual([]);
    expect(u.error).toContain('nope');
  });

  it('works through a run of criticals one banner at a time, in arrival order', () => {
    let s = receiveAll(emptyAlertQueue(), ['c1', 'c2', 'c3', 'c4'].map((id) => alert(id, 'critical')), true);
    const shown: (string | null)[] = [s.banner?.id ?? null];
    for (const d of ['open', 'defer', 'dismiss', 'open'] as const) {
      const r = decideAlert(frozen(s), s.banner!.id, d, T0);
      s = r.state;
      shown.push(s.banner?.id ?? null);
    }
    expect(shown).toEqual(['c1', 'c2', 'c3', 'c4', null]);
    expect(ids(s.queued)).toEqual(['c2']);
  });
});

describe('setBriefing', () => {
  it('turning off keeps the queue listed and banners nothing', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('a', 'minor'), alert('b', 'major')], true);
    const r = setBriefing(frozen(s), false, T0, 'p');
    expect(r.state).toBe(s);
    expect(banners(r)).toEqual([]);
    expect(audits(r)).toEqual([expect.objectContaining({ what: 'briefing', by: 'p', at: T0 })]);
    expect(audits(r)[0]!.detail).toContain('2');
    // After the briefing, a new major is only recorded; the held ones stay.
    const after = receiveAlert(r.state, alert('c', 'major'), false, T0);
    expect(ids(after.state.queued)).toEqual(['a', 'b']);
  });

  it('turning on leaves banner and pending as they are (critical shows either way)', () => {
    const s = receiveAll(emptyAlertQueue(), [alert('c1', 'critical'), alert('c2', 'critical')], false);
    const r = setBriefing(frozen(s), true, T0);
    expect(hubAlerts(r.state)).toEqual(hubAlerts(s));
    expect(audits(r)).toHaveLength(1);
  });
});

describe('bounds', () => {
  it(`keeps at most ${MAX_QUEUED} queued, dropping the oldest with an audit entry`, () => {
    let s = emptyAlertQueue();
    for (let i = 0; i < MAX_QUEUED; i++) s = receiveAlert(s, alert(`q${i}`, 'minor'), true, T0).state;
    const r = receiveAlert(frozen(s), alert('last', 'minor'), true, T0);
    expect(r.state.queued).toHaveLength(MAX_QUEUED);
    expect(r.state.queued[0]!.id).toBe('q1');
    expect(r.state.queued.at(-1)!.id).toBe('last');
    const drop = audits(r).find((e) => e.what === 'alert-drop');
    expect(drop?.detail).toContain('q0');
    // The dropped one does not come back on the next repeat.
    expect(receiveAlert(r.state, alert('q0', 'minor'), true, T0).effects).toEqual([]);
  });

  it(`keeps at most ${MAX_PENDING} pending; the oldest overflows to queued (still listed), audited`, () => {
    let s = receiveAll(emptyAlertQueue(), [alert('banner', 'critical')], true);
    for (let i = 0; i < MAX_PENDING; i++) s = receiveAlert(s, alert(`p${i}`, 'critical'), true, T0).state;
    const r = receiveAlert(frozen(s), alert('newest', 'critical'), true, T0);
    expect(r.state.pending).toHaveLength(MAX_PENDING);
    expect(r.state.pending[0]!.id).toBe('p1');
    expect(ids(r.state.queued)).toEqual(['p0']);
    expect(audits(r).map((e) => e.what)).toContain('alert-overflow');
  });

  it(`remembers at most ${MAX_SEEN} recorded ids`, () => {
    let s = emptyAlertQueue();
    for (let i = 0; i < MAX_SEEN + 10; i++) s = receiveAlert(s, alert(`r${i}`, 'minor'), false, T0).state;
    expect(s.seen).toHaveLength(MAX_SEEN);
    expect(s.seen[0]!.id).toBe('r10');
  });
});

describe('audit entries', () => {
  it('always parse as AuditEntry, even with huge titles and presenter names', () => {
    const big = alert('big', 'critical', { title: '长'.repeat(200), detail: 'd'.repeat(500) });
    const r1 = receiveAlert(emptyAlertQueue(), big, true, T0);
    const r2 = decideAlert(r1.state, 'big', 'open', T0, 'n'.repeat(300));
    for (const e of [...audits(r1), ...audits(r2), ...audits(setBriefing(r2.state, false, T0, 'x'.repeat(200)))]) {
      expect(auditEntrySchema.safeParse(e).success).toBe(true);
    }
    expect(audits(r2)[0]!.by!.length).toBeLessThanOrEqual(80);
  });
});
