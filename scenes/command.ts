/**
 * 指挥协调 — the closed loop 发现→立案→派单→处置→核查→结案 at work: today's throughput, how long cases stay
 * at each stage, cases flowing live on the map, the stage strip below it, and what the command centre
 * has to push: overdue (超期) and escalated (督办升级) cases by unit and as a newest-first list.
 */
import { defineScene } from '../src/scene/spec';

export const command = defineScene({
  id: 'command',
  title: '指挥协调',
  camera: { kind: 'fit-units', pitch: -55, heading: 0 },
  layers: ['boundaries', 'river', 'case-density', 'case-pings'],
  panels: [
    { id: 'throughput', kind: 'figures', title: '今日办件', binding: 'command.kpis', slot: 'left', order: 0, size: 'm' },
    { id: 'dwell', kind: 'table', title: '环节时效', binding: 'command.dwell', slot: 'left', order: 1, size: 'm' },
    { id: 'trend', kind: 'trend', title: '近七日受理与结案', binding: 'cases.trend', slot: 'left', order: 2, size: 's' },
    { id: 'alerts', kind: 'alarms', title: '超期督办案件', binding: 'command.alerts', slot: 'right', order: 0, size: 'l' },
    { id: 'units', kind: 'table', title: '各地超期督办', binding: 'command.unitBoard', slot: 'right', order: 1, size: 'm' },
    { id: 'channels', kind: 'rose', title: '案件来源', binding: 'cases.byChannel', slot: 'right', order: 2, size: 's' },
    { id: 'loop', kind: 'stageFlow', title: '闭环流转', binding: 'cases.stages', slot: 'bottom', order: 0, size: 'm' },
  ],
  ticker: true,
  dwellSeconds: 60,
});
