import { beforeAll, describe, expect, it } from 'vitest';
import { validateMessage } from '../../data-adapters/schemas';
import type { FacilitiesStatus, FacilityChange } from '../../data-adapters/topics/facilities';
import { totalOf } from '../../data-adapters/topics/facilities';
import type { LifelineStatus } from '../../data-adapters/topics/lifeline';
import { FACILITY_KINDS, FACILITY_STATUSES, parseFacilityCode } from '../../src/facilities/schema';
import { DEMO_DURATION_MS, DEMO_SEED, DEMO_START_TIME } from './config';
import { facilitiesSnapshots, loadFacilityBases, planFacilityChanges } from './facilities';
import { buildDemoRecording, type DemoRecording } from './generate';
import { MINUTE } from './time';

let rec: DemoRecording;
let changes: FacilityChange[];
let snaps: FacilitiesStatus[];
beforeAll(() => {
  rec = buildDemoRecording(DEMO_SEED);
  changes = rec.lines.filter((l) => l.topic === 'facility.change').map((l) => l.payload as FacilityChange);
  snaps = rec.lines.filter((l) => l.topic === 'facilities.status').map((l) => l.payload as FacilitiesStatus);
}, 60_000);

describe('facility status in the demo recording', () => {
  it('has a few hundred valid changes and a valid snapshot every minute', () => {
    expect(changes.length).toBeGreaterThan(200);
    expect(changes.length).toBeLessThan(600);
    for (const c of changes) expect(validateMessage('facility.change', c, c.at).ok).toBe(true);
    expect(snaps).toHaveLength(DEMO_DURATION_MS / MINUTE + 1);
    for (const s of snaps) expect(validateMessage('facilities.status', s, s.asOf).ok).toBe(true);
    // Every kind changes; there is a burst (≥ 30 changes within a minute).
    for (const kind of FACILITY_KINDS) expect(changes.some((c) => c.kind === kind)).toBe(true);
    const perMinute = new Map<number, number>();
    for (const c of changes) perMinute.set(Math.floor(c.at / MINUTE), (perMinute.get(Math.floor(c.at / MINUTE)) ?? 0) + 1);
    expect(Math.max(...perMinute.values())).toBeGreaterThanOrEqual(30);
  });

  it('names only facilities of the shipped files, and every episode is over before the end (loops start clean)', () => {
    const bases = loadFacilityBases();
    const last = new Map<string, string>();
    for (const c of changes) {
      const ids = bases[c.kind].id;
      expect(ids.includes(c.id), `${c.kind} ${c.id}`).toBe(true);
      last.set(`${c.kind}:${c.id}`, c.status);
      expect(c.at).toBeLessThan(DEMO_START_TIME + DEMO_DURATION_MS);
    }
    for (const [key, status] of last) expect(status, key).toBe('normal');
  });

  it('snapshot totals are the files\' counts moved by the changes so far', () => {
    const bases = loadFacilityBases();
    const first = snaps[0]!;
    for (const kind of FACILITY_KINDS) {
      const t = first.totals.find((x) => x.kind === kind)!;
      expect(totalOf(t.counts)).toBe(bases[kind].id.length);
    }
    // Replay: status per facility, counts of alarms per kind at each snapshot.
    const fileStatus = (c: FacilityChange) => FACILITY_STATUSES[bases[c.kind].status[bases[c.kind].id.indexOf(c.id)]!]!;
    for (const s of snaps.filter((_, i) => i % 7 === 3)) {
      const now = new Map<string, FacilityChange>();
      for (const c of changes) if (c.at <= s.asOf) now.set(`${c.kind}:${c.id}`, c);
      for (const kind of FACILITY_KINDS) {
        let delta = 0;
        for (const c of now.values()) {
          if (c.kind !== kind) continue;
          delta += (c.status === 'alarm' ? 1 : 0) - (fileStatus(c) === 'alarm' ? 1 : 0);
        }
        const base = first.totals.find((x) => x.kind === kind)!.counts.alarm;
        const startDelta = [...changes].filter((c) => c.kind === kind && c.at <= first.asOf).length; // none at t = 0
        expect(startDelta).toBe(0);
        expect(s.totals.find((x) => x.kind === kind)!.counts.alarm).toBe(base + delta);
      }
      expect(s.recent[0]?.at ?? 0).toBeLessThanOrEqual(s.asOf);
    }
  });

  it('ties the gas manhole to the lifeline story: alarm when the alarm fires, repair at dispatch, normal at 结案', () => {
    const lifeline = rec.lines.filter((l) => l.topic === 'lifeline.status').map((l) => l.payload as LifelineStatus);
    const gas = lifeline.flatMap((s) => s.alarms).find((a) => a.caseId !== null)!;
    const code = /JG\d+/.exec(gas.place)?.[0];
    expect(code).toBeDefined();
    const { kind, id } = parseFacilityCode(code!)!;
    expect(kind).toBe('manholes');
    const bases = loadFacilityBases();
    const row = bases.manholes.id.indexOf(id);
    expect(bases.manholes.type![row]).toBe(2); // a gas manhole
    expect(bases.manholes.status[row]).toBe(0); // normal in the files
    const mine = changes.filter((c) => c.kind === 'manholes' && c.id === id);
    expect(mine.map((c) => c.status)).toEqual(['alarm', 'repair', 'normal']);
    expect(mine[0]!.at).toBe(gas.at);
    const events = rec.lines.filter((l) => l.topic === 'case.event').map((l) => l.payload as { caseId: string; stage: string; at: number; address: string; lon: number; lat: number });
    const order = events.filter((e) => e.caseId === gas.caseId);
    expect(mine[1]!.at).toBe(order.find((e) => e.stage === 'dispatch')!.at);
    expect(mine[2]!.at).toBe(order.find((e) => e.stage === 'close')!.at);
    expect(order[0]!.address).toContain(code);
    // The alarm and the work order sit on the manhole.
    const dlon = bases.manholes.dlon![row]!;
    expect(Math.abs(111.29 + dlon - gas.lon)).toBeLessThan(1e-6);
    expect(order[0]!.lon).toBe(gas.lon);
  });

  it('is deterministic from the seed, and another seed plans other changes', () => {
    const bases = loadFacilityBases();
    const end = DEMO_START_TIME + DEMO_DURATION_MS;
    const a = planFacilityChanges(7, DEMO_START_TIME, end, bases, null);
    const b = planFacilityChanges(7, DEMO_START_TIME, end, bases, null);
    const c = planFacilityChanges(8, DEMO_START_TIME, end, bases, null);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    const times = [DEMO_START_TIME, DEMO_START_TIME + 15 * MINUTE];
    expect(JSON.stringify(facilitiesSnapshots(bases, a, times))).toBe(JSON.stringify(facilitiesSnapshots(bases, b, times)));
  });
});
