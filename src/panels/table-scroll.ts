/**
 * Row-by-row scrolling of a list that has more rows than fit (table, alarms): the window of rows shown
 * at an offset, wrapping round to the start. Pure; the components animate each step.
 */

/** Rows that fit entirely in `bodyHeight` at `rowHeight` each (at least 1). */
export function rowsThatFit(bodyHeight: number, rowHeight: number): number {
  if (!(rowHeight > 0) || !(bodyHeight > 0)) return 1;
  return Math.max(1, Math.floor(bodyHeight / rowHeight + 1e-6));
}

/** Whether the list must scroll to show every row. */
export function mustScroll(total: number, fit: number): boolean {
  return total > fit;
}

/** A shown row with its index in the whole list (a stable key while the window moves). */
export interface WindowRow<T> {
  item: T;
  index: number;
}

/**
 * The rows on show: all of them when they fit, else exactly `fit` rows starting at `offset`, wrapping
 * round. Never a row more than fits, so no row is ever shown cut by the panel's edge.
 */
export function windowRows<T>(rows: readonly T[], offset: number, fit: number): WindowRow<T>[] {
  const n = rows.length;
  if (!mustScroll(n, fit)) return rows.map((item, index) => ({ item, index }));
  const start = ((offset % n) + n) % n;
  const out: WindowRow<T>[] = [];
  for (let i = 0; i < fit; i++) {
    const index = (start + i) % n;
    out.push({ item: rows[index]!, index });
  }
  return out;
}

/** The offset after one step. */
export function nextOffset(offset: number, total: number): number {
  return total > 0 ? (offset + 1) % total : 0;
}

/** Time a row stays before the list advances by one. */
export const SCROLL_PERIOD_MS = 3000;
