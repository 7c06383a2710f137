/** Small valid payloads of the featured topics (flood, parking, skyeye, emergency) at a given time, for tests. */
import type { EmergencyStatus } from './emergency';
import type { FloodStatus } from './flood';
import type { ParkingStatus } from './parking';
import type { SkyeyeStatus } from './skyeye';

const H = 3_600_000;

export function floodStatusPayload(t: number): FloodStatus {
  return {
    asOf: t,
    rain: { hourStart: t - 2 * H, gauges: [{ id: 'RG-XL01', name: '夷陵广场', unitId: 'xiling', lon: 111.3, lat: 30.71, hourlyMm: [6.2, 14.5, 9.1], last24hMm: 88.4 }] },
    river: { station: '宜昌水文站', warningLevelM: 53, guaranteeLevelM: 55.73, readings: [{ at: t - H, levelM: 52.31 }, { at: t, levelM: 52.4 }] },
    waterlogging: [{ id: 'WL-01', place: '西陵区 东山大道铁路桥下', unitId: 'xiling', lon: 111.31, lat: 30.71, depthCm: 32, since: t - 20 * 60_000, trend: 'rising' }],
    pumps: [{ id: 'PS-01', name: '临江溪泵站', unitId: 'xiling', lon: 111.29, lat: 30.7, state: 'running', capacityM3h: 32_400, flowM3h: 27_000 }],
  };
}

export function parkingStatusPayload(t: number): ParkingStatus {
  return {
    asOf: t,
    carParks: [{ id: 'P001', name: '万达广场停车场', unitId: 'wujiagang', kind: 'mall', lon: 111.34, lat: 30.66, berths: 1200, occupied: 430, entriesToday: 380 }],
    hourly: { hourStart: t - 2 * H, pct: [31.5, 44.2, 57.9], dayBeforePct: [30.8, 43.1, 56.2] },
  };
}

export function skyeyeStatusPayload(t: number): SkyeyeStatus {
  return {
    asOf: t,
    cameras: { total: 1326, online: 1290 },
    today: { detected: 640, confirmed: 500, dispatched: 470 },
    byType: [{ type: 'street-vending', count: 400 }, { type: 'car-parking', count: 240 }],
    recent: [{ id: 'TY00001', at: t - 60_000, cameraId: 'CAM-0001', type: 'street-vending', unitId: 'xiling', place: '西陵区 解放路88号附近', lon: 111.29, lat: 30.7, confidence: 0.91, state: 'pending' }],
  };
}

export function emergencyStatusPayload(t: number): EmergencyStatus {
  return {
    asOf: t,
    incident: { id: 'YJ20261126-001', title: '东山大道边坡滑塌险情', level: '一般（Ⅳ级）', place: '西陵区 东山大道', unitId: 'xiling', lon: 111.31, lat: 30.71, reportedAt: t - 6 * 60_000, state: 'responding', evacuated: 12 },
    timeline: [{ at: t - 6 * 60_000, kind: 'report', text: '自然灾害监测：边坡裂缝计位移速率超限告警' }],
    responders: [{ id: 'fire', department: '西陵消防救援站', role: '排险救援', state: 'enroute', people: 12, vehicles: 3, lon: 111.305, lat: 30.708, dispatchedAt: t - 5 * 60_000, arrivedAt: null }],
    readings: { label: '边坡位移速率', unit: 'mm/h', alarm: 5, values: [{ at: t - 60_000, value: 7.5 }, { at: t, value: 7.9 }] },
  };
}
