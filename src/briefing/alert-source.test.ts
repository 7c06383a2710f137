import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { lifelineStatusPayload } from '../../data-adapters/topics/lifeline-fixtures';
import type { LifelineAlarm } from '../../data-adapters/topics/lifeline';
import { alarm, AS_OF, lifeline } from '../decision/fixtures';
import { alertSchema, type WallAlert } from '../presenter/protocol';
import { useWallStores } from '../stores';
import { baseline, baselineMsg, msg } from '../stores/fixtures';
import type { CaseAlert } from '../stores/reducers/cases';
import { alertsFrom, capId, cleanText, diffAlerts, MAX_ALERTS, watchAlerts, type AlertSnapshot } from './alert-source';

const empty: AlertSnapshot = { lifeline: null, warnings: null, warningsAsOf: null, caseAlerts: [] };

function caseAlert(over: Partial<CaseAlert> = {}): CaseAlert {
  return {
    caseId: 'C-1', unitId: 'wujiagang', category: 'sanitation', address: '伍家岗区 夷陵大道', lon: 111.31, lat: 30.65,
    since: AS_OF - 60_000, escalated: true, lateMinutes: 95, ...over,
  };
}

describe('alertsFrom', () => {
  it('turns the fixture critical gas alarm into a critical monitoring alert', () => {
    const t = 1_764_000_000_000;
    const alerts = alertsFrom({ ...empty, lifeline: lifelineStatusPayload(t) });
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a).toEqual({
      id: 'lifeline:LL20261126-0001',
      severity: 'critical',
      title: '一级告警 · 燃气 · 可燃气体浓度超限',
      detail: '西陵区 夷陵大道与珍珠路交叉口 燃气阀井 · 西陵区 · 读数 28%LEL · 已转工单 GAS-20261126-001',
      sceneId: 'monitoring',
      focus: { type: 'alarm', alarmId: 'LL20261126-0001' },
      raisedAt: t - 120_000,
    });
    expect(alertSchema.safeParse(a).success).toBe(true);
  });

  it('maps levels to severities and leaves out cleared and closed alarms', () => {
    const alarms: LifelineAlarm[] = [
      alarm({ id: 'm', level: 'major' }),
      alarm({ id: 'n', level: 'minor', state: 'handling' }),
      alarm({ id: 'cleared', level: 'critical', state: 'cleared' }),
      alarm({ id: 'closed', level: 'critical', state: 'closed' }),
      alarm({ id: 'c', level: 'critical', reading: null }),
    ];
    const alerts = alertsFrom({ ...empty, lifeline: lifeline(alarms) });
    expect(alerts.map((a) => [a.id, a.severity])).toEqual([
      ['lifeline:c', 'critical'],
      ['lifeline:m', 'major'],
      ['lifeline:n', 'minor'],
    ]);
    expect(alerts[0]!.title).toBe('一级告警 · 排水 · 管网液位超限');
    expect(alerts[0]!.detail).not.toContain('读数');
    expect(alerts[1]!.title.startsWith('二级告警')).toBe(true);
  });

  it('takes only the engine\'s top level (warning) as major decision alerts', () => {
    const warnings = {
      items: [
        { id: 'lifeline-repeated-alarms:drainage', severity: 'warning' as const, title: '排水告警频发', explanation: '60分钟内6次', figures: [], score: 120 },
        { id: 'x:y', severity: 'attention' as const, title: 'a', explanation: 'b', figures: [], score: 60 },
        { id: 'i:j', severity: 'info' as const, title: 'a', explanation: 'b', figures: [], score: 1 },
      ],
    };
    const alerts = alertsFrom({ ...empty, warnings, warningsAsOf: AS_OF });
    expect(alerts).toEqual([
      {
        id: 'decision:lifeline-repeated-alarms:drainage', severity: 'major', title: '预警 · 排水告警频发', detail: '60分钟内6次',
        sceneId: 'decision', focus: { type: 'panel', panelId: 'warnings' }, raisedAt: AS_OF,
      },
    ]);
  });

  it('makes escalated cases minor command alerts, and plain overdue cases nothing', () => {
    const alerts = alertsFrom({ ...empty, caseAlerts: [caseAlert(), caseAlert({ caseId: 'C-2', escalated: false })] });
    expect(alerts).toEqual([
      {
        id: 'case:C-1', severity: 'minor', title: '督办 · 伍家岗区 · 环卫保洁', detail: '伍家岗区 夷陵大道 · 案件 C-1',
        sceneId: 'command', focus: { type: 'unit', unitId: 'wujiagang' }, raisedAt: AS_OF - 60_000,
      },
    ]);
    // No running figure in the text: a later batch with more minutes late is the same alert.
    const later = alertsFrom({ ...empty, caseAlerts: [caseAlert({ lateMinutes: 300 })] });
    expect(later).toEqual(alerts);
  });

  it('orders critical before major before minor and caps the count', () => {
    const alarms = Array.from({ length: 80 }, (_, i) => alarm({ id: `a${i}`, level: i % 2 ? 'minor' : 'major' }));
    alarms.push(alarm({ id: 'crit', level: 'critical' }));
    const cases = Array.from({ length: 40 }, (_, i) => caseAlert({ caseId: `C-${i}` }));
    const alerts = alertsFrom({ ...empty, lifeline: lifeline(alarms), caseAlerts: cases });
    expect(alerts).toHaveLength(MAX_ALERTS);
    expect(alerts[0]!.id).toBe('lifeline:crit');
    const ranks = alerts.map((a) => ({ critical: 0, major: 1, minor: 2 })[a.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('cleans untrusted feed text: control and bidi characters out, lengths capped, still text', () => {
    const place = `<script>alert(1)</script>\u202e\u0007 ${'长'.repeat(70)}`;
    const [a] = alertsFrom({ ...empty, lifeline: lifeline([alarm({ id: 'x', level: 'critical', place })]) });
    expect(a).toBeDefined();
    expect(a!.detail).toContain('<script>alert(1)</script>');
    expect(a!.detail).not.toMatch(/[\u202e\u0007]/);
    expect(alertSchema.safeParse(a).success).toBe(true);
    const warnings = { items: [{ id: 'w'.repeat(120), severity: 'warning' as const, title: 't'.repeat(500), explanation: 'e\n'.repeat(900), figures: [], score: 100 }] };
    const [w] = alertsFrom({ ...empty, warnings, warningsAsOf: AS_OF });
    expect(w!.id.length).toBeLessThanOrEqual(80);
    expect(w!.title.length).toBeLessThanOrEqual(120);
    expect(w!.detail.length).toBeLessThanOrEqual(300);
    expect(w!.detail).not.toContain('\n');
  });

  it('drops alerts the protocol would refuse instead of emitting them', () => {
    const [a] = alertsFrom({ ...empty, warnings: { items: [{ id: 'w', severity: 'warning', title: 't', explanation: 'e', figures: [], score: 1 }] }, warningsAsOf: -5 });
    expect(a).toBeUndefined();
  });
});

describe('helpers', () => {
  it('capId keeps short ids and makes long ones unique and bounded', () => {
    expect(capId('lifeline:a')).toBe('lifeline:a');
    const a = capId(`x${'a'.repeat(100)}1`);
    const b = capId(`x${'a'.repeat(100)}2`);
    expect(a).not.toBe(b);
    expect(a.length).toBe(80);
  });

  it('cleanText never cuts a surrogate pair in half', () => {
    const s = cleanText('😀'.repeat(10), 6);
    expect(Array.from(s)).toHaveLength(6);
    expect(s.endsWith('…')).toBe(true);
    expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('diffAlerts emits new and changed alerts once, and forgets ones that left', () => {
    const a: WallAlert = { id: 'a', severity: 'major', title: 't', detail: 'd', raisedAt: 1 };
    const first = diffAlerts(new Map(), [a]);
    expect(first.changed).toEqual([a]);
    const same = diffAlerts(first.next, [{ ...a, raisedAt: 2 }]);
    expect(same.changed).toEqual([]);
    const changed = diffAlerts(same.next, [{ ...a, detail: 'd2' }]);
    expect(changed.changed).toHaveLength(1);
    const gone = diffAlerts(changed.next, []);
    expect(gone.next.size).toBe(0);
    expect(diffAlerts(gone.next, [a]).changed).toEqual([a]);
  });
});

describe('watchAlerts on the wall stores', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('emits the fixture critical alarm once, then only what changes', async () => {
    const stores = useWallStores();
    const got: WallAlert[] = [];
    const stop = watchAlerts(stores, (a) => got.push(a));
    expect(got).toEqual([]);

    const t = AS_OF;
    stores.topics.apply([msg('lifeline.status', lifelineStatusPayload(t), t)]);
    await nextTick();
    expect(got.map((a) => a.id)).toEqual(['lifeline:LL20261126-0001']);

    // A newer snapshot with the same alarm: nothing new.
    stores.topics.apply([msg('lifeline.status', lifelineStatusPayload(t + 1000), t + 1000)]);
    await nextTick();
    expect(got).toHaveLength(1);

    // The alarm moves on (处置中): one update.
    const moved = lifelineStatusPayload(t + 2000);
    moved.alarms[0]!.state = 'handling';
    moved.alarms.push(alarm({ id: 'second', level: 'minor' }));
    stores.topics.apply([msg('lifeline.status', moved, t + 2000)]);
    await nextTick();
    expect(got.map((a) => a.id)).toEqual(['lifeline:LL20261126-0001', 'lifeline:LL20261126-0001', 'lifeline:second']);
    expect(got[1]!.detail).toContain('处置中');

    stop();
    stores.topics.apply([msg('lifeline.status', lifelineStatusPayload(t + 3000), t + 3000)]);
    await nextTick();
    expect(got).toHaveLength(3);
  });

  it('emits a rules-engine warning and an escalated case from the stores', async () => {
    const stores = useWallStores();
    const got: WallAlert[] = [];
    const stop = watchAlerts(stores, (a) => got.push(a));
    const six = [1, 2, 3, 4, 5, 6].map((i) => alarm({ id: `d${i}`, level: 'minor', at: AS_OF - i * 60_000 }));
    stores.topics.apply([msg('lifeline.status', lifeline(six), AS_OF)]);
    stores.cases.apply(
      [
        baselineMsg(
          baseline(AS_OF, {
            overdueCases: [
              {
                caseId: 'ESC-1', unitId: 'xiling', category: 'facility', stage: 'handle', enteredAt: AS_OF - 5 * 3_600_000,
                dueAt: AS_OF - 3 * 3_600_000, lateStages: 2, address: '西陵区 解放路', lon: 111.29, lat: 30.7,
              },
            ],
          }),
        ),
      ],
      true,
    );
    await nextTick();
    const ids = got.map((a) => a.id);
    expect(ids).toContain('decision:lifeline-repeated-alarms:drainage');
    expect(ids).toContain('case:ESC-1');
    expect(got.find((a) => a.id === 'case:ESC-1')).toMatchObject({ severity: 'minor', sceneId: 'command', focus: { type: 'unit', unitId: 'xiling' } });
    expect(got.every((a) => alertSchema.safeParse(a).success)).toBe(true);
    stop();
  });
});
