/**
 * 综合评价 — the month's evaluation: 综合/干净/整洁/有序/群众满意 across the top; safety indicators, the
 * monthly scores and the last quarter's ranking of the 14 units on the left; the three rates of the
 * units and of the 89 departments, and the daily score calendar on the right.
 */
import { defineScene } from '../src/scene/spec';

export const evaluation = defineScene({
  id: 'evaluation',
  title: '综合评价',
  camera: { kind: 'fit-units', pitch: -55, heading: 0 },
  layers: ['boundaries', 'river'],
  panels: [
    { id: 'dimensions', kind: 'gaugeSet', title: '本月城市管理评价', binding: 'evaluation.dimensions', slot: 'top', order: 0, size: 'm' },
    { id: 'safety', kind: 'table', title: '城市安全', binding: 'evaluation.safety', slot: 'left', order: 0, size: 'm' },
    { id: 'monthly', kind: 'series', title: '月度综合得分', binding: 'evaluation.monthly', slot: 'left', order: 1, size: 'm' },
    { id: 'quarter', kind: 'ranking', title: '上季度县市区排名', binding: 'evaluation.quarterRanking', slot: 'left', order: 2, size: 'l', unit: '分', headline: 'top' },
    { id: 'units', kind: 'rates', title: '县市区三率', binding: 'rates.units', slot: 'right', order: 0, size: 'm' },
    { id: 'departments', kind: 'table', title: '市直单位三率', binding: 'evaluation.departments', slot: 'right', order: 1, size: 'l' },
  ],
  ticker: true,
  dwellSeconds: 60,
});
