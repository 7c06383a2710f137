/**
 * 防洪排涝 — a rainstorm over the central city: rain by gauge and hour, the Yangtze at 宜昌水文站 against
 * its warning level, waterlogging points (pulsing on the map) and the pumping stations at work.
 * The recorded scenario is synthetic (tools/demo-generator/flood.ts).
 */
import { defineScene } from '../src/scene/spec';

export const flood = defineScene({
  id: 'flood',
  title: '防洪排涝',
  // The central districts on both banks, from 小溪塔 in the north to 伍家岗 in the south-east.
  camera: { kind: 'look-at', lon: 111.322, lat: 30.695, range: 26_000, pitch: -50, heading: 0 },
  layers: ['boundaries', 'river'],
  points: [
    { id: 'rain-gauges', binding: 'flood.rainGaugePoints', style: 'dot' },
    { id: 'pumps', binding: 'flood.pumpPoints', style: 'ring' },
    { id: 'waterlogging', binding: 'flood.waterloggingPoints', style: 'pulse' },
  ],
  panels: [
    { id: 'kpis', kind: 'kpi', title: '防汛态势', binding: 'flood.kpis', slot: 'top', order: 0, size: 'm' },
    { id: 'rain-hourly', kind: 'series', title: '逐时降雨', binding: 'flood.rainHourly', slot: 'left', order: 0, size: 'm' },
    { id: 'rain-24h', kind: 'table', title: '24小时累计雨量', binding: 'flood.rain24h', slot: 'left', order: 1, size: 'l' },
    { id: 'river-gauge', kind: 'gauge', title: '长江宜昌站水位', binding: 'flood.riverGauge', slot: 'left', order: 2, size: 's' },
    { id: 'river-level', kind: 'series', title: '长江水位过程', binding: 'flood.riverLevel', slot: 'right', order: 0, size: 'm' },
    { id: 'waterlogging', kind: 'alarms', title: '积水告警', binding: 'flood.waterloggingAlarms', slot: 'right', order: 1, size: 'm' },
    { id: 'pumps', kind: 'table', title: '泵站运行', binding: 'flood.pumps', slot: 'right', order: 2, size: 'm' },
  ],
  ticker: true,
  dwellSeconds: 60,
});
