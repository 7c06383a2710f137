import { describe, expect, it } from 'vitest';
import { clip, tickerLines } from './ticker-items';
import { emptyCasesState, reduceCases } from '../stores/reducers/cases';
import { T0, baselineMsg, event, eventMsg } from '../stores/fixtures';
import { healthTone, statusText } from './status-text';

describe('ticker lines', () => {
  it('newest first, at most n, with Beijing time and clipped text kept as text', () => {
    const s = reduceCases(emptyCasesState(), [baselineMsg(), ...Array.from({ length: 15 }, (_, i) => eventMsg(event(`c${i}`, 'discover', T0 + (i + 1) * 60_000, { description: `第${i}条 ${'很长的描述'.repeat(20)}` })))], false);
    const lines = tickerLines(s.ticker, 10);
    expect(lines).toHaveLength(10);
    expect(lines[0]?.key).toBe('c14:discover');
    expect(lines[0]?.time).toBe('09:45');
    expect(lines[0]?.badge).toBe('新发现');
    expect(Array.from(lines[0]!.description)).toHaveLength(41);
  });
  it('clip collapses whitespace and cuts by code point', () => {
    expect(clip('  a \n b  ', 10)).toBe('a b');
    expect(clip('<b>12345</b>', 3)).toBe('<b>…');
    expect(clip('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁…');
  });
});

describe('health indicator rules', () => {
  it('says what the source is doing and turns amber on rejections, red on error', () => {
    expect(statusText('playing', 'recorded')).toBe('回放中');
    expect(statusText('playing', 'live')).toBe('实时');
    expect(healthTone('playing', 0)).toBe('ok');
    expect(healthTone('playing', 3)).toBe('warn');
    expect(healthTone('error', 0)).toBe('bad');
  });
});
