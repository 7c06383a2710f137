/**
 * The demo wall without a hub: whether this page plays a tour by itself (src/tour/local-player.ts) and
 * the briefing banner with it (src/briefing/local-briefing.ts). Opt-in — `?tour=demo` (or a tour id) or
 * the config's `presenter.tour` — because a wall that starts moving by itself is wrong for every other
 * use of a plain page (an operator's check, the end-to-end tests, a kiosk window in tile mode). Never
 * with a hub (the hub plays tours for every wall), in tile mode (the kiosk's clock switches there), when
 * the URL asks for one scene (`?scene=`), with `?tour=off`, or on live data (a tour is for the demo).
 */
import { DEMO_TOUR_ID, TOURS } from '../../scenes/tours';
import type { Tour } from '../tour/schema';

export interface LocalTourContext {
  /** The page runs on the recorded demo. */
  demo: boolean;
  /** A presenter hub was found (or configured). */
  hub: boolean;
  /** A kiosk window that follows a shared clock, or one slice of a tiled wall. */
  tile: boolean;
}

export type LocalTourChoice = { tour: Tour; reason: string } | { tour: null; reason: string };

export function chooseLocalTour(search: string, configTour: string, ctx: LocalTourContext, tours: Readonly<Record<string, Tour>> = TOURS): LocalTourChoice {
  const params = new URLSearchParams(search);
  const asked = params.get('tour') ?? configTour;
  if (asked === 'off' || asked === '') return { tour: null, reason: 'no local tour asked for' };
  if (params.has('scene')) return { tour: null, reason: '?scene= holds the wall on one scene' };
  if (ctx.hub) return { tour: null, reason: 'the presenter hub plays tours' };
  if (ctx.tile) return { tour: null, reason: 'tile mode follows the kiosk’s clock' };
  if (!ctx.demo) return { tour: null, reason: 'tours play on the demo only' };
  const id = asked === 'demo' ? DEMO_TOUR_ID : asked;
  const tour = tours[id];
  if (!tour) return { tour: null, reason: `no tour ${JSON.stringify(id.slice(0, 40))} (tours: ${Object.keys(tours).join(', ')})` };
  return { tour, reason: `tour ${tour.id}` };
}
