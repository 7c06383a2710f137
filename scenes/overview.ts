/**
 * 城市运行总览 — the city at a glance: today's cases and the closed loop around the map, channels and the
 * 7-day trend on the left, the three rates, industry systems and data health on the right.
 * Data only: SceneView renders it through the panel registry.
 */
import { defineScene } from '../src/scene/spec';

export const overview = defineScene({
  id: 'overview',
  title: '城市运行总览',
  // All 13 units in frame, north up, at the wall's usual tilt (re-fitted to the map box's aspect).
  camera: { kind: 'fit-units', pitch: -55, heading: 0 },
  layers: ['boundaries', 'river', 'case-density', 'case-pings'],
  panels: [
    { id: 'kpis', kind: 'kpi', title: '今日态势', binding: 'cases.kpis', slot: 'top', order: 0, size: 'm' },
    { id: 'loop', kind: 'stageFlow', title: '闭环处置', binding: 'cases.stages', slot: 'bottom', order: 0, size: 'm' },
    { id: 'units', kind: 'ranking', title: '各地今日案件', binding: 'cases.byUnit', slot: 'left', order: 0, size: 'l' },
    { id: 'channels', kind: 'rose', title: '案件来源', binding: 'cases.byChannel', slot: 'left', order: 1, size: 's' },
    { id: 'trend', kind: 'trend', title: '近七日趋势', binding: 'cases.trend', slot: 'left', order: 2, size: 's' },
    { id: 'rates', kind: 'rates', title: '三率考核', binding: 'rates.units', slot: 'right', order: 0, size: 'm' },
    { id: 'systems', kind: 'systems', title: '行业应用', binding: 'industry.systems', slot: 'right', order: 1, size: 'm' },
    { id: 'volumes', kind: 'volumes', title: '数据汇聚', binding: 'data.volumes', slot: 'right', order: 2, size: 's' },
  ],
  ticker: true,
  dwellSeconds: 60,
});
