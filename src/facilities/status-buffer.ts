/**
 * Live status without rebuilding a layer (STYLE lesson 6). The colour attribute of a facility layer is
 * one RGBA Uint8Array owned here and handed to deck.gl as a binary attribute; a status change from the
 * feed rewrites 4 bytes in place and records the row, and the map then uploads only the changed rows
 * (deck-status.ts: `Attribute.updateSubBuffer`, a partial GPU buffer write).
 *
 * Dirty rows are kept as a small list of indices and coalesced into ranges when taken; a burst larger
 * than the list collapses into one min..max range (still no rebuild, just a wider upload).
 */
import type { Rgba } from './palette';
import { DEFAULT_STATUS_PALETTE } from './palette';

/** Half-open row range [startRow, endRow): the shape of deck.gl's `dataRange` / `_dataDiff` entries. */
export interface DirtyRange {
  startRow: number;
  endRow: number;
}

export interface StatusBufferOptions {
  /** Colour per status code (FACILITY_STATUSES order). */
  palette?: readonly Rgba[];
  /**
   * Colour of a `normal` row, RGBA per row (e.g. by manhole type); default: the palette's normal colour.
   * Not copied: the buffer reads it whenever a row returns to normal.
   */
  normalColors?: Uint8Array;
  /** Rows remembered individually before collapsing to one range (default 4096). */
  maxTracked?: number;
  /** Gap (rows) up to which neighbouring dirty rows share one upload (default 64: 256 bytes). */
  mergeGap?: number;
  /**
   * Vertices drawn per row, each carrying the row's colour (default 1; 2 for a segment drawn as a GL line,
   * facility-gl-layers.ts). `normalColors` stays one RGBA per row.
   */
  verticesPerRow?: number;
}

export class FacilityStatusBuffer {
  /** RGBA per vertex (`verticesPerRow` per row): the layer's colour attribute (`{value: colors, size: 4, normalized: true}`). */
  readonly colors: Uint8Array;
  readonly verticesPerRow: number;
  /** Bumped by every change: a cheap `updateTriggers` / change-detection key. */
  version = 0;
  private readonly palette: readonly Rgba[];
  private readonly normalColors: Uint8Array | undefined;
  private readonly tracked: Uint32Array;
  private trackedCount = 0;
  private overflow = false;
  private minDirty = Infinity;
  private maxDirty = -1;
  private readonly mergeGap: number;

  /** `status` is the table's status column; it is updated in place so panels read the same truth. */
  constructor(
    readonly status: Uint8Array,
    options: StatusBufferOptions = {},
  ) {
    this.palette = options.palette ?? DEFAULT_STATUS_PALETTE;
    this.normalColors = options.normalColors;
    if (this.normalColors && this.normalColors.length !== status.length * 4) throw new Error('normalColors must hold RGBA per row');
    this.tracked = new Uint32Array(options.maxTracked ?? 4096);
    this.mergeGap = options.mergeGap ?? 64;
    this.verticesPerRow = options.verticesPerRow ?? 1;
    if (!(Number.isInteger(this.verticesPerRow) && this.verticesPerRow >= 1)) throw new Error('verticesPerRow must be a positive integer');
    this.colors = new Uint8Array(status.length * 4 * this.verticesPerRow);
    for (let i = 0; i < status.length; i += 1) this.writeColor(i, status[i] as number);
  }

  get length(): number {
    return this.status.length;
  }

  /** Sets row `index` to status `code`; returns false (and marks nothing) when it already had it. */
  set(index: number, code: number): boolean {
    if (!(index >= 0 && index < this.status.length)) throw new RangeError(`row ${index} outside 0..${this.status.length - 1}`);
    if (!(code >= 0 && code < this.palette.length)) throw new RangeError(`status code ${code} has no colour`);
    if (this.status[index] === code) return false;
    this.status[index] = code;
    this.writeColor(index, code);
    this.markDirty(index);
    this.version += 1;
    return true;
  }

  /** Applies a batch (parallel arrays of rows and codes); returns how many rows changed. */
  setMany(indices: ArrayLike<number>, codes: ArrayLike<number>): number {
    if (indices.length !== codes.length) throw new Error('setMany: indices and codes differ in length');
    let changed = 0;
    for (let i = 0; i < indices.length; i += 1) if (this.set(indices[i] as number, codes[i] as number)) changed += 1;
    return changed;
  }

  hasDirty(): boolean {
    return this.maxDirty >= 0;
  }

  /**
   * The rows changed since the last call, as sorted, disjoint half-open ranges (neighbours within
   * `mergeGap` rows merged), and forgets them. Empty when nothing changed.
   */
  takeDirtyRanges(): DirtyRange[] {
    if (this.maxDirty < 0) return [];
    let ranges: DirtyRange[];
    if (this.overflow) {
      ranges = [{ startRow: this.minDirty, endRow: this.maxDirty + 1 }];
    } else {
      const rows = this.tracked.subarray(0, this.trackedCount).sort();
      ranges = [];
      let start = rows[0] as number;
      let end = start + 1;
      for (let i = 1; i < rows.length; i += 1) {
        const r = rows[i] as number;
        if (r < end + this.mergeGap) {
          end = Math.max(end, r + 1);
        } else {
          ranges.push({ startRow: start, endRow: end });
          start = r;
          end = r + 1;
        }
      }
      ranges.push({ startRow: start, endRow: end });
    }
    this.trackedCount = 0;
    this.overflow = false;
    this.minDirty = Infinity;
    this.maxDirty = -1;
    return ranges;
  }

  private markDirty(index: number): void {
    if (index < this.minDirty) this.minDirty = index;
    if (index > this.maxDirty) this.maxDirty = index;
    if (this.overflow) return;
    if (this.trackedCount === this.tracked.length) {
      this.overflow = true;
      return;
    }
    this.tracked[this.trackedCount++] = index;
  }

  /** Bytes of `colors` per row (4 × verticesPerRow): row r occupies [r × bytesPerRow, (r + 1) × bytesPerRow). */
  get bytesPerRow(): number {
    return 4 * this.verticesPerRow;
  }

  private writeColor(i: number, code: number): void {
    const n = i * 4;
    const normal = code === 0 && this.normalColors;
    const c = normal ? undefined : (this.palette[code] as Rgba);
    for (let v = 0; v < this.verticesPerRow; v += 1) {
      const o = (i * this.verticesPerRow + v) * 4;
      if (normal) {
        this.colors[o] = this.normalColors![n] as number;
        this.colors[o + 1] = this.normalColors![n + 1] as number;
        this.colors[o + 2] = this.normalColors![n + 2] as number;
        this.colors[o + 3] = this.normalColors![n + 3] as number;
      } else {
        this.colors[o] = c![0];
        this.colors[o + 1] = c![1];
        this.colors[o + 2] = c![2];
        this.colors[o + 3] = c![3];
      }
    }
  }
}
