import { describe, expect, it } from 'vitest';
import type { EmergencyStatus } from '../../../data-adapters/topics/emergency';
import {
  emergencyKpis, forceOnScene, incidentPoint, incidentSummary, minutesSinceReport, readingSeries, responderPoints, responderTable, timelineList,
} from './emergency';

const R = Date.UTC(2026, 10, 26, 1, 24); // reported 09:24 in Yichang
const M = 60_000;
const team = (id: string, state: EmergencyStatus['responders'][number]['state'], people: number, vehicles: number, arrivedAfter: number | null) => ({
  id, department: `${id}部门`, role: '处置', state, people, vehicles, lon: 111.31, lat: 30.71, dispatchedAt: R + M, arrivedAt: arrivedAfter === null ? null : R + M + arrivedAfter * M,
});
const p: EmergencyStatus = {
  asOf: R + 12 * M + 30_000,
  incident: { id: 'YJ20261126-001', title: '边坡滑塌险情', level: '一般（Ⅳ级）', place: '西陵区 东山大道', unitId: 'xiling', lon: 111.31, lat: 30.71, reportedAt: R, state: 'responding', evacuated: 40 },
  timeline: [
    { at: R, kind: 'report', text: '告警' },
    { at: R + M, kind: 'dispatch', text: '派单' },
    { at: R + 6 * M, kind: 'arrive', text: '到场' },
  ],
  responders: [team('fire', 'working', 12, 3, 5), team('police', 'onsite', 6, 2, 9), team('power', 'enroute', 4, 1, null), team('street', 'acknowledged', 8, 1, null)],
  readings: { label: '边坡位移速率', unit: 'mm/h', alarm: 5, values: [{ at: R, value: 6.5 }, { at: R + M, value: 7 }] },
};

describe('emergency selectors', () => {
  it('KPIs: whole minutes since report, departments, people and vehicles at the scene only', () => {
    expect(minutesSinceReport(p)).toBe(12);
    expect(minutesSinceReport({ ...p, asOf: R - M })).toBe(0);
    expect(Object.fromEntries(emergencyKpis(p).map((k) => [k.id, k.value]))).toEqual({ elapsed: 12, departments: 4, people: 18, vehicles: 5 });
  });

  it('timeline newest first, with kinds as levels', () => {
    const items = timelineList(p).items;
    expect(items.map((i) => i.title)).toEqual(['到场', '派单', '告警']);
    expect(items.map((i) => i.level)).toEqual(['info', 'info', 'critical']);
    expect(items[0]!.place).toBe('到场');
  });

  it('teams table with Chinese states; the share of departments, people and vehicles at the scene', () => {
    const t = responderTable(p);
    expect(t.rows.map((r) => r.cells.state)).toEqual(['处置中', '到场', '在途', '已响应']);
    expect(t.rows.map((r) => r.tone)).toEqual(['good', 'good', 'warn', 'normal']);
    expect(forceOnScene(p).items.map((g) => [g.label, g.value, g.note])).toEqual([
      ['部门到场', 50, '2 / 4 个'],
      ['人员到场', 60, '18 / 30 人'],
      ['车辆到场', 71.4, '5 / 7 辆'],
    ]);
  });

  it('incident card, reading against its alarm value, and map points', () => {
    expect(incidentSummary(p).items[0]).toEqual({ id: 'title', title: '边坡滑塌险情', meta: '一般（Ⅳ级） · 处置中', state: 'alert' });
    expect(incidentSummary(p).items[2]!.title).toBe('09:24 接报');
    expect(incidentSummary(p).items[3]!.title).toBe('转移群众 40 人');
    expect(readingSeries(p)).toMatchObject({ x: ['09:24', '09:25'], unit: 'mm/h', reference: { value: 5, label: '预警值' } });
    expect(incidentPoint(p).points).toHaveLength(1);
    expect(responderPoints(p).points.map((x) => x.tone)).toEqual(['good', 'good', 'warn', 'normal']);
  });
});
