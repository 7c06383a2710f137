/**
 * Row-by-row scrolling of a list that has more rows than fit (table, alarms): the window of rows shown
 * at an offset, wrapping round to the start. Pure; the components animate one row's slide.
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

/**
 * `count` rows starting at `offset`, wrapping round; when nothing scrolls, all rows from the start.
 * The scrolling window carries one extra row below the visible ones, the row that slides in.
 */
export function windowRows<T>(rows: readonly T[], offset: number, fit: number): T[] {
  if (!mustScroll(rows.length, fit)) return rows.slice();
  const out: T[] = [];
  const n = rows.length;
  const start = ((offset % n) + n) % n;
  for (let i = 0; i < fit + 1; i++) out.push(rows[(start + i) % n]!);
  return out;
}

/** The offset after one step. */
export function nextOffset(offset: number, total: number): number {
  return total > 0 ? (offset + 1) % total : 0;
}

/** Time a row stays before the list advances by one. */
export const SCROLL_PERIOD_MS = 3000;
