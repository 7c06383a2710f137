/**
 * 城管天眼查 — the camera AI patrol: what it found today and of which kind, how much of it became cases,
 * its accuracy and the cameras online, and the newest detections on the map and as a list.
 */
import { defineScene } from '../src/scene/spec';

export const skyeye = defineScene({
  id: 'skyeye',
  title: '城管天眼查',
  // The main urban area the patrol cameras cover.
  camera: { kind: 'look-at', lon: 111.318, lat: 30.7, range: 20_000, pitch: -50, heading: 0 },
  layers: ['boundaries', 'river'],
  points: [{ id: 'detections', binding: 'skyeye.points', style: 'pulse' }],
  panels: [
    { id: 'figures', kind: 'figures', title: '今日识别转案件', binding: 'skyeye.figures', slot: 'left', order: 0, size: 'm' },
    { id: 'rates', kind: 'gaugeSet', title: '运行指标', binding: 'skyeye.rates', slot: 'left', order: 1, size: 's' },
    { id: 'by-unit', kind: 'pie', title: '近两小时分布', binding: 'skyeye.byUnit', slot: 'left', order: 2, size: 'm' },
    { id: 'by-type', kind: 'ranking', title: '今日识别类型', binding: 'skyeye.byType', slot: 'right', order: 0, size: 'l' },
    { id: 'recent', kind: 'alarms', title: '最新识别', binding: 'skyeye.recent', slot: 'right', order: 1, size: 'm' },
  ],
  ticker: true,
  dwellSeconds: 60,
});
