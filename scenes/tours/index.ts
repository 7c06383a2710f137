/**
 * Every tour the wall and the hub know, by id. Tours are data (one file each, validated by defineTour at
 * import); the auto rotation is built from the scene list so it never drifts from it.
 *   - auto:     unattended walls, every scene at its own dwell, looping.
 *   - demo:     展厅演示, every scene at 20–30 s, looping (a standalone demo wall plays this).
 *   - briefing: 领导视察汇报, a presenter's story through the scenes with camera flights and notes, once.
 */
import { autoTour } from '../../src/tour/define';
import type { Tour } from '../../src/tour/schema';
import { briefing } from './briefing';
import { demo } from './demo';

export const AUTO_TOUR_ID = 'auto';
export const DEMO_TOUR_ID = 'demo';
export const BRIEFING_TOUR_ID = 'briefing';

/** Remote's tour list order: the presenter's briefing first. */
export const TOUR_LIST: readonly Tour[] = [briefing, demo, autoTour(undefined, AUTO_TOUR_ID)];

export const TOURS: Readonly<Record<string, Tour>> = Object.fromEntries(TOUR_LIST.map((t) => [t.id, t]));
