import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../schemas';
import { T0, caseEventPayload, ratesPayload } from '../test-fixtures';
import { UNKNOWN_TOPIC, approxJsonSize, createGuard } from './guard';

function guard() {
  const warnings: string[] = [];
  const rejects: string[] = [];
  const g = createGuard({ logger: { warn: (m) => warnings.push(m) }, onReject: (t) => rejects.push(t) });
  return { g, warnings, rejects };
}
const env = (over: Record<string, unknown> = {}) => ({ topic: 'case.event', seq: 1, epoch: 'e1', time: T0, payload: caseEventPayload('c1', 'discover', T0), ...over });

describe('approxJsonSize', () => {
  it('is close to the JSON length for ASCII and stops early for huge values', () => {
    const p = ratesPayload(T0);
    const exact = JSON.stringify(p).length;
    const approx = approxJsonSize(p, 1e9);
    expect(approx).toBeGreaterThanOrEqual(exact * 0.8);
    expect(approx).toBeLessThan(exact * 6);
    const huge = { list: Array.from({ length: 100_000 }, (_, i) => ({ i, s: 'x'.repeat(10) })) };
    expect(approxJsonSize(huge, 1000)).toBeGreaterThan(1000);
    expect(approxJsonSize({ s: '中'.repeat(100_000) }, MAX_MESSAGE_BYTES)).toBeGreaterThan(MAX_MESSAGE_BYTES);
  });
});

describe('createGuard', () => {
  it('passes a good envelope and counts it', () => {
    const { g } = guard();
    const e = g.envelope(env());
    expect(e).not.toBeNull();
    const m = g.message(e!);
    expect(m).toMatchObject({ topic: 'case.event', receiveTime: T0, seq: 1 });
    expect(g.health()).toEqual({ accepted: 1, rejected: 0, rejectedByTopic: {}, lastError: null });
  });

  it.each([
    ['not an object', 'hello', UNKNOWN_TOPIC],
    ['an array', [1, 2], UNKNOWN_TOPIC],
    ['an unknown topic', env({ topic: 'weather.now' }), 'weather.now'],
    ['no seq', env({ seq: undefined }), 'case.event'],
    ['a fractional seq', env({ seq: 1.5 }), 'case.event'],
    ['no epoch', env({ epoch: '' }), 'case.event'],
    ['a string time', env({ time: 'now' }), 'case.event'],
  ])('drops an envelope that is %s, counted under its topic', (_what, raw, topic) => {
    const { g, warnings, rejects } = guard();
    expect(g.envelope(raw)).toBeNull();
    expect(g.health().rejectedByTopic).toEqual({ [topic]: 1 });
    expect(warnings).toHaveLength(1);
    expect(rejects).toEqual([topic]);
  });

  it.each([
    ['wrong types', { ...caseEventPayload('c', 'discover', T0), lon: 'east' }],
    ['a missing field', (() => { const p: Record<string, unknown> = { ...caseEventPayload('c', 'discover', T0) }; delete p.stage; return p; })()],
    ['null', null],
  ])('sequences but refuses a payload with %s', (_what, payload) => {
    const { g } = guard();
    const e = g.envelope(env({ payload }));
    expect(e).not.toBeNull(); // its seq is consumed: no false gap
    expect(g.message(e!)).toBeNull();
    expect(g.health()).toMatchObject({ accepted: 0, rejected: 1, rejectedByTopic: { 'case.event': 1 } });
    expect(g.health().lastError).toContain('seq 1');
  });

  it('refuses an oversized payload before validating it, and lets the value go', () => {
    const { g } = guard();
    const e = g.envelope(env({ payload: { ...caseEventPayload('c', 'discover', T0), description: 'x'.repeat(MAX_MESSAGE_BYTES + 10) } }));
    expect(e?.payload).toBeNull();
    expect(g.message(e!)).toBeNull();
    expect(g.health().lastError).toMatch(/refused \(limit 262144\)/);
    // A known byte length (REST) is used as is.
    expect(g.message(g.envelope(env(), MAX_MESSAGE_BYTES + 1)!)).toBeNull();
    expect(g.health().rejected).toBe(2);
  });

  it('logs the first rejections of a topic one by one, then only every 1000th', () => {
    const { g, warnings } = guard();
    for (let i = 0; i < 2500; i += 1) g.envelope(env({ topic: 'nope' }));
    expect(g.health().rejectedByTopic.nope).toBe(2500);
    expect(warnings.length).toBe(20 + 2);
  });
});
