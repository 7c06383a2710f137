/** shiftPayload for the command and hotline topics: every epoch-ms field moves with the loop, nothing else. */
import { describe, expect, it } from 'vitest';
import { validateMessage, type CaseEvent, type Topic } from '../data-adapters/schemas';
import type { HotlineSummary } from '../data-adapters/topics/hotline';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { demoRecording, shiftPayload } from './stream';

const SHIFT = 3 * 86_400_000 + 17 * 60_000;
const TIME_KEYS = new Set(['asOf', 'at', 'dueAt', 'prevAt', 'prevDueAt', 'hourStart']);

/** Every numeric leaf as [path, value]. */
function leaves(x: unknown, path = ''): [string, number][] {
  if (typeof x === 'number') return [[path, x]];
  if (Array.isArray(x)) return x.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

const lastKey = (path: string) => path.replace(/\[\d+\]$/, '').split('.').pop() ?? '';

function expectShifted(topic: Topic, payload: unknown): void {
  const shifted = shiftPayload(topic, payload, SHIFT, 3);
  const before = leaves(payload);
  const after = new Map(leaves(shifted));
  expect(after.size).toBe(before.length);
  for (const [path, v] of before) {
    expect(after.get(path), path).toBe(TIME_KEYS.has(lastKey(path)) ? v + SHIFT : v);
  }
  const r = validateMessage(topic, shifted, 0);
  if (!r.ok) throw new Error(r.reason);
}

const rec = demoRecording(DEMO_SEED);
const payloads = <T>(topic: Topic) => rec.lines.filter((l) => l.topic === topic).map((l) => l.payload as T);

describe('shiftPayload: command and public-service topics', () => {
  it('hotline.summary: asOf and the first hour move, the counts do not', () => {
    const all = payloads<HotlineSummary>('hotline.summary');
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) expectShifted('hotline.summary', p);
  });

  it('case.event: at, dueAt, prevAt and prevDueAt move (and prevAt/prevDueAt stay absent when absent)', () => {
    const events = payloads<CaseEvent>('case.event');
    const withPrev = events.filter((e) => e.prevAt !== undefined && e.prevDueAt !== undefined);
    const discoveries = events.filter((e) => e.prevStage === null);
    expect(withPrev.length).toBeGreaterThan(100);
    expect(discoveries.length).toBeGreaterThan(10);
    for (const e of [...withPrev.slice(0, 200), ...discoveries.slice(0, 20)]) expectShifted('case.event', e);
    for (const e of discoveries) {
      const s = shiftPayload('case.event', e, SHIFT, 3) as CaseEvent;
      expect('prevAt' in s || 'prevDueAt' in s).toBe(false);
    }
  });
});
