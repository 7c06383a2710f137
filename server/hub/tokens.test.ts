import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './tokens';

describe('remote tokens', () => {
  const claims = { clientId: 'c-1', name: '张主任的手机', expiresAt: 10_000 };

  it('verifies what it signed, until the expiry', () => {
    const token = signToken('s', claims);
    expect(verifyToken('s', token, 9_999)).toEqual({ ok: true, claims });
    expect(verifyToken('s', token, 10_000)).toEqual({ ok: false, reason: 'token expired' });
  });

  it('refuses other secrets, tampering and junk as unpaired', () => {
    const token = signToken('s', claims);
    const [payload, sig] = token.split('.') as [string, string];
    const longer = Buffer.from(JSON.stringify({ c: 'c-1', n: 'x', e: 99_999 })).toString('base64url');
    for (const bad of [
      signToken('other', claims),
      `${longer}.${sig}`,
      `${payload}.${sig.slice(0, -2)}`,
      `${payload}.`,
      `${payload}.${sig}.x`,
      '',
      'x'.repeat(5000),
      42,
      null,
      undefined,
    ]) {
      expect(verifyToken('s', bad, 0)).toEqual({ ok: false, reason: 'unpaired' });
    }
    // Signed correctly but not our claims shape.
    const odd = Buffer.from(JSON.stringify({ c: 1, n: 'x', e: 5 })).toString('base64url');
    const oddSig = createHmac('sha256', 's').update(odd).digest('base64url');
    expect(verifyToken('s', `${odd}.${oddSig}`, 0)).toEqual({ ok: false, reason: 'unpaired' });
  });

  it('a forged token never reveals whether it would have expired', () => {
    const token = signToken('other', { ...claims, expiresAt: 1 });
    expect(verifyToken('s', token, 5)).toEqual({ ok: false, reason: 'unpaired' });
  });
});
