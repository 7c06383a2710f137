/**
 * 应急联动 — one incident and the departments converging on it: the incident pulsing on the map, the
 * teams as rings moving in from their bases, the timeline, who is doing what, how much of it has arrived,
 * and the measurement at the scene. The recorded incident is synthetic (tools/demo-generator/emergency.ts).
 */
import { defineScene } from '../src/scene/spec';

export const emergency = defineScene({
  id: 'emergency',
  title: '突发事件应急联动',
  // The scene (INCIDENT_SITE in tools/demo-generator/emergency.ts) with the teams' bases around it.
  camera: { kind: 'look-at', lon: 111.318, lat: 30.7, range: 14_000, pitch: -50, heading: 0 },
  layers: ['boundaries', 'river'],
  points: [
    { id: 'responders', binding: 'emergency.responderPoints', style: 'ring' },
    { id: 'incident', binding: 'emergency.incidentPoint', style: 'pulse' },
  ],
  panels: [
    { id: 'kpis', kind: 'kpi', title: '处置态势', binding: 'emergency.kpis', slot: 'top', order: 0, size: 'm' },
    { id: 'incident', kind: 'docList', title: '事件信息', binding: 'emergency.incident', slot: 'left', order: 0, size: 's' },
    { id: 'timeline', kind: 'alarms', title: '处置时间线', binding: 'emergency.timeline', slot: 'left', order: 1, size: 'l' },
    { id: 'reading', kind: 'series', title: '现场监测', binding: 'emergency.reading', slot: 'left', order: 2, size: 'm' },
    { id: 'responders', kind: 'table', title: '联动部门', binding: 'emergency.responders', slot: 'right', order: 0, size: 'l' },
    { id: 'force', kind: 'gaugeSet', title: '力量到位', binding: 'emergency.force', slot: 'right', order: 1, size: 'm' },
  ],
  ticker: true,
  dwellSeconds: 60,
});
