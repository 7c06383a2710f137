/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): the
 * n-th retry waits a uniformly random time in [ (1 - jitter) × d, d ], d = min(maxMs, baseMs × factor^n).
 * Jitter spreads a whole wall fleet's retries after a server restart, so they never come back in step.
 * Pure: randomness is injected, so the bounds are unit-tested.
 */
export interface BackoffPolicy {
  /** First delay, ms. */
  baseMs: number;
  /** Ceiling, ms: a dead server is still retried at least this often, forever. */
  maxMs: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** Fraction of the delay that is random, 0–1 (default 0.5; 1 = "full jitter"). */
  jitter?: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0.5 };

/** The delay before retry number `attempt` (0 = the first retry). `random` returns [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const factor = policy.factor ?? 2;
  const jitter = Math.min(1, Math.max(0, policy.jitter ?? 0.5));
  const n = Math.max(0, Math.floor(attempt));
  // Cap the exponent before computing, so attempt 10 000 cannot overflow to Infinity.
  const ceiling = Math.min(policy.maxMs, policy.baseMs * factor ** Math.min(n, 64));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling * (1 - jitter * r));
}

/** A retry counter: `next()` gives the next delay and counts the attempt; `reset()` after a success. */
export class Backoff {
  private attempt = 0;
  constructor(
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    private readonly random: () => number = Math.random,
  ) {}
  next(): number {
    const d = backoffDelay(this.attempt, this.policy, this.random);
    this.attempt += 1;
    return d;
  }
  reset(): void {
    this.attempt = 0;
  }
  /** Failures since the last success. */
  get failures(): number {
    return this.attempt;
  }
}
