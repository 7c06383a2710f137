/**
 * 停车 — "the whole city as one car park" (全市一个停车场): berths and free berths city-wide, each car
 * park on the map toned by how full it is, occupancy by unit and by hour, turnover, the fullest car parks.
 */
import { defineScene } from '../src/scene/spec';

export const parking = defineScene({
  id: 'parking',
  title: '全市一个停车场',
  // The central city, where most of the connected car parks are.
  camera: { kind: 'look-at', lon: 111.322, lat: 30.7, range: 24_000, pitch: -50, heading: 0 },
  layers: ['boundaries', 'river'],
  points: [{ id: 'car-parks', binding: 'parking.points', style: 'dot' }],
  panels: [
    { id: 'figures', kind: 'figures', title: '泊位概况', binding: 'parking.figures', slot: 'left', order: 0, size: 'm' },
    { id: 'by-hour', kind: 'series', title: '今日占用率', binding: 'parking.byHour', slot: 'left', order: 1, size: 'm' },
    { id: 'turnover', kind: 'gauge', title: '泊位周转', binding: 'parking.turnover', slot: 'left', order: 2, size: 's' },
    { id: 'by-unit', kind: 'table', title: '各地泊位占用率', binding: 'parking.byUnit', slot: 'right', order: 0, size: 'l' },
    { id: 'busiest', kind: 'table', title: '繁忙停车场', binding: 'parking.busiest', slot: 'right', order: 1, size: 'm' },
    { id: 'free-by-kind', kind: 'pie', title: '空余泊位构成', binding: 'parking.freeByKind', slot: 'right', order: 2, size: 'm', unit: '个' },
  ],
  ticker: true,
  dwellSeconds: 60,
});
