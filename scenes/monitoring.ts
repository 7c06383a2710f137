/**
 * 运行监测 · 城市生命线 — the city "one map" of lifeline sensors: the 12 sectors with their devices and
 * alarms, active alarms pulsing on the map of the central districts, the alarm list, and the gas alarm
 * that became a 运管服 work order travelling the closed loop 发现→立案→派单→处置→核查→结案.
 * The city components (井盖, 路灯, 管线) are on the map with their live status: the gas alarm's manhole
 * turns red when it fires, amber when the work order is dispatched, back to normal at 结案.
 */
import { defineScene } from '../src/scene/spec';

export const monitoring = defineScene({
  id: 'monitoring',
  title: '运行监测·城市生命线',
  // 西陵 and 伍家岗, close enough for the city components (they show within FACILITY_MAX_RANGE_M).
  camera: { kind: 'look-at', lon: 111.33, lat: 30.7, range: 14_000, pitch: -45, heading: 0 },
  layers: ['boundaries', 'river'],
  facilities: true,
  points: [
    { id: 'resolved-alarms', binding: 'lifeline.resolvedPoints', style: 'dot' },
    { id: 'active-alarms', binding: 'lifeline.activePoints', style: 'pulse' },
  ],
  panels: [
    { id: 'kpis', kind: 'kpi', title: '城市生命线', binding: 'lifeline.kpis', slot: 'top', order: 0, size: 'm' },
    { id: 'sectors', kind: 'table', title: '十二大领域监测', binding: 'lifeline.sectors', slot: 'left', order: 0, size: 'l' },
    { id: 'by-sector', kind: 'ranking', title: '今日告警领域排行', binding: 'lifeline.alarmsBySector', slot: 'left', order: 1, size: 'm' },
    { id: 'facilities', kind: 'table', title: '城市部件状态', binding: 'facilities.counts', slot: 'left', order: 2, size: 's' },
    { id: 'alarms', kind: 'alarms', title: '实时告警', binding: 'lifeline.alarms', slot: 'right', order: 0, size: 'l' },
    { id: 'work-order', kind: 'docList', title: '燃气告警转工单闭环', binding: 'lifeline.workOrder', slot: 'right', order: 1, size: 'm' },
  ],
  ticker: true,
  dwellSeconds: 60,
});
