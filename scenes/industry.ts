/**
 * 行业应用 — the 19 connected industry systems: online counts on top, every system's state and key figure
 * on the left (grid) and right (table with the change over the last hour), a few hourly trends, and
 * what the systems feed into the aggregated database.
 */
import { defineScene } from '../src/scene/spec';

export const industry = defineScene({
  id: 'industry',
  title: '行业应用',
  camera: { kind: 'fit-units', pitch: -55, heading: 0 },
  layers: ['boundaries', 'river', 'case-pings'],
  panels: [
    { id: 'counts', kind: 'kpi', title: '系统接入状态', binding: 'industry.kpis', slot: 'top', order: 0, size: 'm' },
    { id: 'systems', kind: 'systems', title: '接入系统', binding: 'industry.systems', slot: 'left', order: 0, size: 'l' },
    { id: 'volumes', kind: 'volumes', title: '数据汇聚', binding: 'data.volumes', slot: 'left', order: 1, size: 'm' },
    { id: 'table', kind: 'table', title: '系统运行一览', binding: 'industry.table', slot: 'right', order: 0, size: 'm' },
    { id: 'parking', kind: 'series', title: '空余泊位 近12小时', binding: 'industry.trend.parking', slot: 'right', order: 1, size: 's' },
    { id: 'traffic', kind: 'series', title: '拥堵指数 近12小时', binding: 'industry.trend.traffic', slot: 'right', order: 2, size: 's' },
    { id: 'intake', kind: 'series', title: '今日立案与受理', binding: 'industry.trend.intake', slot: 'bottom', order: 0, size: 's' },
  ],
  ticker: true,
  dwellSeconds: 45,
});
