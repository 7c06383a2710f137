/**
 * Timing helpers for the in-process (Node) rows. Medians, not means: on a 2-core machine shared with
 * other work one run in seven is often hit by GC or a neighbour, and the median ignores it.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, run untimed before every sample so each one starts from the same heap:
 * otherwise a major GC owed to the previous sample's garbage lands in whichever sample triggers it, and
 * at 20× size that alone swung the load ratio between 0.6 and 1.1 from one run to the next. GC caused by
 * a sample's own allocations still counts against it. (`--expose-gc` after start-up, without needing
 * node flags through tsx: the flag takes effect for contexts created afterwards.)
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Where results go so the work cannot be optimised away; read by nothing. */
export let sink: unknown = null;

export interface Timing {
  /** Median wall time of one call, ms. */
  ms: number;
  runs: number;
}

/**
 * Time `ours` and `naive` interleaved (ours, naive, ours, naive, …) rather than one block after the
 * other, so a slow patch of the machine (another engineer's build) hits both sides alike and the ratio
 * stays meaningful even when the absolute numbers wobble. Each result goes to a module-level sink so V8
 * cannot drop the work, but only the latest is kept: holding every run's 17k-message result would grow
 * the live heap run after run and charge the growing GC cost to whichever side happened to trigger it.
 * The warm-up calls get both sides into optimised code before timing.
 */
export function timePair(ours: () => unknown, naive: () => unknown, runs: number, warmup = 2): { ours: Timing; naive: Timing } {
  for (let i = 0; i < warmup; i += 1) {
    ours();
    naive();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    sink = null;
    gc();
    let t0 = performance.now();
    sink = ours();
    a.push(performance.now() - t0);
    sink = null;
    gc();
    t0 = performance.now();
    sink = naive();
    b.push(performance.now() - t0);
  }
  sink = null;
  const oursMs = median(a);
  const naiveMs = median(b);
  if (!(oursMs > 0 && naiveMs > 0)) throw new Error(`timer returned no time (ours ${oursMs} ms, naive ${naiveMs} ms)`);
  return { ours: { ms: oursMs, runs }, naive: { ms: naiveMs, runs } };
}
