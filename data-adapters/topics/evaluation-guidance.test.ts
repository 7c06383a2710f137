import { describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../tools/demo-generator/config';
import { buildDemoRecording } from '../../tools/demo-generator/generate';
import { industrySystemsSchema, validateMessage, type IndustrySystems, type Topic } from '../schemas';
import type { DepartmentRates, EvaluationSummary } from './evaluation';
import type { GuidanceCatalog } from './guidance';

const rec = buildDemoRecording(DEMO_SEED);
const first = <T>(topic: Topic): T => rec.lines.find((l) => l.topic === topic)?.payload as T;
const summary = first<EvaluationSummary>('evaluation.summary');
const departments = first<DepartmentRates>('evaluation.departments');
const catalog = first<GuidanceCatalog>('guidance.catalog');
const systems = first<IndustrySystems>('industry.systems');

/** A deep copy with one change applied. */
function mutate<T>(payload: T, change: (p: T) => void): T {
  const copy = structuredClone(payload);
  change(copy);
  return copy;
}

const long = (n: number): string => '长'.repeat(n);

describe('evaluation.summary schema', () => {
  it('accepts the generated payload', () => {
    expect(validateMessage('evaluation.summary', summary, summary.asOf).ok).toBe(true);
  });

  it.each<[string, (p: EvaluationSummary) => void]>([
    ['a score above 100', (p) => void (p.composite = 101)],
    ['a string score', (p) => void ((p.dimensions[0] as { score: unknown }).score = '95')],
    ['an unknown dimension', (p) => void ((p.dimensions[0] as { id: string }).id = 'shiny')],
    ['a negative issue count', (p) => void (p.safety[0]!.issues = -1)],
    ['a fractional issue count', (p) => void (p.safety[0]!.issues = 1.5)],
    ['a malformed month', (p) => void (p.month = '2026-1')],
    ['a malformed day', (p) => void (p.daily[0]!.date = '26-11-01')],
    ['a malformed quarter', (p) => void (p.quarterRanking.quarter = '2026Q3')],
    ['an unknown unit in the ranking', (p) => void ((p.quarterRanking.units[0] as { unitId: string }).unitId = 'atlantis')],
    ['too many days', (p) => void (p.daily = Array.from({ length: 121 }, () => ({ date: '2026-11-01', score: 90 })))],
    ['too many ranked units', (p) => void (p.quarterRanking.units = [...p.quarterRanking.units, ...p.quarterRanking.units.slice(0, 1)])],
    ['a missing safety list', (p) => void delete (p as Partial<EvaluationSummary>).safety],
    ['a missing asOf', (p) => void delete (p as Partial<EvaluationSummary>).asOf],
    ['a fractional asOf', (p) => void (p.asOf = p.asOf + 0.5)],
  ])('rejects %s', (_name, change) => {
    const r = validateMessage('evaluation.summary', mutate(summary, change), summary.asOf);
    expect(r.ok).toBe(false);
  });
});

describe('evaluation.departments schema', () => {
  it('accepts the generated payload', () => {
    expect(validateMessage('evaluation.departments', departments, departments.asOf).ok).toBe(true);
  });

  it.each<[string, (p: DepartmentRates) => void]>([
    ['an unknown department', (p) => void ((p.departments[0] as { id: string }).id = 'd90')],
    ['a rate above 100', (p) => void (p.departments[0]!.response = 100.1)],
    ['a rate as text', (p) => void ((p.departments[0] as { completion: unknown }).completion = '99')],
    ['negative cases', (p) => void (p.departments[0]!.cases = -3)],
    ['more rows than departments', (p) => void (p.departments = [...p.departments, p.departments[0]!])],
    ['no rows', (p) => void (p.departments = [])],
    ['a missing rate', (p) => void delete (p.departments[0] as Partial<DepartmentRates['departments'][number]>).satisfaction],
  ])('rejects %s', (_name, change) => {
    expect(validateMessage('evaluation.departments', mutate(departments, change), departments.asOf).ok).toBe(false);
  });
});

describe('guidance.catalog schema', () => {
  it('accepts the generated payload', () => {
    expect(validateMessage('guidance.catalog', catalog, catalog.asOf).ok).toBe(true);
  });

  it.each<[string, (p: GuidanceCatalog) => void]>([
    ['a title over 80 characters', (p) => void (p.documents[0]!.title = long(81))],
    ['an empty title', (p) => void (p.documents[0]!.title = '')],
    ['a code over 40 characters', (p) => void (p.documents[0]!.code = long(41))],
    ['an issuer over 40 characters', (p) => void (p.documents[0]!.issuer = long(41))],
    ['a document id with markup', (p) => void (p.documents[0]!.id = '<b>x</b>')],
    ['an unknown document kind', (p) => void ((p.documents[0] as { kind: string }).kind = 'memo')],
    ['an unknown link state', (p) => void ((p.national as { state: string }).state = 'fine')],
    ['a sync time as text', (p) => void ((p.province as { lastSyncAt: unknown }).lastSyncAt = '09:30')],
    ['sso as a string', (p) => void ((p.national as { sso: unknown }).sso = 'yes')],
    ['an on-time rate above 100', (p) => void (p.national.onTimeRate = 120)],
    ['too many hours', (p) => void (p.reportedHourly = Array.from({ length: 25 }, () => 1))],
    ['a negative hourly count', (p) => void (p.provinceHourly[0] = -1)],
    ['too many documents', (p) => void (p.documents = Array.from({ length: 61 }, (_, i) => ({ ...p.documents[0]!, id: `d${i}` })))],
    ['a missing province', (p) => void delete (p as Partial<GuidanceCatalog>).province],
  ])('rejects %s', (_name, change) => {
    expect(validateMessage('guidance.catalog', mutate(catalog, change), catalog.asOf).ok).toBe(false);
  });
});

describe('industry.systems trend (optional field)', () => {
  it('accepts payloads with and without it', () => {
    expect(industrySystemsSchema.safeParse(systems).success).toBe(true);
    const old = mutate(systems, (p) => p.systems.forEach((s) => delete s.trend));
    expect(industrySystemsSchema.safeParse(old).success).toBe(true);
  });

  it.each<[string, (p: IndustrySystems) => void]>([
    ['a trend of one value', (p) => void (p.systems[0]!.trend = [1])],
    ['a trend over 24 values', (p) => void (p.systems[0]!.trend = Array.from({ length: 25 }, () => 1))],
    ['a non-finite value', (p) => void (p.systems[0]!.trend = [1, Number.POSITIVE_INFINITY])],
    ['a text value', (p) => void ((p.systems[0] as { trend: unknown }).trend = [1, '2'])],
  ])('rejects %s', (_name, change) => {
    expect(industrySystemsSchema.safeParse(mutate(systems, change)).success).toBe(false);
  });
});
