/**
 * The one table the bench prints. Every row is a ratio against a baseline measured in the same run,
 * because on this 2-core, GPU-less machine absolute times move by tens of percent between runs while
 * ratios hold. The ratio column is oriented so that higher always means "ours is better":
 * baseline ÷ ours for costs (ms, KiB), ours ÷ baseline for rates (fps).
 */
export interface Row {
  what: string;
  ours: number;
  baseline: number;
  unit: string;
  /** How many measurements the median is over, e.g. "9" or "3 (fresh browser each)". */
  runs: string;
  /** true for rates (fps), false for costs (time, bytes). Decides the ratio's orientation. */
  higherIsBetter: boolean;
}

export const RATIO_HEADER = 'ratio (higher = ours better)';

export function ratioOf(row: Row): number {
  const r = row.higherIsBetter ? row.ours / row.baseline : row.baseline / row.ours;
  if (!Number.isFinite(r) || r <= 0) throw new Error(`row "${row.what}": no meaningful ratio (ours ${row.ours}, baseline ${row.baseline})`);
  return r;
}

/** Three significant digits, without exponent notation for the sizes seen here. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

/** A markdown table, padded so it also reads aligned in a terminal. Numbers are right-aligned. */
export function renderTable(rows: readonly Row[]): string {
  const head = ['what', 'ours', 'baseline', RATIO_HEADER, 'unit', 'runs'];
  const right = [false, true, true, true, false, false];
  const body = rows.map((r) => [r.what, fmt(r.ours), fmt(r.baseline), `${ratioOf(r).toFixed(2)}×`, r.unit, r.runs]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => (b[c] as string).length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => (right[c] ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (right[c] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(head), rule, ...body.map(line)].join('\n');
}
