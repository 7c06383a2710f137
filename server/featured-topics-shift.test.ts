/**
 * shiftPayload on the featured topics: every epoch-ms value in a payload moves by the shift, nothing
 * else changes. Found independently of the code under test: any number that falls inside the
 * recording's time span (± two days) is a time and must move.
 */
import { describe, expect, it } from 'vitest';
import { validateMessage, type Topic } from '../data-adapters/schemas';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { demoRecording, shiftPayload } from './stream';

const recording = demoRecording(DEMO_SEED);
const DAY = 86_400_000;
const isTime = (x: number): boolean => x >= recording.header.startTime - 2 * DAY && x <= recording.header.endTime + 2 * DAY;

/** Every number in a JSON value with its path. */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

const TOPICS: Topic[] = ['flood.status', 'parking.status', 'skyeye.status', 'emergency.status'];

describe.each(TOPICS)('shiftPayload(%s)', (topic) => {
  const lines = recording.lines.filter((l) => l.topic === topic);
  const shift = 47 * 30 * 60_000 + 123_456_789_000; // loop 47 of a stream that starts years later

  it('moves every time and nothing else, and the result still validates', () => {
    expect(lines.length).toBeGreaterThan(0);
    let times = 0;
    for (const line of [lines[0]!, lines[Math.floor(lines.length / 2)]!, lines[lines.length - 1]!]) {
      const before = numbers(line.payload);
      const shifted = shiftPayload(topic, line.payload, shift, 47);
      const after = numbers(shifted);
      expect(after.map(([p]) => p)).toEqual(before.map(([p]) => p));
      before.forEach(([path, v], i) => {
        const moved = after[i]![1];
        if (isTime(v)) {
          times += 1;
          expect(moved, `${topic} ${path}`).toBe(v + shift);
        } else {
          expect(moved, `${topic} ${path}`).toBe(v);
        }
      });
      const r = validateMessage(topic, shifted, (shifted as { asOf: number }).asOf);
      if (!r.ok) throw new Error(r.reason);
      // The recording's payload is left alone.
      expect(numbers(line.payload)).toEqual(before);
    }
    expect(times).toBeGreaterThan(3);
  });
});
