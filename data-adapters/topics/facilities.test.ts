import { describe, expect, it } from 'vitest';
import { validateMessage } from '../schemas';
import { facilitiesStatusPayload, facilityChangePayload } from './facilities-fixtures';

const T = Date.UTC(2026, 10, 26, 1, 36, 12);

describe('facility.change (event)', () => {
  it('accepts a change with and without a reason', () => {
    expect(validateMessage('facility.change', facilityChangePayload(T), T).ok).toBe(true);
    const { reason: _drop, ...bare } = facilityChangePayload(T);
    void _drop;
    expect(validateMessage('facility.change', bare, T).ok).toBe(true);
  });

  it.each([
    ['unknown kind', { kind: 'hydrants' }, 'kind'],
    ['unknown status', { status: 'exploded' }, 'status'],
    ['negative id', { id: -1 }, 'id'],
    ['id over Uint32', { id: 2 ** 32 }, 'id'],
    ['fractional id', { id: 1.5 }, 'id'],
    ['id as text', { id: 'JG1000417' }, 'id'],
    ['time as text', { at: '2026-11-26' }, 'at'],
    ['empty reason', { reason: '' }, 'reason'],
    ['long reason', { reason: '<script>'.repeat(10) }, 'reason'],
    ['extra field', { html: '<b>x</b>' }, '(root)'],
  ])('rejects a change with %s and says where', (_name, patch, path) => {
    const r = validateMessage('facility.change', { ...facilityChangePayload(T), ...patch }, T);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(`facility.change: ${path}`);
  });

  it('rejects non-objects', () => {
    for (const bad of [null, 42, 'alarm', [], {}]) expect(validateMessage('facility.change', bad, T).ok).toBe(false);
  });
});

describe('facilities.status (snapshot)', () => {
  it('accepts totals per kind × status and recent changes', () => {
    expect(validateMessage('facilities.status', facilitiesStatusPayload(T), T).ok).toBe(true);
  });

  it('rejects negative or fractional counts, a kind twice, a change after asOf, a bad change inside', () => {
    const neg = facilitiesStatusPayload(T);
    neg.totals[0]!.counts.alarm = -1;
    expect(validateMessage('facilities.status', neg, T).ok).toBe(false);
    const frac = facilitiesStatusPayload(T);
    frac.totals[1]!.counts.offline = 2.5;
    expect(validateMessage('facilities.status', frac, T).ok).toBe(false);
    const twice = facilitiesStatusPayload(T);
    twice.totals[1] = { ...twice.totals[0]! };
    expect(validateMessage('facilities.status', twice, T).ok).toBe(false);
    const future = facilitiesStatusPayload(T);
    future.recent[0]!.at = T + 1;
    expect(validateMessage('facilities.status', future, T).ok).toBe(false);
    const bad = facilitiesStatusPayload(T) as unknown as { recent: unknown[] };
    bad.recent[0] = { kind: 'manholes', id: 1, status: 'melted', at: T };
    expect(validateMessage('facilities.status', bad, T).ok).toBe(false);
  });
});
