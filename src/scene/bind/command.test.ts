import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { UNIT_IDS } from '../../../data-adapters/domain';
import { command } from '../../../scenes/command';
import { SCENE_LIST } from '../../../scenes';
import { useWallStores } from '../../stores';
import { MIN, T0, baselineMsg, event, eventMsg } from '../../stores/fixtures';
import { EMPTY_DWELL_SUMMARY } from '../../stores/reducers/dwell';
import type { CaseAlert } from '../../stores/reducers/cases';
import { BINDINGS } from '../bindings';
import { COMMAND_BINDINGS, alertItems, commandKpis, dwellTable, lateText, overdueRanking, unitBoard } from './command';

const zeros = () => Object.fromEntries(UNIT_IDS.map((u) => [u, 0])) as Record<(typeof UNIT_IDS)[number], number>;

describe('command selectors', () => {
  it('words lateness compactly: minutes, hours and minutes, days and hours', () => {
    expect(lateText(0)).toBe('0分');
    expect(lateText(59.9)).toBe('59分');
    expect(lateText(125)).toBe('2时05分');
    expect(lateText(27 * 60 + 30)).toBe('1天3时');
    expect(lateText(-5)).toBe('0分');
  });

  it('today’s throughput: overdue and escalated figures turn alert only when there are any', () => {
    const k = commandKpis({ today: 300, closedToday: 280, open: 1500, overdueOpen: 0, escalatedOpen: 2, cumulativeHandled: 860_612 });
    expect(k.map((x) => [x.id, x.value, x.tone])).toEqual([
      ['today', 300, 'normal'],
      ['closed', 280, 'normal'],
      ['overdue', 0, 'normal'],
      ['escalated', 2, 'alert'],
    ]);
  });

  it('dwell table: one row per open stage, dashes before any sample, big minutes without decimals', () => {
    const t = dwellTable(
      {
        discover: { samples: 3, meanMinutes: 34 / 3, medianMinutes: 3 },
        register: EMPTY_DWELL_SUMMARY,
        dispatch: { samples: 2, meanMinutes: 92.44, medianMinutes: 23.5 },
        handle: { samples: 9, meanMinutes: 358.42, medianMinutes: 83 },
        verify: EMPTY_DWELL_SUMMARY,
      },
      { discover: 10, register: 20, dispatch: 30, handle: 40, verify: 50, close: 60 },
    );
    expect(t.columns.map((c) => c.label)).toEqual(['环节', '在办', '平均(分)', '中位(分)', '流转']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      { stage: '发现', open: 10, mean: '11.3', median: '3.0', samples: 3 },
      { stage: '立案', open: 20, mean: '—', median: '—', samples: 0 },
      { stage: '派单', open: 30, mean: '92.4', median: '23.5', samples: 2 },
      { stage: '处置', open: 40, mean: '358', median: '83.0', samples: 9 },
      { stage: '核查', open: 50, mean: '—', median: '—', samples: 0 },
    ]);
  });

  it('units: escalations first, then overdue, then today’s cases; tone says which', () => {
    const today = { ...zeros(), xiling: 90, yidu: 40, wufeng: 5 };
    const overdue = { ...zeros(), yidu: 2, wufeng: 3 };
    const escalated = { ...zeros(), wufeng: 1 };
    const t = unitBoard(today, overdue, escalated);
    expect(t.rows.slice(0, 4).map((r) => [r.cells.unit, r.cells.today, r.cells.overdue, r.cells.escalated, r.tone])).toEqual([
      ['五峰', 5, 3, 1, 'alert'],
      ['宜都', 40, 2, 0, 'warn'],
      ['西陵', 90, 0, 0, 'normal'],
      ['伍家岗', 0, 0, 0, 'normal'],
    ]);
    expect(t.rows).toHaveLength(14);
    expect(overdueRanking(overdue).slice(0, 3)).toEqual([
      { id: 'wufeng', name: '五峰', value: 3 },
      { id: 'yidu', name: '宜都', value: 2 },
      { id: 'xiling', name: '西陵', value: 0 },
    ]);
  });

  it('alert items: case number and category, the place verbatim, how late; escalated ones are major', () => {
    const alerts: CaseAlert[] = [
      { caseId: 'YC20261126-000216', unitId: 'xiling', category: 'facility', address: '西陵区 <b>解放路</b>', lon: 111.29, lat: 30.7, since: T0, escalated: true, lateMinutes: 135 },
      { caseId: 'YC20261126-000300', unitId: 'yidu', category: 'parking', address: '宜都市 园林大道', lon: 111.45, lat: 30.39, since: T0 - MIN, escalated: false, lateMinutes: 12 },
    ];
    expect(alertItems(alerts).items).toEqual([
      { id: 'YC20261126-000216', level: 'major', title: 'YC20261126-000216 市政设施', place: '西陵区 <b>解放路</b>', at: T0, state: '督办 · 超期2时15分' },
      { id: 'YC20261126-000300', level: 'minor', title: 'YC20261126-000300 违章停车', place: '宜都市 园林大道', at: T0 - MIN, state: '超期12分' },
    ]);
  });
});

describe('command bindings over the real cases store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('are null before data, then read the folded store; every one names its source', () => {
    const stores = useWallStores();
    for (const b of Object.values(COMMAND_BINDINGS)) {
      expect(b.select(stores)).toBeNull();
      expect(b.source).toBe('指挥协调系统');
    }
    stores.cases.apply(
      [
        baselineMsg(),
        eventMsg(event('c1', 'discover', T0 + MIN, { dueAt: T0 + 5 * MIN })),
        eventMsg(event('c1', 'register', T0 + 8 * MIN, { overdue: true, dueAt: T0 + 600 * MIN })),
      ],
      false,
    );
    expect(COMMAND_BINDINGS['command.kpis'].select(stores)?.find((k) => k.id === 'overdue')?.value).toBe(8);
    expect(COMMAND_BINDINGS['command.alerts'].select(stores)?.items.map((i) => [i.id, i.state])).toEqual([['c1', '超期3分']]);
    expect(COMMAND_BINDINGS['command.dwell'].select(stores)?.rows[0]?.cells).toMatchObject({ stage: '发现', mean: '7.0', samples: 1 });
    expect(COMMAND_BINDINGS['command.unitBoard'].select(stores)?.rows[0]?.cells).toMatchObject({ unit: '伍家岗', overdue: 1 });
    expect(COMMAND_BINDINGS['command.kpis'].lastDataTime(stores)).toBe(T0 + 8 * MIN);
  });
});

describe('指挥协调 scene', () => {
  it('validates at import and comes right after the overview', () => {
    expect(command.id).toBe('command');
    const ids = SCENE_LIST.map((s) => s.id);
    expect(ids.indexOf('command')).toBe(ids.indexOf('overview') + 1);
    for (const p of command.panels) expect(BINDINGS[p.binding], p.binding).toBeDefined();
    expect(command.layers).toContain('case-pings');
  });
});
