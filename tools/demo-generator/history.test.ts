import { beforeAll, describe, expect, it } from 'vitest';
import { UNIT_IDS } from '../../data-adapters/domain';
import { validateMessage, type CasesBaseline } from '../../data-adapters/schemas';
import { casesHistorySchema, type CasesHistory } from '../../data-adapters/topics/history';
import { DEMO_DURATION_MS, DEMO_SEED, DEMO_START_TIME } from './config';
import { buildDemoRecording } from './generate';
import { buildHistory, shiftCasesHistory } from './history';
import { DayLedger } from './ledger';
import { simulateCases } from './simulation';
import { DAY, localDayStart, MINUTE } from './time';

const start = DEMO_START_TIME;
const end = start + DEMO_DURATION_MS;
const total = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

function build(seed: number): CasesHistory[] {
  const cases = simulateCases(seed, start, end);
  return buildHistory(seed, cases, new DayLedger(cases, localDayStart(start), end), [start, start + 10 * MINUTE]);
}

describe('cases.history generator', () => {
  let snaps: CasesHistory[];
  let baseline: CasesBaseline;
  beforeAll(() => {
    const rec = buildDemoRecording(DEMO_SEED);
    snaps = rec.lines.filter((l) => l.topic === 'cases.history').map((l) => l.payload as CasesHistory);
    baseline = rec.lines.find((l) => l.topic === 'cases.baseline')!.payload as CasesBaseline;
  }, 60_000);

  // Three case simulations: slow on a busy machine, not a timing assertion.
  it('is deterministic for a seed and differs for another', { timeout: 60_000 }, () => {
    const once = JSON.stringify(build(DEMO_SEED));
    expect(JSON.stringify(build(DEMO_SEED))).toBe(once);
    expect(JSON.stringify(build(7))).not.toBe(once);
  });

  it('writes a valid snapshot at the start and every 10 minutes', () => {
    expect(snaps.map((s) => s.asOf - start)).toEqual([0, 10, 20, 30].map((m) => m * MINUTE));
    for (const s of snaps) expect(validateMessage('cases.history', s, s.asOf).ok).toBe(true);
  });

  it('ends the months before the current one and the days before today', () => {
    const s = snaps[0]!;
    expect(s.cityMonthly[0]?.month).toBe('2024-11');
    expect(s.cityMonthly[s.cityMonthly.length - 1]?.month).toBe('2026-10');
    expect(s.daily[0]?.date).toBe('2026-10-29');
    expect(s.daily[s.daily.length - 1]?.date).toBe('2026-11-25');
    expect(s.monthToDate.month).toBe('2026-11');
  });

  it('has plausible monthly intake with a February lull, and units that add up to the city', () => {
    const s = snaps[0]!;
    for (const m of s.cityMonthly) {
      expect(m.received).toBeGreaterThan(40_000);
      expect(m.received).toBeLessThan(100_000);
    }
    const feb = s.cityMonthly.find((m) => m.month === '2026-02')!.received;
    const mar = s.cityMonthly.find((m) => m.month === '2026-03')!.received;
    expect(feb).toBeLessThan(mar * 0.85);
    expect(s.units.map((u) => u.unitId)).toEqual([...UNIT_IDS]);
    const tail = s.cityMonthly.slice(-13);
    tail.forEach((m, i) => expect(s.units.reduce((sum, u) => sum + u.monthly[i]!.received, 0)).toBe(m.received));
    for (const u of s.units) for (const m of u.monthly) {
      expect(m.completion).toBeGreaterThan(80);
      expect(m.satisfaction).toBeGreaterThan(85);
    }
  });

  it('agrees with the baseline trend on the days both know, and grows the month to date', () => {
    const s = snaps[0]!;
    for (const d of baseline.trend.slice(0, -1)) {
      const h = s.daily.find((x) => x.date === d.date);
      expect(h && total(h.byCategory), d.date).toBe(d.received);
    }
    const novemberDays = s.daily.filter((d) => d.date >= '2026-11-01').reduce((a, d) => a + total(d.byCategory), 0);
    expect(s.monthToDate.received).toBe(novemberDays + baseline.trend[baseline.trend.length - 1]!.received);
    for (let i = 1; i < snaps.length; i += 1) expect(snaps[i]!.monthToDate.received).toBeGreaterThanOrEqual(snaps[i - 1]!.monthToDate.received);
  });

  it('carries the scripted stories the rules pick up', () => {
    const s = snaps[0]!;
    const unit = (id: string) => s.units.find((u) => u.unitId === id)!.monthly;
    const dj = unit('dianjun');
    expect(dj[dj.length - 2]!.completion - dj[dj.length - 1]!.completion).toBeGreaterThan(5);
    const wf = unit('wufeng').slice(-4).map((m) => m.satisfaction);
    expect(wf).toEqual([...wf].sort((a, b) => b - a));
  });

  it('shifts asOf and re-dates months and days to end before the shifted asOf', () => {
    const s = snaps[0]!;
    const shifted = shiftCasesHistory(s, 40 * DAY);
    expect(casesHistorySchema.safeParse(shifted).success).toBe(true);
    expect(shifted.asOf).toBe(s.asOf + 40 * DAY);
    expect(shifted.daily[shifted.daily.length - 1]?.date).toBe('2027-01-04');
    expect(shifted.cityMonthly[shifted.cityMonthly.length - 1]?.month).toBe('2026-12');
    expect(shifted.units[0]?.monthly[shifted.units[0].monthly.length - 1]?.month).toBe('2026-12');
    expect(shifted.monthToDate.month).toBe('2027-01');
    expect(shifted.daily.map((d) => d.byCategory)).toEqual(s.daily.map((d) => d.byCategory));
    expect(shiftCasesHistory(s, 0)).toEqual(s);
  });
});

describe('cases.history schema', () => {
  let sample = '';
  beforeAll(() => {
    sample = JSON.stringify(build(DEMO_SEED)[0]);
  });
  const ok = (): CasesHistory => JSON.parse(sample) as CasesHistory;

  it('accepts a generated snapshot', () => {
    expect(casesHistorySchema.safeParse(ok()).success).toBe(true);
  });

  it.each([
    ['a month missing', (p: CasesHistory) => { p.cityMonthly.splice(3, 1); }],
    ['months out of order', (p: CasesHistory) => { [p.cityMonthly[0]!.month, p.cityMonthly[1]!.month] = [p.cityMonthly[1]!.month, p.cityMonthly[0]!.month]; }],
    ['a gap in the days', (p: CasesHistory) => { p.daily[5]!.date = '2026-11-30'; }],
    ['a rate above 100', (p: CasesHistory) => { p.units[0]!.monthly[0]!.completion = 101; }],
    ['a negative count', (p: CasesHistory) => { p.cityMonthly[0]!.received = -1; }],
    ['a category missing', (p: CasesHistory) => { delete (p.daily[0]!.byCategory as Partial<Record<string, number>>).noise; }],
    ['unit months not ending with the city', (p: CasesHistory) => { p.units[0]!.monthly = p.units[0]!.monthly.map((m, i) => ({ ...m, month: `2025-${String(i % 12 + 1).padStart(2, '0')}` })); }],
    ['a bad month label', (p: CasesHistory) => { p.monthToDate.month = '2026-13'; }],
  ])('rejects %s', (_, spoil) => {
    const p = ok();
    spoil(p);
    expect(casesHistorySchema.safeParse(p).success).toBe(false);
  });
});
