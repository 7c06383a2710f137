import { describe, expect, it } from 'vitest';
import { AS_OF, alarm, lifeline } from '../../decision/fixtures';
import { monitoring } from '../../../scenes/monitoring';
import { SCENES } from '../../../scenes';
import { sceneSpecSchema } from '../spec';
import { activeAlarmPoints, alarmList, alarmsBySector, cstClock, lifelineKpis, resolvedAlarmPoints, sectorTable, workOrderTimeline } from './lifeline';

const MIN = 60_000;
const status = () => {
  const p = lifeline(
    [
      alarm({ id: 'new', at: AS_OF - 2 * MIN, level: 'critical', sector: 'gas', kind: '可燃气体浓度超限', reading: { value: 28, unit: '%LEL' }, place: '<b>西陵区</b> 燃气阀井' }),
      alarm({ id: 'done', at: AS_OF - 30 * MIN, state: 'cleared' }),
      alarm({ id: 'old', at: AS_OF - 50 * MIN, level: 'minor', state: 'handling' }),
      alarm({
        id: 'ticket', at: AS_OF - 20 * MIN, sector: 'gas', state: 'handling', caseId: 'GAS-20261126-001',
        caseStages: [{ stage: 'discover', at: AS_OF - 19 * MIN }, { stage: 'register', at: AS_OF - 18 * MIN }, { stage: 'dispatch', at: AS_OF - 17 * MIN }, { stage: 'handle', at: AS_OF - 10 * MIN }],
      }),
    ],
    { geohazard: 900 },
  );
  p.sectors = p.sectors.map((s) => (s.id === 'gas' ? { ...s, alarmsToday: 9, activeAlarms: 2 } : s.id === 'drainage' ? { ...s, activeAlarms: 1 } : s));
  return p;
};

describe('lifeline bindings', () => {
  it('key figures add up the sectors', () => {
    const k = lifelineKpis(status());
    expect(k.find((x) => x.id === 'sensors')?.value).toBe(1.2); // 12 × 1000 sensors, in 万台
    expect(k.find((x) => x.id === 'online')?.value).toBe(98.3); // (11 × 990 + 900) / 12000 = 98.25 %
    expect(k.find((x) => x.id === 'today')?.value).toBe(11 * 5 + 9);
    expect(k.find((x) => x.id === 'active')).toMatchObject({ value: 3, tone: 'alert' });
    expect(k.find((x) => x.id === 'ticketed')?.value).toBe(1);
  });

  it('lists the sectors in the reference order, flagging active alarms and low online rates', () => {
    const t = sectorTable(status());
    expect(t.rows.map((r) => r.cells.name)).toEqual(['燃气', '供水', '排水', '桥梁', '隧道', '防汛', '综合管廊', '电梯', '危化品', '地灾隐患点', '人员密集场所', '交通']);
    expect(t.rows.find((r) => r.id === 'gas')).toMatchObject({ tone: 'alert', cells: { today: 9, active: 2, online: '99.0%' } });
    expect(t.rows.find((r) => r.id === 'geohazard')).toMatchObject({ tone: 'warn', cells: { online: '90.0%' } });
    expect(t.rows.find((r) => r.id === 'water')?.tone).toBe('normal');
    expect(alarmsBySector(status())[0]).toEqual({ id: 'gas', name: '燃气', value: 9 });
  });

  it('lists active alarms first, newest first, with the work order on the ticketed one; place stays raw text', () => {
    const items = alarmList(status()).items;
    expect(items.map((i) => i.id)).toEqual(['new', 'ticket', 'old', 'done']);
    expect(items[0]).toMatchObject({ level: 'critical', title: '燃气·可燃气体浓度超限 28%LEL', place: '<b>西陵区</b> 燃气阀井', state: '待研判' });
    expect(items[1]?.state).toBe('处置中 GAS-20261126-001');
    expect(items[3]?.state).toBe('已解除');
  });

  it('puts active alarms on the map as pulses and resolved ones as small dots', () => {
    const active = activeAlarmPoints(status()).points;
    expect(active.map((p) => p.id)).toEqual(['new', 'old', 'ticket']);
    expect(active[0]).toMatchObject({ tone: 'alert', size: 2.2 });
    expect(active[1]?.tone).toBe('warn');
    expect(resolvedAlarmPoints(status()).points).toEqual([{ id: 'done', lon: 111.34, lat: 30.66, tone: 'good', size: 0.8 }]);
  });

  it('shows the work order as a timeline: done stages green, the current one amber, the rest to do', () => {
    const items = workOrderTimeline(status()).items;
    expect(items.map((i) => [i.id, i.state])).toEqual([
      ['alarm', 'alert'], ['discover', 'good'], ['register', 'good'], ['dispatch', 'good'], ['handle', 'warn'], ['verify', 'normal'], ['close', 'normal'],
    ]);
    expect(items[4]?.meta).toBe(cstClock(AS_OF - 10 * MIN));
    expect(items[5]?.meta).toBe('待办');
    expect(cstClock(AS_OF)).toBe('10:00:00');
    expect(workOrderTimeline(lifeline([])).items).toEqual([{ id: 'none', title: '今日暂无告警转工单', meta: '', state: 'normal' }]);
  });

  it('marks the whole loop done once the case is closed', () => {
    const p = status();
    const t = p.alarms.find((a) => a.id === 'ticket')!;
    t.state = 'closed';
    t.caseStages = [...t.caseStages, { stage: 'verify', at: AS_OF - 5 * MIN }, { stage: 'close', at: AS_OF - MIN }];
    expect(workOrderTimeline(p).items.every((i) => i.state === 'good')).toBe(true);
  });
});

describe('monitoring scene', () => {
  it('validates and is registered between public service and evaluation', () => {
    expect(sceneSpecSchema.safeParse(monitoring).success).toBe(true);
    expect(SCENES.monitoring).toBe(monitoring);
    const ids = Object.keys(SCENES);
    expect(ids.indexOf('monitoring')).toBeLessThan(ids.indexOf('evaluation'));
    expect(ids.indexOf('monitoring')).toBeGreaterThan(ids.indexOf('overview'));
  });
});
