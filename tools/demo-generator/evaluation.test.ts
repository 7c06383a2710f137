import { beforeAll, describe, expect, it } from 'vitest';
import { UNIT_IDS } from '../../data-adapters/domain';
import { validateMessage } from '../../data-adapters/schemas';
import { DEPARTMENTS, type DepartmentRates, type EvaluationSummary } from '../../data-adapters/topics/evaluation';
import { DEMO_DURATION_MS, DEMO_SEED, DEMO_START_TIME } from './config';
import { buildDemoRecording } from './generate';
import { buildDepartmentRates, buildEvaluationSummaries, CALENDAR_DAYS, isoMonthOf, monthBefore, MONTHS_SHOWN, previousQuarterOf, redateSummary } from './evaluation';
import { DAY, localIsoDate, MINUTE, shanghaiTime } from './time';

const everyFive = Array.from({ length: DEMO_DURATION_MS / (5 * MINUTE) + 1 }, (_, i) => DEMO_START_TIME + i * 5 * MINUTE);

let summaries: EvaluationSummary[];
let departments: DepartmentRates[];
let rec: ReturnType<typeof buildDemoRecording>;
beforeAll(() => {
  rec = buildDemoRecording(DEMO_SEED);
  summaries = rec.lines.filter((l) => l.topic === 'evaluation.summary').map((l) => l.payload as EvaluationSummary);
  departments = rec.lines.filter((l) => l.topic === 'evaluation.departments').map((l) => l.payload as DepartmentRates);
});

describe('calendar labels', () => {
  it('counts months back across years', () => {
    expect(monthBefore('2026-11', 0)).toBe('2026-11');
    expect(monthBefore('2026-11', 10)).toBe('2026-01');
    expect(monthBefore('2026-11', 11)).toBe('2025-12');
    expect(monthBefore('2026-01', 1)).toBe('2025-12');
    expect(monthBefore('2026-03', 26)).toBe('2024-01');
  });

  it('names the last complete quarter in Shanghai time', () => {
    expect(previousQuarterOf(shanghaiTime(2026, 11, 26, 9, 30))).toBe('2026-Q3');
    expect(previousQuarterOf(shanghaiTime(2026, 2, 1))).toBe('2025-Q4');
    expect(previousQuarterOf(shanghaiTime(2026, 4, 1))).toBe('2026-Q1');
    // 2026-07-01 00:30 in Shanghai is still June 30 in UTC: the quarter follows Shanghai.
    expect(previousQuarterOf(shanghaiTime(2026, 7, 1, 0, 30))).toBe('2026-Q2');
    expect(isoMonthOf(shanghaiTime(2026, 7, 1, 0, 30))).toBe('2026-07');
  });
});

describe('evaluation.summary', () => {
  it('is written every 5 minutes and validates', () => {
    expect(summaries.map((s) => s.asOf)).toEqual(everyFive);
    for (const s of summaries) {
      const r = validateMessage('evaluation.summary', s, s.asOf);
      if (!r.ok) throw new Error(r.reason);
    }
  });

  it('is deterministic for a seed and differs for another', () => {
    const rates = rec.lines.filter((l) => l.topic === 'rates.units').map((l) => l.payload as never);
    expect(buildEvaluationSummaries(DEMO_SEED, rates, everyFive)).toEqual(summaries);
    expect(buildEvaluationSummaries(DEMO_SEED + 1, rates, everyFive)).not.toEqual(summaries);
  });

  it('covers 12 months ending this month and ~90 days ending today, with labels that follow asOf', () => {
    for (const s of summaries) {
      expect(s.month).toBe('2026-11');
      expect(s.monthly.map((m) => m.month)).toEqual(Array.from({ length: MONTHS_SHOWN }, (_, i) => monthBefore('2026-11', MONTHS_SHOWN - 1 - i)));
      expect(s.daily).toHaveLength(CALENDAR_DAYS);
      expect(s.daily.at(-1)?.date).toBe('2026-11-26');
      s.daily.forEach((d, i) => expect(d.date).toBe(localIsoDate(s.asOf - (CALENDAR_DAYS - 1 - i) * DAY)));
      expect(s.monthly.at(-1)?.score).toBe(s.composite);
      expect(s.quarterRanking.quarter).toBe('2026-Q3');
    }
  });

  it('has plausible scores that move slowly', () => {
    for (const s of summaries) {
      expect(s.composite).toBeGreaterThan(85);
      expect(s.composite).toBeLessThan(99);
      for (const d of s.dimensions) expect(d.score).toBeGreaterThan(80);
      for (const x of s.safety) {
        expect(x.rectified).toBeLessThanOrEqual(x.issues);
        expect(x.score).toBeGreaterThan(90);
      }
      for (const d of s.daily) expect(d.score).toBeGreaterThan(75);
      // Past months sit close to the current one: no cliff on the chart.
      for (const m of s.monthly) expect(Math.abs(m.score - s.composite)).toBeLessThan(6);
      expect(new Set(s.quarterRanking.units.map((u) => u.unitId))).toEqual(new Set(UNIT_IDS));
      const scores = s.quarterRanking.units.map((u) => u.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    for (let i = 1; i < summaries.length; i += 1) {
      expect(Math.abs((summaries[i]?.composite ?? 0) - (summaries[i - 1]?.composite ?? 0))).toBeLessThan(0.5);
    }
    // Scores are not all the same value (independent draws per day, not one stream in lockstep).
    expect(new Set(summaries[0]?.daily.map((d) => d.score)).size).toBeGreaterThan(60);
  });

  it('takes 群众满意 from the units\' call-back satisfaction at the same instant', () => {
    const rates = rec.lines.filter((l) => l.topic === 'rates.units').map((l) => l.payload as { asOf: number; units: { satisfaction: number }[] });
    for (const s of summaries) {
      const r = rates.find((x) => x.asOf === s.asOf);
      const mean = (r?.units ?? []).reduce((t, u) => t + u.satisfaction, 0) / (r?.units.length ?? 1);
      expect(s.dimensions.find((d) => d.id === 'satisfied')?.score).toBeCloseTo(mean, 2);
    }
  });

  it('re-dates month, days and quarter to a new asOf and keeps the values', () => {
    const s = summaries[0] as EvaluationSummary;
    const later = shanghaiTime(2027, 3, 2, 23, 50);
    const r = redateSummary(s, later);
    expect(r.asOf).toBe(later);
    expect(r.month).toBe('2027-03');
    expect(r.monthly.map((m) => m.month)).toEqual(Array.from({ length: MONTHS_SHOWN }, (_, i) => monthBefore('2027-03', MONTHS_SHOWN - 1 - i)));
    expect(r.daily.at(-1)?.date).toBe('2027-03-02');
    expect(r.daily[0]?.date).toBe(localIsoDate(later - (CALENDAR_DAYS - 1) * DAY));
    expect(r.quarterRanking.quarter).toBe('2026-Q4');
    expect(r.monthly.map((m) => m.score)).toEqual(s.monthly.map((m) => m.score));
    expect(r.daily.map((m) => m.score)).toEqual(s.daily.map((m) => m.score));
    expect(validateMessage('evaluation.summary', r, later).ok).toBe(true);
  });
});

describe('evaluation.departments', () => {
  it('rates all 89 departments, with unique names, every 5 minutes', () => {
    expect(DEPARTMENTS).toHaveLength(89);
    expect(new Set(DEPARTMENTS.map((d) => d.name)).size).toBe(89);
    expect(new Set(DEPARTMENTS.map((d) => d.id)).size).toBe(89);
    expect(DEPARTMENTS.map((d) => d.name)).toEqual(expect.arrayContaining(['市城管执法委', '市住建局', '宜昌水务集团', '国网宜昌供电公司', '宜昌燃气']));
    expect(departments.map((d) => d.asOf)).toEqual(everyFive);
    for (const d of departments) {
      expect(d.departments.map((x) => x.id)).toEqual(DEPARTMENTS.map((x) => x.id));
      const r = validateMessage('evaluation.departments', d, d.asOf);
      if (!r.ok) throw new Error(r.reason);
    }
    expect(buildDepartmentRates(DEMO_SEED, everyFive)).toEqual(departments);
  });

  it('has plausible rates that only drift, and cases that only grow', () => {
    const first = departments[0] as DepartmentRates;
    const last = departments.at(-1) as DepartmentRates;
    for (const d of first.departments) {
      expect(d.response).toBeGreaterThanOrEqual(90);
      expect(d.completion).toBeGreaterThanOrEqual(80);
      expect(d.satisfaction).toBeGreaterThanOrEqual(80);
      const end = last.departments.find((x) => x.id === d.id);
      expect(end?.cases).toBeGreaterThanOrEqual(d.cases);
      expect(Math.abs((end?.completion ?? 0) - d.completion)).toBeLessThan(2);
    }
    // The city-management department carries more cases than a typical agency.
    const caseOf = (name: string): number => first.departments.find((x) => x.id === DEPARTMENTS.find((d) => d.name === name)?.id)?.cases ?? 0;
    expect(caseOf('市城管执法委')).toBeGreaterThan(caseOf('市图书馆'));
    // Independent levels per department (no lockstep from similar seeds; small agencies may tie).
    expect(new Set(first.departments.map((d) => d.cases)).size).toBeGreaterThan(60);
    const heavy = first.departments.slice(0, 10).map((d) => d.cases);
    expect(Math.max(...heavy) - Math.min(...heavy)).toBeGreaterThan(200);
    expect(last.departments.reduce((t, d) => t + d.cases, 0)).toBeGreaterThan(first.departments.reduce((t, d) => t + d.cases, 0));
  });
});
