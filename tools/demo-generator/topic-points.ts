/**
 * Places for the featured-topic generators (flood, parking, skyeye, emergency): points inside a unit's
 * real boundary, in its urban area, and off the Yangtze. The river test uses the traced centreline and
 * the same corridor half-width the facility generator keeps free (an ~800 m wide river).
 */
import type { UnitId } from '../../data-adapters/domain';
import { RIVER_HALF_WIDTH_M } from '../facility-generator/config';
import { RiverCorridor } from '../facility-generator/geometry';
import { loadBoundaries, UnitSampler, type Boundaries, type PlacedPoint } from './geography';
import type { Rng } from './random';

/** Central districts where most city facilities are (高新区 counted with them). */
export const CENTRAL_UNITS: readonly UnitId[] = ['xiling', 'wujiagang', 'dianjun', 'xiaoting', 'yiling', 'gaoxin'];

export interface TopicGeo {
  boundaries: Boundaries;
  sampler: UnitSampler;
  river: RiverCorridor;
}

let cached: TopicGeo | null = null;
/** Boundaries, sampler and river, loaded once per process. */
export function topicGeo(): TopicGeo {
  if (!cached) {
    const boundaries = loadBoundaries();
    cached = { boundaries, sampler: new UnitSampler(boundaries), river: RiverCorridor.load() };
  }
  return cached;
}

/** Whether a point is clear of the river corridor, with `marginM` to spare. */
export function offRiver(geo: TopicGeo, lon: number, lat: number, marginM = 0): boolean {
  return geo.river.distance(lon, lat) >= RIVER_HALF_WIDTH_M + marginM;
}

/**
 * The wall draws the river as a 1 km ribbon: points keep this much more than the corridor's half-width
 * so none sits on the ribbon's edge.
 */
export const RIBBON_MARGIN_M = 150;

/**
 * A point in `unitId`'s urban area and off the river. Draws until one fits (the urban cores are large
 * compared with the river corridor, so a handful of draws do); throws rather than loop forever.
 */
export function placeUrban(geo: TopicGeo, rng: Rng, unitId: UnitId, marginM = RIBBON_MARGIN_M): PlacedPoint {
  for (let i = 0; i < 500; i += 1) {
    const p = geo.sampler.sample(rng, unitId);
    if (p.urban && offRiver(geo, p.lon, p.lat, marginM)) return p;
  }
  throw new Error(`could not place an urban point off the river in ${unitId}`);
}
