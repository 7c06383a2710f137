import { describe, expect, it } from 'vitest';
import { hotlineSummarySchema } from '../../../data-adapters/topics/hotline';
import { hotlineSummaryPayload } from '../../../data-adapters/topics/hotline-fixtures';
import { publicService } from '../../../scenes/public-service';
import { SCENE_LIST } from '../../../scenes';
import { T0 } from '../../stores/fixtures';
import { BINDINGS } from '../bindings';
import {
  HOTLINE_BINDINGS, callCategories, changeText, hotTopicsTable, hotlineCasePoints, hotlineKpis, hourlySeries, mergedLines, pct1,
  satisfactionGauge, topTargets,
} from './hotline';

/** 2026-11-26 00:00 Beijing time, the fixture's hours from there. */
const MIDNIGHT = Date.UTC(2026, 10, 25, 16, 0, 0);
const p = hotlineSummaryPayload(T0, MIDNIGHT);

describe('hotline selectors', () => {
  it('the fixture is a valid payload', () => {
    expect(hotlineSummarySchema.safeParse(p).success).toBe(true);
  });

  it('derives the rates from the counts, and never divides by zero', () => {
    expect(pct1(114, 120)).toBe(95);
    expect(pct1(1, 0)).toBe(0);
    expect(hotlineKpis(p).map((k) => [k.id, k.value, k.tone])).toEqual([
      ['received', 120, 'normal'],
      ['answered', 114, 'normal'],
      ['answerRate', 95, 'normal'],
      ['dispatched', 60, 'normal'],
      ['dispatchRate', 52.6, 'normal'],
      ['calledBack', 40, 'normal'],
    ]);
    const busy = { ...p, today: { ...p.today, answered: 100 } };
    expect(hotlineKpis(busy).find((k) => k.id === 'answerRate')?.tone).toBe('alert');
  });

  it('labels the hours in Beijing time, calls as bars and answered calls as a line', () => {
    const s = hourlySeries(p);
    expect(s.x).toEqual(['00时', '01时', '02时', '03时', '04时', '05时', '06时', '07时', '08时', '09时']);
    expect(s.series.map((x) => [x.name, x.kind, x.values.length])).toEqual([['来电', 'bar', 10], ['接通', 'line', 10]]);
  });

  it('ranks the merged lines without 12345 itself, and names numbers with what they are for', () => {
    expect(mergedLines(p)).toEqual([
      { id: '12315', name: '12315 市场监管', value: 12 },
      { id: '12333', name: '12333 人社', value: 8 },
    ]);
  });

  it('names categories and work-order targets (departments and units)', () => {
    expect(callCategories(p).map((c) => c.name)).toEqual(['咨询', '投诉', '求助']);
    expect(topTargets(p)).toEqual([
      { id: 'xiling', name: '西陵区', value: 30 },
      { id: 'renshe', name: '市人社局', value: 20 },
      { id: 'changyang', name: '长阳县', value: 10 },
    ]);
    expect(topTargets(p, 1)).toHaveLength(1);
  });

  it('shows satisfaction only once there are call-backs (0 % would be a false alarm)', () => {
    expect(satisfactionGauge(p)).toMatchObject({ label: '回访满意率', value: 92.5, min: 80, max: 100, higherIsWorse: false, note: '回访 40 次 · 满意 37 次' });
    expect(satisfactionGauge({ ...p, today: { ...p.today, calledBack: 0, satisfied: 0 } })).toBeNull();
  });

  it('hot topics: most first, change against last week, rising ones marked, keywords kept verbatim', () => {
    expect(changeText(300, 200)).toBe('+50.0%');
    expect(changeText(250, 260)).toBe('−3.8%');
    expect(changeText(5, 5)).toBe('0.0%');
    expect(changeText(100, 0)).toBe('新增');
    const t = hotTopicsTable(p);
    expect(t.rows.map((r) => [r.cells.rank, r.cells.keyword, r.cells.change, r.tone])).toEqual([
      [1, '医保缴费', '+50.0%', 'warn'],
      [2, '<b>物业</b>服务', '−3.8%', 'normal'],
      [3, '噪音扰民', '新增', 'normal'],
    ]);
    expect(hotTopicsTable(p, 2).rows).toHaveLength(2);
  });

  it('case points: only 12345 cases, and the same object back while they are the same', () => {
    const pings = [
      { id: 'a', lon: 111.3, lat: 30.7, channel: 'hotline12345', at: T0 },
      { id: 'b', lon: 111.4, lat: 30.6, channel: 'inspector', at: T0 },
    ];
    const first = hotlineCasePoints(pings, null);
    expect(first.points).toEqual([{ id: 'a', lon: 111.3, lat: 30.7, tone: 'normal' }]);
    expect(hotlineCasePoints([...pings, { id: 'c', lon: 111, lat: 30, channel: 'sensor', at: T0 }], first)).toBe(first);
    expect(hotlineCasePoints([...pings, { id: 'd', lon: 111, lat: 30, channel: 'hotline12345', at: T0 }], first).points).toHaveLength(2);
  });

  it('every binding says it comes from the 12345 hotline', () => {
    for (const b of Object.values(HOTLINE_BINDINGS)) expect(b.source).toBe('12345热线');
  });
});

describe('公众服务 scene', () => {
  it('validates at import and stands after industry, before monitoring', () => {
    const ids = SCENE_LIST.map((s) => s.id);
    const at = ids.indexOf('public-service');
    expect(ids.slice(0, at + 1)).toEqual(['overview', 'command', 'industry', 'public-service']);
    for (const p of publicService.panels) expect(BINDINGS[p.binding], p.binding).toBeDefined();
    expect(publicService.points.map((x) => x.binding)).toEqual(['hotline.casePoints']);
  });
});
