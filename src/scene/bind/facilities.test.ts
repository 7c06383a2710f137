import { describe, expect, it } from 'vitest';
import { facilitiesStatusPayload } from '../../../data-adapters/topics/facilities-fixtures';
import { facilityChangePayload } from '../../../data-adapters/topics/facilities-fixtures';
import { facilityCountsTable, facilityKpis, liveFacilityStatus } from './facilities';

const T = Date.UTC(2026, 10, 26, 1, 40);

describe('facility bindings', () => {
  it('table: one row per kind with totals and the statuses not normal', () => {
    const t = facilityCountsTable(facilitiesStatusPayload(T));
    expect(t.rows.map((r) => r.cells.name)).toEqual(['井盖', '路灯', '管线']);
    expect(t.rows[0]!.cells).toMatchObject({ total: 364_650, alarm: 2_100, offline: 5_700, repair: 2_850 });
    expect(t.rows[0]!.tone).toBe('alert');
  });

  it('kpis add up every kind', () => {
    const k = facilityKpis(facilitiesStatusPayload(T));
    expect(k.find((i) => i.id === 'alarm')!.value).toBe(2_100 + 1_400 + 360);
  });
});

describe('liveFacilityStatus', () => {
  const snap = facilitiesStatusPayload(T);
  const alarmOf = (p: ReturnType<typeof liveFacilityStatus>, kind = 'manholes') => p.totals.find((t) => t.kind === kind)!.counts.alarm;

  it('moves the totals by the changes after the snapshot only', () => {
    const changes = [
      facilityChangePayload(T - 1000, { id: 9, status: 'alarm', from: 'normal' }), // already in the snapshot
      facilityChangePayload(T + 1000, { id: 10, status: 'alarm', from: 'normal' }),
      facilityChangePayload(T + 2000, { id: 11, status: 'alarm' }), // no from: normal
      facilityChangePayload(T + 3000, { id: 10, status: 'repair' }), // no from: its previous change (alarm)
    ];
    const live = liveFacilityStatus(snap, changes);
    expect(alarmOf(live)).toBe(2_100 + 1);
    expect(live.totals[0]!.counts.repair).toBe(2_850 + 1);
    expect(live.totals[0]!.counts.normal).toBe(354_000 - 2);
    expect(snap.totals[0]!.counts.alarm).toBe(2_100); // the payload is not touched
  });

  it('returns the snapshot itself without later changes, and never counts below zero', () => {
    expect(liveFacilityStatus(snap, [])).toBe(snap);
    const empty = { ...snap, totals: [{ kind: 'pipes' as const, counts: { normal: 1, alarm: 0, offline: 0, repair: 0 } }] };
    const live = liveFacilityStatus(empty, [facilityChangePayload(T + 1, { kind: 'pipes', status: 'normal', from: 'alarm' })]);
    expect(live.totals[0]!.counts).toEqual({ normal: 1, alarm: 0, offline: 0, repair: 0 });
  });
});
