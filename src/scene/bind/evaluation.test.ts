import { describe, expect, it } from 'vitest';
import type { DepartmentRates, EvaluationSummary } from '../../../data-adapters/topics/evaluation';
import { dailyCalendar, departmentTable, dimensionGauges, monthLabel, monthlySeries, quarterRanking, safetyTable } from './evaluation';

const summary: EvaluationSummary = {
  asOf: Date.UTC(2026, 10, 26, 1, 30),
  month: '2026-11',
  composite: 94.25,
  dimensions: [
    { id: 'satisfied', score: 93.7 },
    { id: 'clean', score: 94.78 },
    { id: 'orderly', score: 87.57 },
  ],
  safety: [
    { id: 'traffic', score: 84, issues: 33, rectified: 27 },
    { id: 'facility', score: 96.88, issues: 57, rectified: 50 },
    { id: 'crowded', score: 89.5, issues: 0, rectified: 0 },
  ],
  monthly: [
    { month: '2025-12', score: 91.5 },
    { month: '2026-01', score: 92.3 },
    { month: '2026-11', score: 94.25 },
  ],
  daily: [
    { date: '2026-11-25', score: 93.18 },
    { date: '2026-11-26', score: 94.65 },
  ],
  quarterRanking: {
    quarter: '2026-Q3',
    units: [
      { unitId: 'xiling', score: 92 },
      { unitId: 'wufeng', score: 95.9 },
      { unitId: 'dianjun', score: 92 },
    ],
  },
};

describe('evaluation selectors', () => {
  it('shows the composite first, then the dimensions in the evaluation\'s order, on an 80–100 scale', () => {
    const g = dimensionGauges(summary);
    expect(g.items.map((i) => [i.label, i.value])).toEqual([
      ['综合得分', 94.25],
      ['干净', 94.78],
      ['有序', 87.57],
      ['群众满意', 93.7],
    ]);
    expect(g.items[0]).toMatchObject({ min: 80, max: 100, warn: 90, alarm: 85, higherIsWorse: false, unit: '分' });
  });

  it('tables the safety indicators in their fixed order with open hazards and rectification rate', () => {
    const t = safetyTable(summary);
    expect(t.rows.map((r) => r.id)).toEqual(['facility', 'traffic', 'crowded']);
    expect(t.rows[0]).toEqual({ id: 'facility', cells: { name: '市政设施安全', score: 96.88, open: 7, rate: '87.7%' }, tone: 'normal' });
    expect(t.rows[1]).toMatchObject({ cells: { name: '交通设施安全', rate: '81.8%' }, tone: 'alert' });
    expect(t.rows[2]).toMatchObject({ cells: { rate: '—', open: 0 }, tone: 'warn' });
  });

  it('labels months, adding the year where it turns', () => {
    expect(monthLabel('2026-11')).toBe('11月');
    expect(monthLabel('2026-01')).toBe('26年1月');
    expect(monthlySeries(summary)).toEqual({
      x: ['12月', '26年1月', '11月'],
      unit: '分',
      series: [{ id: 'composite', name: '综合得分', values: [91.5, 92.3, 94.25], kind: 'line' }],
      reference: { label: '达标线 90', value: 90, tone: 'warn' },
    });
  });

  it('maps days to the calendar', () => {
    expect(dailyCalendar(summary)).toEqual({
      days: [
        { date: '2026-11-25', value: 93.18 },
        { date: '2026-11-26', value: 94.65 },
      ],
      unit: '分',
      label: '每日综合得分',
    });
  });

  it('ranks units best first, ties in unit order, with short names', () => {
    expect(quarterRanking(summary)).toEqual([
      { id: 'wufeng', name: '五峰', value: 95.9 },
      { id: 'xiling', name: '西陵', value: 92 },
      { id: 'dianjun', name: '点军', value: 92 },
    ]);
  });

  it('ranks departments by the mean of their three rates and flags any rate under 90', () => {
    const d: DepartmentRates = {
      asOf: summary.asOf,
      departments: [
        { id: 'd01', cases: 1300, response: 98.6, completion: 90.9, satisfaction: 87.9 },
        { id: 'd02', cases: 40, response: 100, completion: 100, satisfaction: 100 },
        { id: 'd03', cases: 900, response: 99, completion: 95, satisfaction: 93 },
      ],
    };
    const t = departmentTable(d);
    expect(t.columns.map((c) => c.label)).toEqual(['名次', '单位', '响应率', '办结率', '满意率']);
    expect(t.rows.map((r) => [r.cells.rank, r.cells.name, r.tone])).toEqual([
      [1, '市住建局', 'normal'],
      [2, '市交通运输局', 'normal'],
      [3, '市城管执法委', 'warn'],
    ]);
    expect(t.rows[2]?.cells).toMatchObject({ response: '98.6', completion: '90.9', satisfaction: '87.9' });
  });
});
