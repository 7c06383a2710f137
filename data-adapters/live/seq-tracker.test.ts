import { describe, expect, it } from 'vitest';
import type { FeedEnvelope } from '../feed-contract';
import { SeqTracker } from './seq-tracker';

const kindOf = (t: string) => (t === 'case.event' ? 'event' : t === 'rates.units' ? 'snapshot' : null);
const ev = (seq: number, epoch = 'e1', topic = 'case.event'): FeedEnvelope => ({ topic, seq, epoch, time: 1000 + seq, payload: { seq } });
const seqsOf = (r: { kind: string; envelopes?: FeedEnvelope[] }) => (r.kind === 'deliver' ? (r.envelopes ?? []).map((e) => e.seq) : r.kind);

function tracker(last = 10) {
  const t = new SeqTracker(kindOf);
  t.resync('e1', { 'case.event': last, 'rates.units': 3 });
  return t;
}

describe('SeqTracker', () => {
  it('delivers the next seq and drops duplicates and old ones', () => {
    const t = tracker();
    expect(seqsOf(t.offer(ev(11)))).toEqual([11]);
    expect(t.offer(ev(11)).kind).toBe('duplicate');
    expect(t.offer(ev(5)).kind).toBe('duplicate');
    expect(t.position('case.event')).toBe(11);
  });

  it('a jump opens one gap, holds what follows, and a fill releases everything in order', () => {
    const t = tracker();
    const r = t.offer(ev(15));
    expect(r).toEqual({ kind: 'held', gap: { topic: 'case.event', after: 10, upTo: 14 } });
    expect(t.offer(ev(16))).toEqual({ kind: 'held', gap: null });
    expect(t.offer(ev(15)).kind).toBe('duplicate'); // already held
    const filled = t.fill('case.event', [ev(13), ev(11), ev(12), ev(14), ev(15)]);
    expect(filled.envelopes.map((e) => e.seq)).toEqual([11, 12, 13, 14, 15, 16]);
    expect(filled.gap).toBeNull();
    expect(t.position('case.event')).toBe(16);
    expect(t.heldCount('case.event')).toBe(0);
    expect(t.offer(ev(16)).kind).toBe('duplicate');
  });

  it('a partial fill (a page) leaves the next range to fetch', () => {
    const t = tracker();
    t.offer(ev(20));
    const page = t.fill('case.event', [ev(11), ev(12), ev(13)]);
    expect(page.envelopes.map((e) => e.seq)).toEqual([11, 12, 13]);
    expect(page.gap).toEqual({ topic: 'case.event', after: 13, upTo: 19 });
    const rest = t.fill('case.event', Array.from({ length: 8 }, (_, i) => ev(14 + i)));
    expect(rest.envelopes.map((e) => e.seq)).toEqual([14, 15, 16, 17, 18, 19, 20, 21]);
    expect(rest.gap).toBeNull();
  });

  it('giving up a hole skips to the lowest held message and reports the loss', () => {
    const t = tracker();
    t.offer(ev(14));
    t.offer(ev(15));
    const r = t.giveUp('case.event');
    expect(r.lost).toBe(3);
    expect(r.envelopes.map((e) => e.seq)).toEqual([14, 15]);
    expect(seqsOf(t.offer(ev(16)))).toEqual([16]);
  });

  it('snapshot topics accept jumps (the newest snapshot is the whole truth) but not older ones', () => {
    const t = tracker();
    expect(seqsOf(t.offer(ev(9, 'e1', 'rates.units')))).toEqual([9]);
    expect(t.offer(ev(7, 'e1', 'rates.units')).kind).toBe('duplicate');
    expect(t.openGap('rates.units')).toBeNull();
  });

  it('another epoch is reported and changes nothing until resync', () => {
    const t = tracker();
    expect(t.offer(ev(1, 'e2'))).toEqual({ kind: 'epoch', epoch: 'e2' });
    expect(t.position('case.event')).toBe(10);
    t.resync('e2', { 'case.event': 0 });
    expect(seqsOf(t.offer(ev(1, 'e2')))).toEqual([1]);
    expect(t.fill('case.event', [ev(2, 'e1')]).envelopes).toEqual([]); // other epoch's range ignored
  });

  it('positions() is what a resubscribe sends as `after`', () => {
    const t = tracker();
    t.offer(ev(11));
    expect(t.positions()).toEqual({ 'case.event': 11, 'rates.units': 3 });
  });
});
