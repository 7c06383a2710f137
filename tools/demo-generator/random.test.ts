import { describe, expect, it } from 'vitest';
import { Rng } from './random';

const draw = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.float());

describe('Rng', () => {
  it('repeats for the same seed and labels, differs otherwise', () => {
    expect(draw(Rng.derive(1, 'a'), 20)).toEqual(draw(Rng.derive(1, 'a'), 20));
    expect(draw(Rng.derive(1, 'a'), 20)).not.toEqual(draw(Rng.derive(1, 'b'), 20));
    expect(draw(Rng.derive(1, 'a'), 20)).not.toEqual(draw(Rng.derive(2, 'a'), 20));
  });

  it('pins the first values of a stream (catches a changed algorithm or seeding)', () => {
    const rng = Rng.derive(20240601, 'pin');
    expect([rng.int(0, 999_999), rng.int(0, 999_999), rng.int(0, 999_999)]).toEqual([496487, 607394, 950528]);
  });

  it('keeps helpers in range', () => {
    const rng = Rng.derive(3, 'range');
    const bad: string[] = [];
    const ints = new Set<number>();
    for (let i = 0; i < 5000; i += 1) {
      const x = rng.int(2, 5);
      ints.add(x);
      if (!(x >= 2 && x <= 5 && Number.isInteger(x))) bad.push(`int ${x}`);
      const t = rng.triangular(10, 20, 60);
      if (!(t >= 10 && t <= 60)) bad.push(`triangular ${t}`);
      const z = rng.normal();
      if (Math.abs(z) > 6) bad.push(`normal ${z}`);
    }
    expect(bad).toEqual([]);
    expect([...ints].sort()).toEqual([2, 3, 4, 5]);
  });

  it('picks by weight', () => {
    const rng = Rng.derive(4, 'weights');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i += 1) counts[rng.weighted([['a', 1], ['b', 3], ['c', 0]] as const)] += 1;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });
});
