import { describe, expect, it } from 'vitest';
import { validateMessage } from '../schemas';
import { T0 } from '../test-fixtures';
import { HOTLINE_LINES, HOTLINE_TARGET_IDS, MAX_HOT_TOPICS, type HotlineSummary } from './hotline';
import { hotlineSummaryPayload } from './hotline-fixtures';

const ok = (p: unknown) => validateMessage('hotline.summary', p, T0);
const patched = (f: (p: HotlineSummary) => void): HotlineSummary => {
  const p = hotlineSummaryPayload(T0);
  f(p);
  return p;
};

describe('hotline.summary schema', () => {
  it('accepts a valid payload and keeps untrusted keywords verbatim', () => {
    const r = ok(hotlineSummaryPayload(T0));
    expect(r.ok).toBe(true);
    expect(r.ok && r.message.topic === 'hotline.summary' && r.message.payload.hotTopics[1]?.keyword).toBe('<b>物业</b>服务');
  });

  it('knows 12345 and 15 merged lines, each a distinct real 5-digit number', () => {
    expect(HOTLINE_LINES).toHaveLength(16);
    expect(new Set(HOTLINE_LINES.map((l) => l.id)).size).toBe(16);
    for (const l of HOTLINE_LINES) expect(l.id).toMatch(/^123\d\d$/);
    expect(new Set(HOTLINE_TARGET_IDS).size).toBe(HOTLINE_TARGET_IDS.length);
  });

  it.each([
    ['more answered than received', (p: HotlineSummary) => { p.today.answered = p.today.received + 1; }, 'today.answered'],
    ['more satisfied than called back', (p: HotlineSummary) => { p.today.satisfied = p.today.calledBack + 1; }, 'today.satisfied'],
    ['hours of different lengths', (p: HotlineSummary) => { p.hourly.answered.pop(); }, 'hourly.answered'],
    ['an hour with more answered than received', (p: HotlineSummary) => { p.hourly.answered[2] = 99; }, 'hourly.answered.2'],
    ['more than 24 hours', (p: HotlineSummary) => { p.hourly.received = new Array(25).fill(1); p.hourly.answered = new Array(25).fill(1); }, 'hourly.received'],
    ['a line twice', (p: HotlineSummary) => { p.lines.push({ id: '12315', received: 1 }); }, 'lines'],
    ['an unknown line', (p: HotlineSummary) => { (p.lines[0] as { id: string }).id = '110'; }, 'lines.0.id'],
    ['an unknown work-order target', (p: HotlineSummary) => { (p.targets[0] as { id: string }).id = 'nasa'; }, 'targets.0.id'],
    ['a negative count', (p: HotlineSummary) => { p.today.received = -1; }, 'today.received'],
    ['a fractional count', (p: HotlineSummary) => { p.categories[0]!.received = 1.5; }, 'categories.0.received'],
    ['a keyword too long', (p: HotlineSummary) => { p.hotTopics[0]!.keyword = '长'.repeat(21); }, 'hotTopics.0.keyword'],
    ['an empty keyword', (p: HotlineSummary) => { p.hotTopics[0]!.keyword = ''; }, 'hotTopics.0.keyword'],
    ['too many hot topics', (p: HotlineSummary) => { p.hotTopics = Array.from({ length: MAX_HOT_TOPICS + 1 }, (_, i) => ({ keyword: `k${i}`, count: 1, previous: 1 })); }, 'hotTopics'],
    ['asOf not epoch ms', (p: HotlineSummary) => { p.asOf = -5; }, 'asOf'],
  ])('refuses %s and says where', (_name, f, path) => {
    const r = ok(patched(f));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(`hotline.summary: ${path}`);
  });

  it('refuses non-objects and missing parts without throwing', () => {
    expect(ok(null).ok).toBe(false);
    expect(ok({ asOf: T0 }).ok).toBe(false);
    const { hourly: _h, ...rest } = hotlineSummaryPayload(T0);
    expect(ok(rest).ok).toBe(false);
  });
});
