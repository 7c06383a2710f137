/**
 * What the facility-frame bench page (facility-frame-page.ts, built from bench/facility-frame.html) and its
 * Node driver (facility-frame.ts) agree on: sizes, and the shape of `window.__facilityFrame`.
 */

/** Points drawn (the shipped manholes + streetlights, tiled) and pipe segments (the shipped pipes, tiled). */
export const FRAME_POINTS = 2_000_000;
export const FRAME_SEGMENTS = 500_000;
export const FRAME_VIEWPORT = { width: 1920, height: 1080 } as const;
/** 10k status changes per second at 60 fps. */
export const CHANGES_PER_SECOND = 10_000;
export const CHANGES_PER_FRAME = Math.round(CHANGES_PER_SECOND / 60);
/** Point diameter (CSS px) on both sides: GL point size 4 vs ScatterplotLayer radius 2 px. */
export const POINT_SIZE_PX = 4;

/** ours: FacilityPointLayer + FacilityLineLayer; naive: deck's instanced ScatterplotLayer + LineLayer. */
export type FrameMode = 'ours' | 'naive';
/** ours: FacilityStatusBuffer + applyStatusToLayer (partial upload); rebuild: a new `data` object per frame. */
export type StatusMode = 'ours' | 'rebuild';

export interface FrameTimes {
  /** Per timed frame: redraw + 1-px readPixels (the GPU work is finished), ms. */
  frameMs: number[];
  /** Per timed frame: the redraw call alone (main thread; the GPU may still be working), ms. */
  issueMs: number[];
  /** Bytes handed to bufferData/bufferSubData during the timed frames (expected 0: nothing changes). */
  uploadedBytes: number;
}

export interface StatusTimes {
  /**
   * Per timed frame: the status changes + deck's layer update (ours: FacilityStatusBuffer.set ×167 and
   * applyStatusToLayer; rebuild: the sets, a new layer with new `data`, deck's updateLayers), including
   * the buffer uploads they issue; main thread, ms.
   */
  mainMs: number[];
  /** Per timed frame: the same until a 1-px readPixels returns, i.e. until the GPU process has the upload, ms. */
  syncedMs: number[];
  /** Per timed frame: bytes handed to bufferData/bufferSubData. */
  bytes: number[];
  /** Rows whose status actually changed, per timed frame. */
  changed: number[];
}

export interface FrameSetup {
  points: number;
  segments: number;
  /** Copies of the shipped data laid side by side (the last one partial). */
  copies: number;
  /** Ground extent of the tiled data, metres. */
  extentM: { width: number; height: number };
  /** The ground the canvas shows and what of the data falls in it (a segment counts if either end does). */
  view: { widthM: number; heightM: number; pointsInView: number; segmentsInView: number };
  metresPerPixel: number;
  canvas: { width: number; height: number };
  renderer: string;
}

/** `window.__facilityFrame` on the bench page. */
export interface FacilityFrameApi {
  /** Resolves once the data is decoded and tiled and deck has its device. */
  ready: Promise<FrameSetup>;
  frames(mode: FrameMode, warmup: number, timed: number): Promise<FrameTimes>;
  status(mode: StatusMode, warmup: number, timed: number): Promise<StatusTimes>;
}
