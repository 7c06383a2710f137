/**
 * Remote tokens: stateless, HMAC-SHA256 signed. A token carries who paired (clientId, name) and when it
 * expires; nothing is stored on the hub, so every hub that shares the secret (several hubs behind one
 * Redis) accepts a token any of them issued, and a restarted hub with the same secret keeps its remotes.
 *
 * Format: base64url(JSON {c, n, e}) "." base64url(HMAC-SHA256(secret, payload part)).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  clientId: string;
  name: string;
  /** Hub wall-clock ms after which the token is refused. */
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'unpaired' | 'token expired' };

/** Tokens longer than this are refused before any work (a handshake is untrusted input). */
const MAX_TOKEN_LENGTH = 1024;

function mac(secret: string | Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signToken(secret: string | Buffer, claims: TokenClaims): string {
  const payload = Buffer.from(JSON.stringify({ c: claims.clientId, n: claims.name, e: claims.expiresAt })).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** Checks the signature first (constant time), then the expiry: a forged token never reveals whether it expired. */
export function verifyToken(secret: string | Buffer, token: unknown, now: number): TokenCheck {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'unpaired' };
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'unpaired' };
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'unpaired' };
  let claims: TokenClaims;
  try {
    const raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { c?: unknown; n?: unknown; e?: unknown };
    if (typeof raw.c !== 'string' || typeof raw.n !== 'string' || typeof raw.e !== 'number') return { ok: false, reason: 'unpaired' };
    claims = { clientId: raw.c, name: raw.n, expiresAt: raw.e };
  } catch {
    return { ok: false, reason: 'unpaired' };
  }
  if (!(now < claims.expiresAt)) return { ok: false, reason: 'token expired' };
  return { ok: true, claims };
}
