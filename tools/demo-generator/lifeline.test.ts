import { beforeAll, describe, expect, it } from 'vitest';
import { STAGE_IDS } from '../../data-adapters/domain';
import { validateMessage, type CaseEvent } from '../../data-adapters/schemas';
import { LIFELINE_SECTORS, lifelineStatusSchema, type LifelineStatus } from '../../data-adapters/topics/lifeline';
import { DEMO_DURATION_MS, DEMO_SEED, DEMO_START_TIME } from './config';
import { buildDemoRecording } from './generate';
import { isInUnit, loadBoundaries, UnitSampler } from './geography';
import { CENTRAL_UNITS, distanceToRiverKm, lifelineSnapshots, loadRiver, MIN_RIVER_DISTANCE_KM, planLifeline, shiftLifelineStatus } from './lifeline';
import { MINUTE } from './time';

const boundaries = loadBoundaries();
const river = loadRiver();
const start = DEMO_START_TIME;
const end = start + DEMO_DURATION_MS;
const everyMinute = Array.from({ length: DEMO_DURATION_MS / MINUTE + 1 }, (_, m) => start + m * MINUTE);

function build(seed: number) {
  const plan = planLifeline(seed, start, end, { sampler: new UnitSampler(boundaries), river, caseIndex: 99_999 });
  return { plan, snapshots: lifelineSnapshots(seed, plan, everyMinute) };
}

describe('lifeline generator', () => {
  let snaps: LifelineStatus[];
  let events: CaseEvent[];
  beforeAll(() => {
    const rec = buildDemoRecording(DEMO_SEED);
    snaps = rec.lines.filter((l) => l.topic === 'lifeline.status').map((l) => l.payload as LifelineStatus);
    events = rec.lines.filter((l) => l.topic === 'case.event').map((l) => l.payload as CaseEvent);
  }, 60_000);

  it('is deterministic for a seed and differs for another', { timeout: 60_000 }, () => {
    const once = JSON.stringify(build(DEMO_SEED).snapshots);
    expect(JSON.stringify(build(DEMO_SEED).snapshots)).toBe(once);
    expect(JSON.stringify(build(7).snapshots)).not.toBe(once);
  });

  it('writes one valid snapshot a minute with the 12 sectors in order and plausible figures', () => {
    expect(snaps.map((s) => s.asOf)).toEqual(everyMinute);
    for (const s of snaps) {
      expect(validateMessage('lifeline.status', s, s.asOf).ok).toBe(true);
      expect(s.sectors.map((x) => x.id)).toEqual(LIFELINE_SECTORS.map((x) => x.id));
      for (const x of s.sectors) {
        expect(x.online / x.sensors, x.id).toBeGreaterThan(0.9);
        expect(x.activeAlarms).toBeLessThanOrEqual(x.alarmsToday);
        expect(x.activeAlarms).toBe(s.alarms.filter((a) => a.sector === x.id && ['pending', 'ticketed', 'handling'].includes(a.state)).length);
      }
    }
    // Alarms today only grow.
    for (let i = 1; i < snaps.length; i += 1) {
      snaps[i]!.sectors.forEach((x, j) => expect(x.alarmsToday).toBeGreaterThanOrEqual(snaps[i - 1]!.sectors[j]!.alarmsToday));
    }
  });

  it.each([DEMO_SEED, 7, 42])('places every alarm in a central district, in an urban area, clear of the river (seed %i)', (seed) => {
    const central = new Set(CENTRAL_UNITS.map(([u]) => u));
    for (const a of build(seed).plan.alarms) {
      expect(central.has(a.unitId), a.id).toBe(true);
      expect(isInUnit(boundaries, a.unitId, a.lon, a.lat), `${a.id} ${a.lon},${a.lat}`).toBe(true);
      expect(distanceToRiverKm(river, a.lon, a.lat), a.id).toBeGreaterThanOrEqual(MIN_RIVER_DISTANCE_KM);
    }
  });

  it('turns the gas alarm into a work order that closes the loop, and the alarm follows the case', () => {
    const gas = events.filter((e) => e.caseId.startsWith('GAS-'));
    expect(gas.map((e) => e.stage)).toEqual([...STAGE_IDS]);
    expect(gas.every((e) => e.channel === 'sensor' && e.category === 'lifeline' && !e.overdue)).toBe(true);
    expect(gas[0]!.at - start).toBeGreaterThanOrEqual(6 * MINUTE);
    expect(gas[5]!.at).toBeLessThan(end);
    const caseId = gas[0]!.caseId;
    const gasId = snaps[snaps.length - 1]!.alarms.find((a) => a.caseId === caseId)?.id;
    expect(gasId).toBeDefined();
    const alarmAt = (m: number) => snaps[m]!.alarms.find((a) => a.id === gasId);
    expect(alarmAt(5)).toBeUndefined();
    expect(alarmAt(7)).toMatchObject({ state: 'pending', caseId: null, caseStages: [], sector: 'gas', level: 'critical', kind: '可燃气体浓度超限' });
    const stateAtStage = (stage: string) => {
      const e = gas.find((x) => x.stage === stage)!;
      const m = Math.ceil((e.at - start) / MINUTE);
      return alarmAt(m)!;
    };
    expect(stateAtStage('discover')).toMatchObject({ state: 'ticketed', caseId });
    expect(stateAtStage('handle')).toMatchObject({ state: 'handling', caseId });
    const closed = stateAtStage('close');
    expect(closed).toMatchObject({ state: 'closed', caseId });
    expect(closed.caseStages).toEqual(gas.map((e) => ({ stage: e.stage, at: e.at })));
    // The alarm and the work order are at the same place.
    expect([closed.lon, closed.lat, closed.place]).toEqual([gas[0]!.lon, gas[0]!.lat, gas[0]!.address]);
  });

  it('has a drainage well that alarms repeatedly, and alarms that clear by themselves', () => {
    const last = snaps[snaps.length - 1]!;
    const places = new Map<string, number>();
    for (const a of last.alarms.filter((x) => x.sector === 'drainage')) places.set(a.place, (places.get(a.place) ?? 0) + 1);
    expect(Math.max(...places.values())).toBeGreaterThanOrEqual(3);
    expect(last.alarms.some((a) => a.state === 'cleared')).toBe(true);
  });

  it('shifts every time and suffixes ids like the case events in later loops', () => {
    const s = snaps[snaps.length - 1]!;
    const shifted = shiftLifelineStatus(s, 3_600_000, 2);
    expect(shifted.asOf).toBe(s.asOf + 3_600_000);
    shifted.alarms.forEach((a, i) => {
      const o = s.alarms[i]!;
      expect([a.at, a.stateAt]).toEqual([o.at + 3_600_000, o.stateAt + 3_600_000]);
      expect(a.caseStages.map((x) => x.at)).toEqual(o.caseStages.map((x) => x.at + 3_600_000));
      expect(a.id).toBe(`${o.id}-L2`);
      expect(a.caseId).toBe(o.caseId === null ? null : `${o.caseId}-L2`);
    });
    expect(shiftLifelineStatus(s, 0, 0)).toEqual(s);
  });
});

describe('lifeline.status schema', () => {
  let sample = '';
  beforeAll(() => {
    sample = JSON.stringify(build(DEMO_SEED).snapshots[20]);
  });
  const ok = (): LifelineStatus => JSON.parse(sample) as LifelineStatus;

  it('accepts a generated snapshot', () => {
    expect(lifelineStatusSchema.safeParse(ok()).success).toBe(true);
  });

  it.each([
    ['more online than sensors', (p: LifelineStatus) => { p.sectors[0]!.online = p.sectors[0]!.sensors + 1; }],
    ['an unknown sector', (p: LifelineStatus) => { (p.sectors[0] as { id: string }).id = 'nuclear'; }],
    ['an unknown alarm state', (p: LifelineStatus) => { (p.alarms[0] as { state: string }).state = 'ignored'; }],
    ['a place too long', (p: LifelineStatus) => { p.alarms[0]!.place = 'x'.repeat(81); }],
    ['a fractional time', (p: LifelineStatus) => { p.alarms[0]!.at += 0.5; }],
    ['a latitude off the globe', (p: LifelineStatus) => { p.alarms[0]!.lat = 91; }],
    ['too many alarms', (p: LifelineStatus) => { p.alarms = Array.from({ length: 81 }, () => p.alarms[0]!); }],
    ['a missing asOf', (p: LifelineStatus) => { delete (p as Partial<LifelineStatus>).asOf; }],
  ])('rejects %s', (_, spoil) => {
    const p = ok();
    spoil(p);
    expect(lifelineStatusSchema.safeParse(p).success).toBe(false);
  });
});
