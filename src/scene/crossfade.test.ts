import { describe, expect, it } from 'vitest';
import { layerReady, layerShown, startCrossfade, switchTo, type Crossfade } from './crossfade';

const phases = (s: Crossfade<string>) => s.layers.map((l) => `${l.spec}:${l.phase}`);

describe('crossfade of panel layers', () => {
  it('keeps the old scene until the new one has drawn and faded in', () => {
    let s = startCrossfade('a');
    expect(phases(s)).toEqual(['a:shown']);
    s = switchTo(s, 'b');
    expect(phases(s)).toEqual(['a:shown', 'b:entering']);
    const b = s.layers[1]!.key;
    // Shown before ready is ignored: an entering layer is invisible.
    expect(layerShown(s, b)).toBe(s);
    s = layerReady(s, b);
    expect(phases(s)).toEqual(['a:shown', 'b:fading']);
    s = layerShown(s, b);
    expect(phases(s)).toEqual(['b:shown']);
  });

  it('never leaves the panel area empty, however fast the switches come', () => {
    let s = startCrossfade('a');
    for (const next of ['b', 'c', 'd', 'a', 'b']) {
      s = switchTo(s, next);
      expect(s.layers.some((l) => l.phase !== 'entering')).toBe(true);
      expect(s.layers.length).toBeLessThanOrEqual(2);
    }
    expect(phases(s)).toEqual(['a:shown', 'b:entering']);
  });

  it('replaces an unseen entering layer, and takes a fading one as shown', () => {
    let s = switchTo(startCrossfade('a'), 'b');
    s = switchTo(s, 'c');
    expect(phases(s)).toEqual(['a:shown', 'c:entering']);
    s = layerReady(s, s.layers[1]!.key);
    s = switchTo(s, 'd');
    expect(phases(s)).toEqual(['c:shown', 'd:entering']);
  });

  it('going back to the scene on show drops the entering one; stale events change nothing', () => {
    let s = switchTo(startCrossfade('a'), 'b');
    const b = s.layers[1]!.key;
    s = switchTo(s, 'a');
    expect(phases(s)).toEqual(['a:shown']);
    expect(layerReady(s, b)).toBe(s);
    expect(layerShown(s, b)).toBe(s);
  });

  it('gives every entering layer a new key (Vue mounts it fresh)', () => {
    let s = switchTo(startCrossfade('a'), 'b');
    const first = s.layers[1]!.key;
    s = switchTo(switchTo(s, 'a'), 'b');
    expect(s.layers[1]!.key).not.toBe(first);
  });
});
