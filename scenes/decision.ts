/**
 * 决策建议 — situation, trends and what to do: the rules engine's early warnings (lifeline, overdue
 * clusters, sensors) and analysis (units' completion and satisfaction, rising categories, next month's
 * load), each with the figures that triggered it; beside them the intake trend with its least-squares
 * forecast, the units ranked by month-on-month change, and this week against last by category.
 */
import { defineScene } from '../src/scene/spec';

export const decision = defineScene({
  id: 'decision',
  title: '决策建议',
  camera: { kind: 'fit-units', pitch: -55, heading: 0 },
  layers: ['boundaries', 'river', 'case-density'],
  panels: [
    { id: 'kpis', kind: 'kpi', title: '研判概览', binding: 'decision.kpis', slot: 'top', order: 0, size: 'm' },
    { id: 'warnings', kind: 'suggestions', title: '实时预警', binding: 'decision.warnings', slot: 'left', order: 0, size: 'l' },
    { id: 'load-trend', kind: 'series', title: '受理量趋势与预测', binding: 'decision.loadTrend', slot: 'left', order: 1, size: 'm' },
    { id: 'category-week', kind: 'series', title: '各类案件本周对比', binding: 'decision.categoryWeek', slot: 'bottom', order: 0, size: 's' },
    { id: 'suggestions', kind: 'suggestions', title: '研判建议', binding: 'decision.suggestions', slot: 'right', order: 0, size: 'l' },
    { id: 'unit-change', kind: 'table', title: '县市区办结率环比', binding: 'decision.unitChange', slot: 'right', order: 1, size: 'm' },
  ],
  ticker: true,
  dwellSeconds: 75,
});
