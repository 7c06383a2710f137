/** Small, exact statistics for the rules: least squares and distance clustering. No randomness. */

export interface LinearFit {
  /** Value at x = 0. */
  intercept: number;
  /** Change per step of x. */
  slope: number;
}

/** Ordinary least squares of y over x = 0, 1, … n−1. Needs at least two points. */
export function leastSquares(ys: readonly number[]): LinearFit {
  const n = ys.length;
  if (n < 2) throw new Error('leastSquares needs at least two values');
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (const y of ys) meanY += y;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  ys.forEach((y, x) => {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) * (x - meanX);
  });
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

export function predict(fit: LinearFit, x: number): number {
  return fit.intercept + fit.slope * x;
}

const KM_PER_DEG_LAT = 111.32;
/** cos(30.7°): Yichang's latitude; distances of a few km only. */
const KM_PER_DEG_LON = 111.32 * 0.85988;

export function distanceKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dx = (a.lon - b.lon) * KM_PER_DEG_LON;
  const dy = (a.lat - b.lat) * KM_PER_DEG_LAT;
  return Math.sqrt(dx * dx + dy * dy);
}

export interface Cluster<P> {
  /** The point with the most neighbours within the radius (ties: the first in input order). */
  center: P;
  members: P[];
}

/**
 * Greedy density clustering: take the point with the most others within `radiusKm`, make it and them a
 * cluster, remove them, repeat while a cluster of at least `minSize` remains. Deterministic for a given
 * input order; O(n²), fine for the few hundred open overdue cases the wall can know.
 */
export function clusterByRadius<P extends { lon: number; lat: number }>(points: readonly P[], radiusKm: number, minSize: number): Cluster<P>[] {
  let left = points.slice();
  const out: Cluster<P>[] = [];
  while (left.length >= minSize) {
    let best: { i: number; members: P[] } | null = null;
    left.forEach((p, i) => {
      const members = left.filter((q) => distanceKm(p, q) <= radiusKm);
      if (!best || members.length > best.members.length) best = { i, members };
    });
    const found = best as { i: number; members: P[] } | null;
    if (!found || found.members.length < minSize) break;
    const center = left[found.i] as P;
    out.push({ center, members: found.members });
    const taken = new Set(found.members);
    left = left.filter((p) => !taken.has(p));
  }
  return out;
}
