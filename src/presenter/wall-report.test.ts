import { describe, expect, it } from 'vitest';
import { alarm, lifeline } from '../decision/fixtures';
import { wallReportSchema } from './protocol';
import { MAX_REPORTED_ALARMS, wallAlarms } from './wall-alarms';
import { reportFrom } from './wall-report';

describe('wallAlarms', () => {
  it('lists active alarms first with a text label and their point, at most 50', () => {
    const many = Array.from({ length: 70 }, (_, i) => alarm({ id: `a${i}`, at: 1_000_000 + i, state: i % 2 ? 'pending' : 'cleared', place: `地点<${i}>` }));
    const list = wallAlarms(lifeline(many));
    expect(list).toHaveLength(MAX_REPORTED_ALARMS);
    // Newest active first (odd ids are active here).
    expect(list[0]).toMatchObject({ id: 'a69', lon: 111.34, lat: 30.66 });
    expect(list[0]!.label).toContain('地点<69>');
    expect(list.slice(0, 35).every((a) => Number(a.id.slice(1)) % 2 === 1)).toBe(true);
    expect(wallAlarms(null)).toEqual([]);
  });
});

describe('reportFrom', () => {
  const state = (over: Partial<{ status: string; kind: string; speed: number }> = {}) =>
    ({
      kind: over.kind ?? 'recorded',
      status: over.status ?? 'playing',
      clock: { startTime: 1000, endTime: 9000, currentTime: 5000, speed: over.speed ?? 4, loop: true },
    }) as never;

  it('makes a report the protocol accepts, for a playing demo', () => {
    const r = reportFrom('flood', state(), [{ id: 'a1', label: 'x' }]);
    expect(r).toEqual({ sceneId: 'flood', dataTime: 5000, startTime: 1000, endTime: 9000, speed: 4, paused: false, demo: true, alarms: [{ id: 'a1', label: 'x' }] });
    expect(wallReportSchema.safeParse({ wallId: 'w1', ...r }).success).toBe(true);
  });

  it('reports nulls before the source started and keeps speed inside the schema', () => {
    const r = reportFrom('overview', null, []);
    expect(r).toMatchObject({ dataTime: null, startTime: null, speed: 1, paused: false, demo: false });
    expect(wallReportSchema.safeParse({ wallId: 'w1', ...r }).success).toBe(true);
    const loading = reportFrom('overview', state({ status: 'loading' }), []);
    expect(loading.dataTime).toBeNull();
    const odd = reportFrom('overview', state({ status: 'paused', kind: 'live', speed: 0 }), []);
    expect(odd).toMatchObject({ speed: 1, paused: true, demo: false });
    expect(wallReportSchema.safeParse({ wallId: 'w1', ...odd }).success).toBe(true);
  });
});
