/**
 * Seeded randomness for the demo generator.
 *
 * Contract: the same seed and labels give the same sequence on every machine and engine. Alea (from
 * `seedrandom`) is pure IEEE-754 arithmetic, and the helpers below only use + − × ÷ and Math.sqrt
 * (correctly rounded by IEEE-754) on its output — no Math.log/exp/sin, whose last bit may differ
 * between engines. Streams are derived by label, so adding draws to one part of the model (say the
 * industry figures) never shifts the draws of another (say the cases).
 */
import seedrandom from 'seedrandom';

export class Rng {
  private readonly next: () => number;

  constructor(seed: string) {
    this.next = seedrandom.alea(seed);
  }

  /** An independent stream for `labels` under `seed`, e.g. `Rng.derive(seed, 'case', id)`. */
  static derive(seed: number, ...labels: readonly (string | number)[]): Rng {
    return new Rng([String(seed), ...labels.map(String)].join(':'));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      if (x < w) return item;
      x -= w;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('Rng.weighted: empty list');
    return last[0];
  }

  /** Approximately standard normal (Irwin–Hall: sum of 12 uniforms − 6), bounded to ±6. */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 12; i += 1) s += this.next();
    return s - 6;
  }

  /** Triangular distribution on [min, max] with the given mode: skewed durations without logs. */
  triangular(min: number, mode: number, max: number): number {
    const u = this.next();
    const c = (mode - min) / (max - min);
    if (u < c) return min + Math.sqrt(u * (max - min) * (mode - min));
    return max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }
}
