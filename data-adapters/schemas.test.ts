import { describe, expect, it } from 'vitest';
import { TOPICS, isTopic, validateMessage, MAX_TEXT_CHARS, type Topic } from './schemas';
import { T0, baselinePayload, caseEventPayload, ratesPayload, systemsPayload, volumesPayload } from './test-fixtures';
import { emergencyStatusPayload, floodStatusPayload, parkingStatusPayload, skyeyeStatusPayload } from './topics/featured-fixtures';
import { departmentRatesPayload, evaluationSummaryPayload, guidanceCatalogPayload } from './topics/evaluation-fixtures';
import { facilitiesStatusPayload, facilityChangePayload } from './topics/facilities-fixtures';
import { hotlineSummaryPayload } from './topics/hotline-fixtures';
import { casesHistoryPayload, lifelineStatusPayload } from './topics/lifeline-fixtures';

const valid: Record<Topic, unknown> = {
  'cases.baseline': baselinePayload(T0),
  'case.event': caseEventPayload('YC-1', 'discover', T0),
  'rates.units': ratesPayload(T0),
  'industry.systems': systemsPayload(T0),
  'data.volumes': volumesPayload(T0),
  'flood.status': floodStatusPayload(T0),
  'parking.status': parkingStatusPayload(T0),
  'skyeye.status': skyeyeStatusPayload(T0),
  'emergency.status': emergencyStatusPayload(T0),
  'hotline.summary': hotlineSummaryPayload(T0),
  'lifeline.status': lifelineStatusPayload(T0),
  'cases.history': casesHistoryPayload(T0),
  'evaluation.summary': evaluationSummaryPayload(T0),
  'evaluation.departments': departmentRatesPayload(T0),
  'guidance.catalog': guidanceCatalogPayload(T0),
  'facilities.status': facilitiesStatusPayload(T0),
  'facility.change': facilityChangePayload(T0),
};

describe('message schemas at the boundary', () => {
  it('accept a valid payload for every topic and keep topic, time and seq', () => {
    for (const topic of Object.keys(TOPICS) as Topic[]) {
      const r = validateMessage(topic, valid[topic], T0 + 5, 7);
      expect(r.ok, topic).toBe(true);
      if (r.ok) expect(r.message).toMatchObject({ topic, receiveTime: T0 + 5, seq: 7 });
    }
  });

  it('refuse unknown topics without throwing, naming them', () => {
    expect(isTopic('cases.baseline')).toBe(true);
    expect(isTopic('toString')).toBe(false);
    const r = validateMessage('toString', {}, T0);
    expect(r).toMatchObject({ ok: false, topic: 'toString' });
    expect(validateMessage(42, {}, T0)).toMatchObject({ ok: false, topic: null });
  });

  it.each([
    ['wrong type', { caseId: 42 }, 'caseId'],
    ['missing field', { unitId: undefined }, 'unitId'],
    ['unknown unit', { unitId: 'atlantis' }, 'unitId'],
    ['unknown stage', { stage: 'celebrate' }, 'stage'],
    ['latitude out of range', { lat: 123 }, 'lat'],
    ['text too long', { description: 'x'.repeat(MAX_TEXT_CHARS + 1) }, 'description'],
    ['non-finite number', { lon: Number.NaN }, 'lon'],
  ])('refuse a case event with %s and say where', (_name, patch, path) => {
    const r = validateMessage('case.event', { ...(valid['case.event'] as object), ...patch }, T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(`case.event: ${path}`);
  });

  it('refuse snapshots with bad shapes: percentages over 100, a short trend, an unknown system', () => {
    const rates = ratesPayload(T0);
    rates.units[0]!.completion = 101;
    expect(validateMessage('rates.units', rates, T0).ok).toBe(false);
    const baseline = baselinePayload(T0);
    baseline.trend.pop();
    expect(validateMessage('cases.baseline', baseline, T0).ok).toBe(false);
    const systems = systemsPayload(T0) as { systems: { id: string }[] };
    systems.systems[0]!.id = 'skynet';
    expect(validateMessage('industry.systems', systems, T0).ok).toBe(false);
    expect(validateMessage('data.volumes', null, T0).ok).toBe(false);
  });

  it('keep hostile text as plain data (rendering is the wall’s job, the schema never alters it)', () => {
    const hostile = '<img src=x onerror=alert(1)>&amp;"\'';
    const r = validateMessage('case.event', { ...(valid['case.event'] as object), description: hostile }, T0);
    expect(r.ok && r.message.topic === 'case.event' && r.message.payload.description).toBe(hostile);
  });
});
