/**
 * Facility id → row index without a Map of a million entries or any per-row object: a binary search
 * over the id column itself when it ascends (the shipped files do, see schema.ts), otherwise over a
 * Uint32Array permutation sorted by id (4 bytes per row, built once).
 */
import { parseFacilityCode, type FacilityKind } from './schema';

export class FacilityIdIndex {
  /** Rows in ascending id order, or undefined when the id column already ascends. */
  private readonly order: Uint32Array | undefined;

  constructor(
    private readonly ids: Uint32Array,
    readonly kind?: FacilityKind,
  ) {
    let ascending = true;
    for (let i = 1; i < ids.length; i += 1) {
      if ((ids[i] as number) <= (ids[i - 1] as number)) {
        ascending = false;
        break;
      }
    }
    if (ascending) {
      this.order = undefined;
    } else {
      const order = new Uint32Array(ids.length);
      for (let i = 0; i < order.length; i += 1) order[i] = i;
      order.sort((a, b) => (ids[a] as number) - (ids[b] as number) || a - b);
      this.order = order;
    }
  }

  /** Bytes this index adds on top of the id column. */
  get extraBytes(): number {
    return this.order?.byteLength ?? 0;
  }

  /** Row of `id`, or -1. With duplicate ids (never in shipped data), the lowest row. */
  indexOf(id: number): number {
    const { ids, order } = this;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[order ? (order[mid] as number) : mid] as number;
      if (v < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= ids.length) return -1;
    const row = order ? (order[lo] as number) : lo;
    return ids[row] === id ? row : -1;
  }

  /** Row of a display code such as `JG2000417`; -1 if malformed, of another kind, or unknown. */
  indexOfCode(code: string): number {
    const parsed = parseFacilityCode(code);
    if (!parsed || (this.kind && parsed.kind !== this.kind)) return -1;
    return this.indexOf(parsed.id);
  }
}
