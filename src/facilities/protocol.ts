/** Messages between loadFacilities (main thread) and decode.worker.ts. Plain data only. */
import type { FacilityColumns, LonLatOrigin } from './decode';

export interface DecodeRequest {
  /** Absolute URL of the directory holding the .arrow files (ends with '/'). */
  baseUrl: string;
  /** ENU frame origin for the positions: the map's deck.gl origin. */
  frame: LonLatOrigin;
}

export interface DecodeTimings {
  fetchMs: number;
  decodeMs: number;
  bytes: number;
}

export type DecodeReply = { type: 'decoded'; result: FacilityColumns; timings: DecodeTimings } | { type: 'error'; message: string };
