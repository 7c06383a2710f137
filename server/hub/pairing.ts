/**
 * The pairing code: six digits the wall shows, good for one pairing or `codeTtlMs`, whichever comes first.
 * Guessing is bounded: after MAX_WRONG wrong codes within WRONG_WINDOW_MS (from anyone: a LAN attacker
 * can rotate source addresses, not the code) the code rotates, so a guess can never be refined, and
 * the caller answers 429. One million codes, five guesses per code: 1 in 200 000 per rotation.
 *
 * Pure apart from the injected clock and random source; the hub owns the rotation timer.
 */
import { randomInt } from 'node:crypto';
import { timingSafeEqual } from 'node:crypto';

export const MAX_WRONG = 5;
export const WRONG_WINDOW_MS = 60_000;

export type PairCheck = 'ok' | 'wrong' | 'locked';

export class PairingDesk {
  private codeValue = '';
  private expiresAtValue = 0;
  private wrongAt: number[] = [];

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
    private readonly random: () => number = () => randomInt(0, 1_000_000),
  ) {
    this.rotate();
  }

  get code(): string {
    return this.codeValue;
  }
  get expiresAt(): number {
    return this.expiresAtValue;
  }

  rotate(): void {
    let next = String(this.random()).padStart(6, '0');
    // A rotation must change the code, or a rate-limited guesser keeps the same target.
    while (next === this.codeValue) next = String(this.random()).padStart(6, '0');
    this.codeValue = next;
    this.expiresAtValue = this.now() + this.ttlMs;
    this.wrongAt = [];
  }

  /** 'ok' rotates (one code, one phone); the MAX_WRONG-th wrong code in the window rotates and says 'locked'. */
  check(code: string): PairCheck {
    const now = this.now();
    if (now >= this.expiresAtValue) this.rotate();
    const a = Buffer.from(code);
    const b = Buffer.from(this.codeValue);
    if (a.length === b.length && timingSafeEqual(a, b)) {
      this.rotate();
      return 'ok';
    }
    this.wrongAt = this.wrongAt.filter((t) => now - t < WRONG_WINDOW_MS);
    this.wrongAt.push(now);
    if (this.wrongAt.length >= MAX_WRONG) {
      this.rotate();
      return 'locked';
    }
    return 'wrong';
  }
}
