/**
 * The naive baselines: what a straightforward first version of the replay would do, written plainly
 * and without deliberate slowness, so a ratio against it says what the real design buys.
 *
 * - load: split lines, JSON.parse each, validate each with the same validateMessage (the schema checks
 *   are not optional, so both sides pay them), collect row objects, sort them with a comparator (a
 *   first version would not trust the file order).
 * - lookup by time: a linear scan over the rows.
 * - seek: reset, then fold every message from the start up to the target one at a time, one reducer
 *   call per store per message, as a per-message listener (`source.on('message', …)`) would.
 */
import { validateMessage, type Message } from '../../data-adapters/schemas';
import { applyBatch, emptyWallState, type WallState } from './wall-state';

export interface NaiveRow {
  time: number;
  /** File line, the sort's tie-break so equal times keep file order. */
  line: number;
  message: Message;
}

export function naiveLoad(text: string): NaiveRow[] {
  const lines = text.split('\n');
  const header = JSON.parse(lines[0] ?? '') as { startTime: number };
  const rows: NaiveRow[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    const rec = JSON.parse(raw) as { t: number; topic: unknown; seq?: number; payload: unknown };
    const result = validateMessage(rec.topic, rec.payload, header.startTime + rec.t, rec.seq);
    if (result.ok) rows.push({ time: result.message.receiveTime, line: i, message: result.message });
  }
  rows.sort((a, b) => a.time - b.time || a.line - b.line);
  return rows;
}

/** Index of the first row with time > `time` (rows.length if none), by walking from the start. */
export function naiveUpperBound(rows: readonly NaiveRow[], time: number): number {
  for (let i = 0; i < rows.length; i += 1) if ((rows[i] as NaiveRow).time > time) return i;
  return rows.length;
}

export function naiveSeek(rows: readonly NaiveRow[], time: number): WallState {
  let s = emptyWallState();
  for (const row of rows) {
    if (row.time > time) break;
    s = applyBatch(s, [row.message], true);
  }
  return s;
}
