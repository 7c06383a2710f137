/**
 * 业务指导 — what guides the platform and what the city shares upward: the national guide and standards,
 * the city's experience notes and regulations on the left; the links to the national and provincial
 * platforms, the reporting timeliness and the hourly reports on the right.
 */
import { defineScene } from '../src/scene/spec';

export const guidance = defineScene({
  id: 'guidance',
  title: '业务指导',
  camera: { kind: 'fit-units', pitch: -55, heading: 0 },
  layers: ['boundaries', 'river'],
  panels: [
    { id: 'kpis', kind: 'kpi', title: '国家平台联网', binding: 'guidance.kpis', slot: 'top', order: 0, size: 'm' },
    { id: 'standards', kind: 'docList', title: '一个指南 四个标准', binding: 'guidance.standards', slot: 'left', order: 0, size: 'l' },
    { id: 'experience', kind: 'docList', title: '经验总结', binding: 'guidance.experience', slot: 'left', order: 1, size: 's' },
    { id: 'regulations', kind: 'docList', title: '法规条文', binding: 'guidance.regulations', slot: 'left', order: 2, size: 'm' },
    { id: 'links', kind: 'docList', title: '平台联网状态', binding: 'guidance.links', slot: 'right', order: 0, size: 's' },
    { id: 'on-time', kind: 'gauge', title: '上报及时率', binding: 'guidance.onTime', slot: 'right', order: 1, size: 's' },
    { id: 'reported', kind: 'series', title: '每小时上报量', binding: 'guidance.reported', slot: 'right', order: 2, size: 'm' },
  ],
  ticker: true,
  dwellSeconds: 45,
});
