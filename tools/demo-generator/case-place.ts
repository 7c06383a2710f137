/**
 * Where a simulated case is and what its address says. Drawn from the case's own stream, so every
 * message about the case (the baseline's overdue list, each of its events) carries the same place.
 */
import type { UnitSampler } from './geography';
import { makeAddress, type PlaceText } from './places';
import { Rng } from './random';
import type { SimCase } from './simulation';

export interface CasePlace {
  lon: number;
  lat: number;
  place: PlaceText;
  /** The case's stream after the place draws: the description continues from it. */
  rng: Rng;
}

export function casePlace(seed: number, sampler: UnitSampler, c: SimCase): CasePlace {
  const rng = Rng.derive(seed, 'place', c.id);
  const point = sampler.sample(rng, c.unitId);
  const place = makeAddress(rng, c.unitId, point.urban);
  return { lon: point.lon, lat: point.lat, place, rng };
}
