/**
 * Rows 1 and 2, in-process: recording load + decode, lookup by time, and seek (state as of a time),
 * ours against the naive baselines in naive.ts, at 1× and 20× the shipped recording.
 *
 * Before timing anything each pair is checked to produce the same result (same messages, same index
 * positions, same folded state); a mismatch throws, because a fast wrong answer is not a result.
 */
import { MessageIndex } from '../../data-adapters/message-index';
import { parseRecording } from '../../data-adapters/recording';
import { naiveLoad, naiveSeek, naiveUpperBound } from './naive';
import { scaleRecording } from './scale';
import { timePair } from './stats';
import type { Row } from './table';
import { applyBatch, comparable, emptyWallState } from './wall-state';

/** Where the seek lands: 29 minutes into the 30-minute demo, and the same fraction of a scaled copy. */
const SEEK_FRACTION = 29 / 30;
const LOOKUPS = 1000;

interface Prepared {
  scale: number;
  text: string;
  lines: number;
  startTime: number;
  endTime: number;
}

export interface NodeResult {
  rows: Row[];
  /** Free-text lines printed under the table (growth from 1× to 20×). */
  notes: string[];
}

function prepare(text: string, scale: number): Prepared {
  const scaled = scale === 1 ? text : scaleRecording(text, scale);
  const { header, messages, rejected } = parseRecording(scaled);
  if (rejected.length > 0) throw new Error(`${scale}× recording: ${rejected.length} lines rejected (first: ${rejected[0]?.reason})`);
  return { scale, text: scaled, lines: messages.length, startTime: header.startTime, endTime: header.endTime };
}

function oursLoad(text: string): MessageIndex {
  return new MessageIndex(parseRecording(text).messages);
}

function lookupTimes(p: Prepared): number[] {
  // Evenly spread over the recording, deterministic: the same times for both sides and every run.
  return Array.from({ length: LOOKUPS }, (_, i) => p.startTime + Math.round(((i + 0.5) / LOOKUPS) * (p.endTime - p.startTime)));
}

export function runNodeRows(recording: string, scales: readonly number[], runs: number): NodeResult {
  const prepared = scales.map((s) => prepare(recording, s));
  const load: Row[] = [];
  const lookup: Row[] = [];
  const seek: Row[] = [];
  const byScale = new Map<number, { load: [number, number]; seek: [number, number] }>();

  for (const p of prepared) {
    const label = `${p.scale}× (${p.lines.toLocaleString('en-US')} msgs)`;
    const index = oursLoad(p.text);
    const rows = naiveLoad(p.text);

    // --- same answers first ---
    if (rows.length !== index.length) throw new Error(`${label}: naive load has ${rows.length} messages, ours ${index.length}`);
    const times = lookupTimes(p);
    for (const t of times) {
      if (index.upperBound(t) !== naiveUpperBound(rows, t)) throw new Error(`${label}: lookup at ${t} differs between ours and naive`);
    }
    const target = p.startTime + Math.round(SEEK_FRACTION * (p.endTime - p.startTime));
    const oursSeek = () => applyBatch(emptyWallState(), index.backfill(target), true);
    const naiveSeekFn = () => naiveSeek(rows, target);
    if (comparable(oursSeek()) !== comparable(naiveSeekFn())) throw new Error(`${label}: the state after seek differs between ours and naive`);

    // --- timings (interleaved pairs, medians) ---
    const l = timePair(() => oursLoad(p.text), () => naiveLoad(p.text), runs);
    load.push({ what: `Recording load + decode, ${label}`, ours: l.ours.ms, baseline: l.naive.ms, unit: 'ms', runs: String(runs), higherIsBetter: false });

    const lk = timePair(
      () => times.reduce((acc, t) => acc + index.upperBound(t), 0),
      () => times.reduce((acc, t) => acc + naiveUpperBound(rows, t), 0),
      runs,
    );
    lookup.push({ what: `Lookup by time ×${LOOKUPS}, ${p.scale}×`, ours: lk.ours.ms, baseline: lk.naive.ms, unit: 'ms', runs: String(runs), higherIsBetter: false });

    const s = timePair(oursSeek, naiveSeekFn, runs);
    const minutes = Math.round((target - p.startTime) / 60_000);
    seek.push({ what: `Seek to ${minutes} min + fold, ${p.scale}×`, ours: s.ours.ms, baseline: s.naive.ms, unit: 'ms', runs: String(runs), higherIsBetter: false });

    byScale.set(p.scale, { load: [l.ours.ms, l.naive.ms], seek: [s.ours.ms, s.naive.ms] });
  }

  const notes: string[] = [];
  const lo = byScale.get(Math.min(...scales));
  const hi = byScale.get(Math.max(...scales));
  if (lo && hi && lo !== hi) {
    const g = (a: number, b: number) => `${(b / a).toFixed(1)}×`;
    notes.push(
      `growth ${Math.min(...scales)}× → ${Math.max(...scales)}× size: load ours ${g(lo.load[0], hi.load[0])}, naive ${g(lo.load[1], hi.load[1])}; ` +
        `seek ours ${g(lo.seek[0], hi.seek[0])}, naive ${g(lo.seek[1], hi.seek[1])}`,
    );
  }
  return { rows: [...load, ...lookup, ...seek], notes };
}
