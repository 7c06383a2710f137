import { describe, expect, it } from 'vitest';
import type { SkyeyeStatus } from '../../../data-adapters/topics/skyeye';
import { camerasOnline, detectionPoints, detectionsByType, recentByUnit, recentDetections, skyeyeFigures, skyeyeRates } from './skyeye';

const T = Date.UTC(2026, 10, 26, 1, 30);
const det = (id: string, at: number, type: SkyeyeStatus['recent'][number]['type'], state: SkyeyeStatus['recent'][number]['state'], unitId: 'xiling' | 'wujiagang') => ({
  id, at, cameraId: 'CAM-0001', type, unitId, place: '<script>x</script>', lon: 111.3, lat: 30.7, confidence: 0.876, state,
});
const p: SkyeyeStatus = {
  asOf: T,
  cameras: { total: 1000, online: 975 },
  today: { detected: 200, confirmed: 150, dispatched: 140 },
  byType: [{ type: 'street-vending', count: 120 }, { type: 'car-parking', count: 80 }],
  recent: [
    det('D1', T - 300_000, 'street-vending', 'dispatched', 'xiling'),
    det('D2', T - 200_000, 'car-parking', 'dismissed', 'wujiagang'),
    det('D3', T - 100_000, 'car-parking', 'confirmed', 'xiling'),
    det('D4', T - 10_000, 'street-drying', 'pending', 'xiling'),
  ],
};

describe('skyeye selectors', () => {
  it('figures: detected → confirmed → dispatched, and what waits for review', () => {
    expect(Object.fromEntries(skyeyeFigures(p).map((k) => [k.id, k.value]))).toEqual({ detected: 200, confirmed: 150, dispatched: 140, pending: 1 });
  });

  it('rates: accuracy, confirmed turned into cases, cameras online', () => {
    expect(skyeyeRates(p).items.map((g) => [g.label, g.value])).toEqual([['识别准确率', 75], ['确认转案率', 93.3], ['摄像头在线率', 97.5]]);
  });

  it('types by count with their Chinese names', () => {
    expect(detectionsByType(p)).toEqual([{ id: 'street-vending', name: '占道经营', value: 120 }, { id: 'car-parking', name: '机动车乱停', value: 80 }]);
  });

  it('cameras online as a rate with the count in the note', () => {
    expect(camerasOnline(p)).toMatchObject({ value: 97.5, warn: 95, alarm: 90, note: '在线 975 / 1000 路' });
  });

  it('lists the newest first, place as plain text, and maps all but false alarms', () => {
    const items = recentDetections(p).items;
    expect(items.map((i) => i.id)).toEqual(['D4', 'D3', 'D2', 'D1']);
    expect(items[0]).toMatchObject({ level: 'minor', title: '沿街晾挂 · 置信度88%', place: 'CAM-0001 <script>x</script>', state: '待审核' });
    expect(items[1]!.level).toBe('major');
    expect(detectionPoints(p).points.map((x) => [x.id, x.tone])).toEqual([['D1', 'normal'], ['D3', 'alert'], ['D4', 'warn']]);
    expect(recentByUnit(p)).toEqual([{ id: 'xiling', name: '西陵', value: 3 }, { id: 'wujiagang', name: '伍家岗', value: 1 }]);
  });
});
