import { describe, expect, it } from 'vitest';
import { MessageIndex } from './message-index';
import { parseRecording } from './recording';
import { sampleRecording, T0 } from './test-fixtures';
import type { Message } from './schemas';

const { messages } = parseRecording(sampleRecording());
const index = new MessageIndex(messages);
const label = (m: Message): string => (m.topic === 'case.event' ? `${m.payload.caseId}:${m.payload.stage}` : `${m.topic}@${m.receiveTime - T0}`);

describe('MessageIndex', () => {
  it('finds ranges by receiveTime with an upper bound (equal times belong to the range)', () => {
    expect(index.upperBound(T0 - 1)).toBe(0);
    expect(index.upperBound(T0)).toBe(4); // the four t=0 messages
    expect(index.upperBound(T0 + 6000)).toBe(messages.findIndex((m) => m.receiveTime > T0 + 6000));
    expect(index.upperBound(T0 + 1e9)).toBe(messages.length);
    expect(index.slice(4, index.upperBound(T0 + 2000)).map(label)).toEqual(['C2:discover']);
  });

  it('backfills every event and only the latest snapshot of each topic, in time order', () => {
    const batch = index.backfill(T0 + 45_000);
    const snapshots = batch.filter((m) => m.topic !== 'case.event').map(label);
    expect(snapshots).toEqual(['cases.baseline@0', 'data.volumes@30000', 'rates.units@40000', 'industry.systems@40000']);
    const events = batch.filter((m) => m.topic === 'case.event');
    expect(events).toHaveLength(messages.filter((m) => m.topic === 'case.event' && m.receiveTime <= T0 + 45_000).length);
    for (let i = 1; i < batch.length; i += 1) {
      expect((batch[i] as Message).receiveTime).toBeGreaterThanOrEqual((batch[i - 1] as Message).receiveTime);
    }
    // Order among equal times is file order: the snapshot written at 40 s comes after C40's events.
    expect(index.backfill(T0 + 40_000).map(label).slice(-3)).toEqual(['C40:discover', 'rates.units@40000', 'industry.systems@40000']);
  });

  it('backfills nothing before the first message and the t=0 messages at startTime', () => {
    expect(index.backfill(T0 - 1)).toEqual([]);
    expect(index.backfill(T0).map(label)).toEqual(['cases.baseline@0', 'rates.units@0', 'industry.systems@0', 'C0:discover']);
  });

  it('refuses messages out of time order', () => {
    expect(() => new MessageIndex([messages[5] as Message, messages[0] as Message])).toThrow(RangeError);
  });
});
