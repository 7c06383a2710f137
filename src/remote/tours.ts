/** The tours the remote offers (scenes/tours: briefing first) and their scenes' titles for step summaries. */
import { TOUR_LIST } from '../../scenes/tours';
import type { Tour } from '../tour/schema';

export const REMOTE_TOURS: readonly Tour[] = TOUR_LIST;
