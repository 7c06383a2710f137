import { describe, expect, it } from 'vitest';
import { createEngine, evaluateRules, WALL_RULES } from './engine';
import type { Facts, OverduePoint } from './facts';
import { AS_OF, alarm, flatHistory, lifeline } from './fixtures';
import { DEFAULT_RULES, parseRules, type RuleDefinitionInput } from './rules';
import { clusterByRadius, leastSquares, predict } from './stats';
import { renderTemplate } from './template';

const facts = (over: Partial<Facts>): Facts => ({ asOf: AS_OF, history: null, lifeline: null, overdueOpen: null, ...over });
const only = (kind: string, params?: Record<string, unknown>) => {
  const def = DEFAULT_RULES.find((r) => r.kind === kind);
  if (!def) throw new Error(kind);
  return parseRules([{ ...def, params: { ...def.params, ...params } }]);
};
const run = (kind: string, f: Partial<Facts>, params?: Record<string, unknown>) => evaluateRules(only(kind, params), facts(f)).items;

describe('unit completion drop', () => {
  it('fires above the threshold, not at it, with the figures in title and text', () => {
    // minDropPoints 3: 点军 falls 3.1 (fires), 夷陵 exactly 3.0 (does not).
    const h = flatHistory({ completion: { dianjun: [93.5, 90.4], yiling: [94, 91] } });
    const items = run('unitCompletionDrop', { history: h });
    expect(items.map((i) => i.id)).toEqual(['unit-completion-drop:dianjun']);
    const [s] = items;
    expect(s?.title).toBe('点军区办结率环比下降3.1个百分点');
    expect(s?.explanation).toContain('10月办结率90.4%');
    expect(s?.explanation).toContain('9月的93.5%');
    expect(s?.figures).toEqual([
      { label: '10月办结率', value: '90.4%' },
      { label: '9月办结率', value: '93.5%' },
      { label: '环比', value: '-3.1个百分点' },
    ]);
    expect(s?.severity).toBe('attention');
  });

  it('escalates to a warning at escalateAt (5 points)', () => {
    const items = run('unitCompletionDrop', { history: flatHistory({ completion: { dianjun: [94, 89], yiling: [94, 89.1] } }) });
    expect(items.map((i) => [i.id, i.severity])).toEqual([
      ['unit-completion-drop:dianjun', 'warning'],
      ['unit-completion-drop:yiling', 'attention'],
    ]);
  });

  it('is silent without history', () => {
    expect(run('unitCompletionDrop', {})).toEqual([]);
  });
});

describe('category weekly rise', () => {
  it('names the fastest-rising category only, when it rises more than the threshold', () => {
    // 100/day before; construction 700 → 777 (+11.0%), noise 700 → 770 (+10.0%: not more than 10).
    const items = run('categoryWeeklyRise', { history: flatHistory({ weekly: { construction: [700, 777], noise: [700, 770] } }) });
    expect(items).toHaveLength(1);
    expect(items[0]?.title).toBe('施工管理类案件本周上升11.0%');
    expect(items[0]?.explanation).toContain('11月19日至11月25日共受理施工管理类案件777件，较上周700件上升11.0%');
    expect(items[0]?.figures).toContainEqual({ label: '周环比', value: '+11.0%' });
  });

  it('does not fire at exactly the threshold, nor below the minimum weekly count', () => {
    expect(run('categoryWeeklyRise', { history: flatHistory({ weekly: { noise: [700, 770] } }) })).toEqual([]);
    expect(run('categoryWeeklyRise', { history: flatHistory({ weekly: { noise: [700, 1400] } }) }, { minWeeklyCount: 1401 })).toEqual([]);
  });
});

describe('overdue cluster', () => {
  const p = (id: string, dxKm: number, dyKm: number): OverduePoint => ({
    id, unitId: 'xiling', address: `西陵区 解放路${id}号`, lon: 111.3 + dxKm / (111.32 * 0.85988), lat: 30.7 + dyKm / 111.32,
  });

  it('finds three overdue cases within the radius, and not two', () => {
    const three = [p('1', 0, 0), p('2', 1.4, 0), p('3', 0, -1.4), p('far', 8, 8)];
    const items = run('overdueCluster', { overdueOpen: three });
    expect(items).toHaveLength(1);
    expect(items[0]?.title).toBe('西陵区超期案件集中：3件');
    expect(items[0]?.explanation).toContain('西陵区 解放路1号周边1.5公里内有3件');
    expect(run('overdueCluster', { overdueOpen: [p('1', 0, 0), p('2', 1.4, 0), p('far', 8, 8)] })).toEqual([]);
  });

  it('does not count a case just beyond the radius', () => {
    expect(run('overdueCluster', { overdueOpen: [p('1', 0, 0), p('2', 1.4, 0), p('3', 0, -1.6)] })).toEqual([]);
  });

  it('is silent when positions are unknown (null), not only when there are none', () => {
    expect(run('overdueCluster', { overdueOpen: null })).toEqual([]);
  });
});

describe('lifeline repeated alarms', () => {
  const drain = (id: string, minutesAgo: number, place = '伍家岗区 东山大道160号附近 排水检查井') =>
    alarm({ id, at: AS_OF - minutesAgo * 60_000, place });

  it('fires at k alarms inside the window and names the repeating place', () => {
    const items = run('lifelineRepeatedAlarms', { lifeline: lifeline([drain('a', 5), drain('b', 20), drain('c', 40), drain('d', 59, '西陵区 别处')]) });
    expect(items).toHaveLength(1);
    expect(items[0]?.title).toBe('排水近60分钟告警4次');
    expect(items[0]?.explanation).toContain('其中伍家岗区 东山大道160号附近 排水检查井重复告警3次');
    expect(items[0]?.figures).toContainEqual({ label: '涉及点位', value: '2处' });
  });

  it('does not count an alarm exactly at the window edge', () => {
    expect(run('lifelineRepeatedAlarms', { lifeline: lifeline([drain('a', 5), drain('b', 20), drain('c', 40), drain('d', 60)]) })).toEqual([]);
  });
});

describe('load forecast', () => {
  it('forecasts the month after the current one by least squares, with the figures', () => {
    // 60,000 + 500·x for x = 0…23 (2024-11 … 2026-10): December 2026 is x = 25 → 72,500.
    const items = run('loadForecast', { history: flatHistory({ base: 60_000, slope: 500 }) });
    expect(items).toHaveLength(1);
    expect(items[0]?.title).toBe('预计12月受理约7.25万件');
    expect(items[0]?.explanation).toContain('月均+500件');
    expect(items[0]?.explanation).toContain('较10月的7.15万件增加1.4%');
    expect(items[0]?.severity).toBe('info');
  });

  it('uses only the last `months` months', () => {
    const items = run('loadForecast', { history: flatHistory({ base: 60_000, slope: 500 }) }, { months: 6 });
    expect(items[0]?.explanation).toContain('按近6个月');
    expect(items[0]?.title).toBe('预计12月受理约7.25万件');
  });
});

describe('unit satisfaction decline', () => {
  it('fires for three falling months with enough total drop, not for two or a flat step', () => {
    const h = flatHistory({
      satisfaction: {
        wufeng: [95, 94, 93.5, 93], // 3 falls, −2.0 in all: fires (minTotalDropPoints 2)
        zigui: [95, 95, 93, 92], // a flat step: not 3 in a row
        yuanan: [95, 94.5, 94, 93.1], // 3 falls, −1.9 only
      },
    });
    const items = run('unitSatisfactionDecline', { history: h });
    expect(items.map((i) => i.id)).toEqual(['unit-satisfaction-decline:wufeng']);
    expect(items[0]?.title).toBe('五峰县满意率连续3个月下降');
    expect(items[0]?.explanation).toContain('由7月的95.0%降至10月的93.0%');
  });
});

describe('sensors offline', () => {
  it('fires below the online share, not at it', () => {
    const items = run('sensorsOffline', { lifeline: lifeline([], { geohazard: 949, bridge: 950 }) });
    expect(items.map((i) => i.id)).toEqual(['sensors-offline:geohazard']);
    expect(items[0]?.title).toBe('地灾隐患点感知设备在线率94.9%');
    expect(items[0]?.explanation).toContain('51台设备离线');
  });
});

describe('engine', () => {
  it('ranks warnings first, then by score, and keeps every score inside its severity band', () => {
    const h = flatHistory({ completion: { dianjun: [94, 88], yiling: [94, 90.5] }, weekly: { construction: [700, 840] } });
    const out = evaluateRules(WALL_RULES, facts({ history: h, lifeline: lifeline([], { geohazard: 900 }) })).items;
    const severities = out.map((i) => i.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['warning', 'attention', 'info'].indexOf(a) - ['warning', 'attention', 'info'].indexOf(b)));
    for (let i = 1; i < out.length; i += 1) expect(out[i - 1]!.score).toBeGreaterThanOrEqual(out[i]!.score);
    expect(out[0]?.severity).toBe('warning');
    expect(out[out.length - 1]?.id).toBe('load-forecast:2026-12');
  });

  it('orders exactly by severity band, then weight × ratio', () => {
    const h = flatHistory({ completion: { dianjun: [94, 88], yiling: [94, 90.5] }, weekly: { construction: [700, 840] } });
    const out = evaluateRules(WALL_RULES, facts({ history: h, lifeline: lifeline([], { geohazard: 900 }) })).items;
    expect(out.map((i) => [i.id, i.severity, i.score])).toEqual([
      ['unit-completion-drop:dianjun', 'warning', 100 + 24], // 1.2 × 6/3 × 10
      ['sensors-offline:geohazard', 'warning', 100 + 16], // 0.8 × 10/5 × 10
      ['category-weekly-rise:construction', 'attention', 50 + 20], // 1 × 20/10 × 10
      ['unit-completion-drop:yiling', 'attention', 50 + 14], // 1.2 × 3.5/3 × 10
      ['load-forecast:2026-12', 'info', 6], // 0.6 × 1 × 10
    ]);
  });

  it('skips disabled rules and rules that throw, keeping the rest', () => {
    const defs = DEFAULT_RULES.map((r) => (r.kind === 'loadForecast' ? { ...r, enabled: false } : r));
    const engine = createEngine(defs);
    expect(engine(facts({ history: flatHistory() })).items.map((i) => i.id)).toEqual([]);
    const errors: string[] = [];
    const broken = { asOf: AS_OF, history: { ...flatHistory(), units: [{ unitId: 'xiling', monthly: null }] }, lifeline: null, overdueOpen: null } as unknown as Facts;
    const out = evaluateRules(WALL_RULES, broken, (id) => errors.push(id));
    expect(errors).toContain('unit-completion-drop');
    expect(out.items.map((i) => i.id)).toContain('load-forecast:2026-12');
  });
});

describe('rule definitions', () => {
  const base = DEFAULT_RULES[0] as RuleDefinitionInput;
  const problems = (input: unknown): string => {
    try {
      parseRules(input);
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  };

  it('accepts the defaults', () => {
    expect(parseRules(DEFAULT_RULES)).toHaveLength(DEFAULT_RULES.length);
  });

  it('rejects an unknown kind, unknown or missing params, bad values, unknown template figures and duplicate ids', () => {
    expect(problems([{ ...base, kind: 'guess' }])).toContain('0.kind');
    expect(problems([{ ...base, params: { minDropPoints: 3, extra: 1 } }])).toContain('0.params');
    expect(problems([{ ...base, params: {} }])).toContain('0.params.minDropPoints');
    expect(problems([{ ...base, params: { minDropPoints: -1 } }])).toContain('0.params.minDropPoints');
    expect(problems([{ ...base, weight: 11 }])).toContain('0.weight');
    expect(problems([{ ...base, id: 'Bad Id' }])).toContain('0.id');
    expect(problems([{ ...base, text: '{unit}的{sector}' }])).toContain('0.text: {sector} is not a figure of "unitCompletionDrop"');
    expect(problems([base, base])).toContain('1.id: duplicate rule id');
    expect(problems([])).toContain('(root)');
    expect(problems('rules')).toContain('(root)');
  });
});

describe('stats and templates', () => {
  it('least squares recovers a line exactly and predicts beyond it', () => {
    const fit = leastSquares([3, 5, 7, 9]);
    expect(fit).toEqual({ intercept: 3, slope: 2 });
    expect(predict(fit, 5)).toBe(13);
    expect(() => leastSquares([1])).toThrow();
  });

  it('clusters greedily around the densest point', () => {
    const pts = [
      { id: 'a', lon: 111.3, lat: 30.7 },
      { id: 'b', lon: 111.301, lat: 30.7 },
      { id: 'c', lon: 111.302, lat: 30.7 },
      { id: 'd', lon: 111.5, lat: 30.9 },
    ];
    const cl = clusterByRadius(pts, 0.15, 2); // 0.001° of longitude ≈ 0.096 km: only b reaches both a and c
    expect(cl).toHaveLength(1);
    expect(cl[0]?.center.id).toBe('b');
    expect(cl[0]?.members.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('renders placeholders as plain text and refuses a missing one', () => {
    expect(renderTemplate('{a}<b>{b}', { a: '<img src=x>', b: '1' })).toBe('<img src=x><b>1');
    expect(() => renderTemplate('{a}', {})).toThrow('{a}');
  });
});
