/**
 * Open overdue cases with a position, from what the case store exposes: its alert list (open overdue
 * and escalated cases: id, unit, address) joined with a position — the alert's own when it carries one,
 * else the discovery ping of the case (cases discovered since the baseline). Cases without either are
 * left out: the cluster rule only speaks about cases it can place.
 */
import type { UnitId } from '../../data-adapters/domain';
import type { OverduePoint } from './facts';

export interface AlertLike {
  caseId: string;
  unitId: UnitId;
  address: string;
  lon?: number;
  lat?: number;
}

export interface PingLike {
  id: string;
  lon: number;
  lat: number;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function overduePoints(alerts: readonly AlertLike[], pings: readonly PingLike[]): OverduePoint[] {
  const pinged = new Map(pings.map((p) => [p.id, p]));
  const out: OverduePoint[] = [];
  const seen = new Set<string>();
  for (const a of alerts) {
    if (seen.has(a.caseId)) continue;
    seen.add(a.caseId);
    const own = finite(a.lon) && finite(a.lat) ? { lon: a.lon, lat: a.lat } : null;
    const where = own ?? pinged.get(a.caseId) ?? null;
    if (!where) continue;
    out.push({ id: a.caseId, lon: where.lon, lat: where.lat, unitId: a.unitId, address: a.address });
  }
  return out;
}
