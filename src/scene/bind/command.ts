/**
 * 指挥协调 bindings over the cases store: today's throughput, how long cases stay at each stage of the
 * closed loop, and the overdue (超期) and escalated (督办升级) cases by unit and as a newest-first list.
 * The stage strip itself is the core `cases.stages` binding. Pure selectors over plain store values;
 * addresses are citizen text and stay text.
 */
import { CATEGORIES, STAGES, UNITS, type StageId, type UnitId } from '../../../data-adapters/domain';
import type { AlarmListData, KpiItem, NamedCount, TableData } from '../../panels/types';
import type { DwellSummary } from '../../stores/reducers/dwell';
import type { CaseAlert, OpenStageId } from '../../stores/reducers/cases';
import type { WallStores } from '../../stores';
import { binding } from '../binding-kit';

const SOURCE = '指挥协调系统';
const TOPICS = ['cases.baseline', 'case.event'] as const;
const STALE_MINUTES = 15;

const UNIT_SHORT = new Map<string, string>(UNITS.map((u) => [u.id, u.short]));
const CATEGORY_NAME = new Map<string, string>(CATEGORIES.map((c) => [c.id, c.name]));
const STAGE_NAME = new Map<string, string>(STAGES.map((s) => [s.id, s.name]));

/** "25分", "2时05分", "3天4时": how late, compact enough for a list row seen from 5 m. */
export function lateText(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return `${m}分`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}时${String(m % 60).padStart(2, '0')}分`;
  return `${Math.floor(h / 24)}天${h % 24}时`;
}

export interface CommandFigures {
  today: number;
  closedToday: number;
  open: number;
  overdueOpen: number;
  escalatedOpen: number;
  cumulativeHandled: number;
}

export function commandKpis(f: CommandFigures): KpiItem[] {
  return [
    { id: 'today', label: '今日受理', unit: '件', value: f.today, decimals: 0, tone: 'normal' },
    { id: 'closed', label: '今日结案', unit: '件', value: f.closedToday, decimals: 0, tone: 'normal' },
    { id: 'overdue', label: '超期在办', unit: '件', value: f.overdueOpen, decimals: 0, tone: f.overdueOpen > 0 ? 'alert' : 'normal' },
    { id: 'escalated', label: '督办升级', unit: '件', value: f.escalatedOpen, decimals: 0, tone: f.escalatedOpen > 0 ? 'alert' : 'normal' },
  ];
}

const minutesCell = (v: number | null): string => (v === null ? '—' : v < 100 ? v.toFixed(1) : String(Math.round(v)));

/** Per stage: cases at it now, mean and median minutes spent in it today, and how many transitions that is. */
export function dwellTable(dwell: Readonly<Record<OpenStageId, DwellSummary>>, stageCounts: Readonly<Record<StageId, number>>): TableData {
  const stages = Object.keys(dwell) as OpenStageId[];
  return {
    columns: [
      { id: 'stage', label: '环节', align: 'left' },
      { id: 'open', label: '在办', align: 'right' },
      { id: 'mean', label: '平均(分)', align: 'right' },
      { id: 'median', label: '中位(分)', align: 'right' },
      { id: 'samples', label: '流转', align: 'right' },
    ],
    rows: stages.map((id) => {
      const d = dwell[id];
      return {
        id,
        cells: {
          stage: STAGE_NAME.get(id) ?? id,
          open: stageCounts[id] ?? 0,
          mean: minutesCell(d.meanMinutes),
          median: minutesCell(d.medianMinutes),
          samples: d.samples,
        },
      };
    }),
  };
}

/** Open overdue cases by unit, most first (units without any last, in the usual unit order). */
export function overdueRanking(overdueByUnit: Readonly<Record<UnitId, number>>): NamedCount[] {
  return UNITS.map((u, order) => ({ id: u.id, name: u.short, value: overdueByUnit[u.id] ?? 0, order }))
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .map(({ id, name, value }) => ({ id, name, value }));
}

/** 单位 | 今日受理 | 超期 | 督办, escalations first: where the command centre has to push. */
export function unitBoard(
  todayByUnit: Readonly<Record<UnitId, number>>,
  overdueByUnit: Readonly<Record<UnitId, number>>,
  escalatedByUnit: Readonly<Record<UnitId, number>>,
): TableData {
  const rows = UNITS.map((u, order) => ({
    id: u.id as string,
    order,
    today: todayByUnit[u.id] ?? 0,
    overdue: overdueByUnit[u.id] ?? 0,
    escalated: escalatedByUnit[u.id] ?? 0,
  })).sort((a, b) => b.escalated - a.escalated || b.overdue - a.overdue || b.today - a.today || a.order - b.order);
  return {
    columns: [
      { id: 'unit', label: '单位', align: 'left' },
      { id: 'today', label: '今日受理', align: 'right' },
      { id: 'overdue', label: '超期', align: 'right' },
      { id: 'escalated', label: '督办', align: 'right' },
    ],
    rows: rows.map((r) => ({
      id: r.id,
      cells: { unit: UNIT_SHORT.get(r.id) ?? r.id, today: r.today, overdue: r.overdue, escalated: r.escalated },
      tone: r.escalated > 0 ? 'alert' : r.overdue > 0 ? 'warn' : 'normal',
    })),
  };
}

/** The alert list: case number and category, the place (citizen text), how late; escalated ones major. */
export function alertItems(alerts: readonly CaseAlert[]): AlarmListData {
  return {
    items: alerts.map((a) => ({
      id: a.caseId,
      level: a.escalated ? 'major' : 'minor',
      title: `${a.caseId} ${CATEGORY_NAME.get(a.category) ?? a.category}`,
      place: a.address,
      at: a.since,
      state: `${a.escalated ? '督办 · ' : ''}超期${lateText(a.lateMinutes)}`,
    })),
  };
}

const common = { topics: TOPICS, source: SOURCE, staleMinutes: STALE_MINUTES, lastDataTime: (s: WallStores) => s.cases.lastDataTime };

export const COMMAND_BINDINGS = {
  'command.kpis': binding('kpis', {
    ...common,
    select: (s) =>
      s.cases.hasData
        ? commandKpis({
            today: s.cases.today,
            closedToday: s.cases.closedToday,
            open: s.cases.open,
            overdueOpen: s.cases.overdueOpen,
            escalatedOpen: s.cases.escalatedOpen,
            cumulativeHandled: s.cases.cumulativeHandled,
          })
        : null,
  }),
  'command.dwell': binding('table', { ...common, select: (s) => (s.cases.hasData ? dwellTable(s.cases.dwell, s.cases.stageCounts) : null) }),
  'command.overdueByUnit': binding('namedCounts', { ...common, select: (s) => (s.cases.hasData ? overdueRanking(s.cases.overdueByUnit) : null) }),
  'command.unitBoard': binding('table', {
    ...common,
    select: (s) => (s.cases.hasData ? unitBoard(s.cases.densityByUnit, s.cases.overdueByUnit, s.cases.escalatedByUnit) : null),
  }),
  'command.alerts': binding('alarms', { ...common, select: (s) => (s.cases.hasData ? alertItems(s.cases.alerts) : null) }),
} as const;
