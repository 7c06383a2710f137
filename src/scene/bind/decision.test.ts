import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../data-adapters/schemas';
import { decision } from '../../../scenes/decision';
import { SCENES } from '../../../scenes';
import { AS_OF, alarm, flatHistory, lifeline } from '../../decision/fixtures';
import { useWallStores } from '../../stores';
import { BINDINGS } from '../bindings';
import { sceneSpecSchema } from '../spec';
import { analysisSuggestions, categoryWeekSeries, decisionKpis, factsFromStores, loadTrendSeries, monthLabel, realtimeSuggestions, unitChangeTable } from './decision';

describe('decision bindings on fixed inputs', () => {
  it('draws the intake with its least-squares line and a forecast joined to the last month', () => {
    const s = loadTrendSeries(flatHistory({ base: 60_000, slope: 500 }));
    expect(s.x).toHaveLength(26);
    expect(s.x.slice(-3)).toEqual(['10月', '11月(预)', '12月(预)']);
    expect(s.x[2]).toBe('25年1月');
    const [bars, trend, forecast] = s.series;
    expect(bars?.values.slice(-3)).toEqual([71_500, null, null]);
    expect(trend?.values[0]).toBe(60_000);
    expect(trend?.values[25]).toBe(72_500);
    expect(forecast?.values.filter((v) => v !== null)).toEqual([71_500, 72_000, 72_500]);
    expect(monthLabel('2026-01')).toBe('26年1月');
  });

  it('ranks units by month-on-month change of completion, biggest fall first, toned by the rule line', () => {
    const t = unitChangeTable(flatHistory({ completion: { dianjun: [94, 89.9], yiling: [94, 92], zigui: [94, 95] } }));
    expect(t.rows.slice(0, 2).map((r) => [r.id, r.cells.change, r.tone])).toEqual([['dianjun', '-4.1', 'alert'], ['yiling', '-2.0', 'warn']]);
    expect(t.rows[t.rows.length - 1]).toMatchObject({ id: 'zigui', tone: 'good', cells: { change: '+1.0', completion: '95.0%' } });
    expect(t.columns[1]?.label).toBe('10月办结率');
  });

  it('compares this week with last by category', () => {
    const s = categoryWeekSeries(flatHistory({ weekly: { construction: [700, 840] } }));
    expect(s.x[0]).toBe('施工管理');
    expect(s.series.map((x) => x.values[0])).toEqual([700, 840]);
  });

  it('splits real-time warnings from analysis and counts them in the key figures', () => {
    const facts = {
      asOf: AS_OF,
      history: flatHistory({ completion: { dianjun: [94, 88] } }),
      lifeline: lifeline([1, 2, 3, 4].map((i) => alarm({ id: `a${i}`, at: AS_OF - i * 60_000 }))),
      overdueOpen: [],
    };
    expect(realtimeSuggestions(facts).items.map((i) => i.id)).toEqual(['lifeline-repeated-alarms:drainage']);
    expect(analysisSuggestions(facts).items.map((i) => i.id)).toEqual(['unit-completion-drop:dianjun', 'load-forecast:2026-12']);
    const k = decisionKpis(facts.history, realtimeSuggestions(facts));
    expect(k.find((x) => x.id === 'warnings')).toMatchObject({ value: 1, tone: 'normal' });
    expect(k.find((x) => x.id === 'forecast')?.value).toBe(7.25);
    expect(k.find((x) => x.id === 'forecast')?.label).toBe('12月预测');
  });
});

describe('decision bindings on the stores', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('read the snapshot topics and stay null until there is data', () => {
    const stores = useWallStores();
    expect(BINDINGS['decision.suggestions'].select(stores)).toBeNull();
    expect(BINDINGS['decision.warnings'].select(stores)).toBeNull();
    const batch: Message[] = [
      { topic: 'cases.history', receiveTime: AS_OF, payload: flatHistory({ completion: { dianjun: [94, 88] } }) },
      { topic: 'lifeline.status', receiveTime: AS_OF, payload: lifeline([]) },
    ];
    stores.topics.apply(batch);
    expect(factsFromStores(stores).asOf).toBe(AS_OF);
    expect(BINDINGS['decision.suggestions'].select(stores)?.items[0]?.id).toBe('unit-completion-drop:dianjun');
    expect(BINDINGS['decision.warnings'].select(stores)?.items).toEqual([]);
    expect(BINDINGS['decision.loadTrend'].select(stores)?.x).toHaveLength(26);
    expect(BINDINGS['decision.suggestions'].lastDataTime(stores)).toBe(AS_OF);
  });
});

describe('decision scene', () => {
  it('validates and is registered between evaluation and guidance', () => {
    expect(sceneSpecSchema.safeParse(decision).success).toBe(true);
    expect(SCENES.decision).toBe(decision);
    const ids = Object.keys(SCENES);
    expect(ids.indexOf('decision')).toBeGreaterThan(ids.indexOf('evaluation'));
  });
});
