/** Small valid payloads of `facilities.status` and `facility.change` for boundary tests (hand-made, fixed). */
import type { FacilitiesStatus, FacilityChange } from './facilities';

export function facilityChangePayload(t: number, over: Partial<FacilityChange> = {}): FacilityChange {
  return { kind: 'manholes', id: 1_000_417, status: 'alarm', at: t, reason: '可燃气体浓度超限', ...over };
}

export function facilitiesStatusPayload(t: number): FacilitiesStatus {
  return {
    asOf: t,
    totals: [
      { kind: 'manholes', counts: { normal: 354_000, alarm: 2_100, offline: 5_700, repair: 2_850 } },
      { kind: 'streetlights', counts: { normal: 113_300, alarm: 1_400, offline: 2_340, repair: 940 } },
      { kind: 'pipes', counts: { normal: 117_400, alarm: 360, offline: 950, repair: 470 } },
    ],
    recent: [facilityChangePayload(t - 1000), facilityChangePayload(t - 5000, { kind: 'streetlights', id: 2_000_003, status: 'offline', reason: '单灯控制器离线' })],
  };
}
