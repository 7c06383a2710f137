/**
 * 公众服务 — the 12345 hotline and the 15 hotlines merged into it: today's calls and rates, what callers
 * want, the merged numbers, where work orders go, call-back satisfaction, calls hour by hour and the
 * week's hot topics; today's 12345 cases on the map.
 */
import { defineScene } from '../src/scene/spec';

export const publicService = defineScene({
  id: 'public-service',
  title: '公众服务·12345热线',
  camera: { kind: 'fit-units', pitch: -55, heading: 0 },
  layers: ['boundaries', 'river', 'case-density'],
  points: [{ id: 'hotline-cases', binding: 'hotline.casePoints', style: 'dot' }],
  panels: [
    { id: 'calls', kind: 'figures', title: '今日热线', binding: 'hotline.kpis', slot: 'left', order: 0, size: 'm' },
    { id: 'categories', kind: 'rose', title: '诉求类型', binding: 'hotline.categories', slot: 'left', order: 1, size: 's' },
    { id: 'lines', kind: 'ranking', title: '归并热线来电', binding: 'hotline.lines', slot: 'left', order: 2, size: 'l' },
    { id: 'satisfaction', kind: 'gauge', title: '回访满意率', binding: 'hotline.satisfaction', slot: 'right', order: 0, size: 's' },
    { id: 'targets', kind: 'ranking', title: '工单承办单位', binding: 'hotline.targets', slot: 'right', order: 1, size: 'l' },
    { id: 'hot-topics', kind: 'table', title: '本周热点诉求', binding: 'hotline.hotTopics', slot: 'right', order: 2, size: 'm' },
    { id: 'hourly', kind: 'series', title: '今日分时来电', binding: 'hotline.hourly', slot: 'bottom', order: 0, size: 's' },
  ],
  ticker: true,
  dwellSeconds: 60,
});
