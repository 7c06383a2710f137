/**
 * The operator PIN: stored only as an scrypt hash in the wall config ("scrypt:<salt>:<hash>"), checked in
 * constant time, and locked for a while after repeated wrong entries so a visitor cannot guess it at the
 * wall. Node-only (main process).
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_LEN = 32;

export function hashPin(pin: string, salt = randomBytes(16).toString('hex')): string {
  return `scrypt:${salt}:${scryptSync(pin, salt, KEY_LEN).toString('hex')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [kind, salt, hex] = stored.split(':');
  if (kind !== 'scrypt' || !salt || !hex) return false;
  const expected = Buffer.from(hex, 'hex');
  const actual = scryptSync(pin, salt, expected.length);
  return expected.length === KEY_LEN && timingSafeEqual(expected, actual);
}

export class PinGate {
  private failures: number[] = [];
  constructor(
    private readonly stored: string,
    private readonly maxFailures = 5,
    private readonly lockMs = 5 * 60_000,
  ) {}

  /** 'ok', 'wrong' or 'locked' (too many wrong PINs in the last lockMs). */
  check(pin: string, now: number): 'ok' | 'wrong' | 'locked' {
    this.failures = this.failures.filter((t) => now - t < this.lockMs);
    if (this.failures.length >= this.maxFailures) return 'locked';
    if (verifyPin(pin, this.stored)) {
      this.failures = [];
      return 'ok';
    }
    this.failures.push(now);
    return 'wrong';
  }
}
