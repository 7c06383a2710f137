/**
 * Sample data for every panel kind in the gallery (panel-gallery.html): realistic figures, the longest
 * unit names (长阳土家族自治县, 五峰土家族自治县) and hostile text where a panel shows untrusted strings.
 */
import { INDUSTRY_SYSTEMS, UNITS } from '../../../data-adapters/domain';
import type { DataShapes, PanelInfo } from '../types';
import type { PanelKind } from '../registry';

/** Markup that must show as literal text wherever it appears. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">{a|x}';

const T0 = Date.UTC(2026, 10, 26, 1, 41); // 09:41 CST
const DAY = 86_400_000;

export const FIXTURE_INFO: PanelInfo = { source: '数字城管系统', asOf: T0 };

const units = UNITS.map((u, i) => ({ id: u.id, name: u.name, value: 1200 - i * 73 + (i % 3) * 41 }));

const kpis: DataShapes['kpis'] = [
  { id: 'today', label: '今日案件', unit: '件', value: 1286, decimals: 0, tone: 'normal' },
  { id: 'handled', label: '累计办结', unit: '万件', value: 86.06, decimals: 2, tone: 'normal' },
  { id: 'open', label: '在办案件', unit: '件', value: 342, decimals: 0, tone: 'normal' },
  { id: 'overdue', label: '超期案件（含挂账督办）', unit: '件', value: 17, decimals: 0, tone: 'alert' },
];

const stages: DataShapes['namedCounts'] = [
  { id: 'discover', name: '发现', value: 1286 },
  { id: 'register', name: '立案', value: 1190 },
  { id: 'dispatch', name: '派单', value: 1142 },
  { id: 'handle', name: '处置', value: 1020 },
  { id: 'verify', name: '核查', value: 968 },
  { id: 'close', name: '结案', value: 944 },
];

const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

const series: DataShapes['series'] = {
  x: hours,
  unit: 'm',
  series: [
    { id: 'level', name: '宜昌站水位', kind: 'line', values: hours.map((_, h) => (h === 7 || h === 8 ? null : Math.round((50.2 + Math.sin(h / 4) * 1.6 + h * 0.08) * 100) / 100)) },
    { id: 'hostile', name: HOSTILE, kind: 'line', tone: 'good', values: hours.map((_, h) => Math.round((49.6 + Math.cos(h / 5)) * 100) / 100) },
  ],
  reference: { label: '警戒水位', value: 53, tone: 'alert' },
};

const seriesBars: DataShapes['series'] = {
  x: ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
  unit: '件',
  series: [
    { id: 'received', name: '受理', kind: 'bar', values: [32110, 35620, 36980, 31240, 29870, 27410] },
    { id: 'closed', name: '办结', kind: 'line', tone: 'warn', values: [31020, 34900, 36110, 30980, 29100, null] },
  ],
};

const gauge: DataShapes['gauge'] = {
  label: '长江宜昌站水位',
  value: 52.36,
  min: 40,
  max: 56,
  unit: 'm',
  decimals: 2,
  warn: 52,
  alarm: 53,
  higherIsWorse: true,
  note: '警戒水位 53.00 m',
};

const gaugeSet: DataShapes['gaugeSet'] = {
  items: [
    { label: '干净', value: 96.4, min: 0, max: 100, unit: '%', decimals: 1, warn: 90, alarm: 80, higherIsWorse: false },
    { label: '整洁', value: 93.1, min: 0, max: 100, unit: '%', decimals: 1, warn: 90, alarm: 80, higherIsWorse: false },
    { label: '有序', value: 88.7, min: 0, max: 100, unit: '%', decimals: 1, warn: 90, alarm: 80, higherIsWorse: false },
    { label: '群众满意度（电话回访）', value: 78.2, min: 0, max: 100, unit: '%', decimals: 1, warn: 90, alarm: 80, higherIsWorse: false },
  ],
};

const calendar: DataShapes['calendar'] = {
  label: '日案件量',
  unit: '件',
  days: Array.from({ length: 30 }, (_, i) => {
    const d = new Date(T0 - (29 - i) * DAY);
    return { date: d.toISOString().slice(0, 10), value: 900 + ((i * 137) % 500) };
  }),
};

const table: DataShapes['table'] = {
  columns: [
    { id: 'unit', label: '单位', width: 200 },
    { id: 'cases', label: '案件', align: 'right' },
    { id: 'rate', label: '办结率', align: 'right' },
  ],
  rows: [
    { id: 'hostile', cells: { unit: HOSTILE, cases: 12, rate: '—' }, tone: 'alert' },
    ...UNITS.map((u, i) => ({ id: u.id, cells: { unit: u.name, cases: 1200 - i * 61, rate: `${(99.2 - i * 0.7).toFixed(1)}%` }, tone: i === 3 ? ('warn' as const) : undefined })),
  ],
};

const alarms: DataShapes['alarms'] = {
  items: [
    { id: 'a1', level: 'critical', title: HOSTILE, place: '长阳土家族自治县龙舟坪镇滨河路与清江大道交叉口东北侧', at: T0 - 60_000, state: '已派单' },
    { id: 'a2', level: 'major', title: '燃气管网压力异常', place: '西陵区夷陵大道 88 号', at: T0 - 5 * 60_000 },
    { id: 'a3', level: 'minor', title: '井盖位移', place: '伍家岗区城东大道', at: T0 - 30 * 60_000, state: '处置中' },
    { id: 'a4', level: 'info', title: '路灯离线 3 盏', place: '五峰土家族自治县渔洋关镇', at: T0 - DAY },
    { id: 'a5', level: 'major', title: '桥梁挠度超限', place: '至喜长江大桥', at: T0 - 2 * 60_000 },
  ],
};

const suggestions: DataShapes['suggestions'] = {
  items: [
    {
      id: 's1',
      severity: 'warning',
      title: HOSTILE,
      explanation: `近 7 日长阳土家族自治县占道经营案件环比上升 42%，集中在夜间 ${HOSTILE}`,
      figures: [
        { label: '环比', value: '+42%' },
        { label: HOSTILE, value: '<b>1</b>' },
      ],
      score: 0.92,
    },
    { id: 's2', severity: 'attention', title: '五峰土家族自治县办结率连续两月下降', explanation: '办结率 91.2%，低于全市均值 4.1 个百分点', figures: [{ label: '办结率', value: '91.2%' }], score: 0.71 },
    { id: 's3', severity: 'info', title: '夜间渣土运输投诉增多', explanation: '22 时后投诉占 63%，建议加强夜查', figures: [{ label: '占比', value: '63%' }], score: 0.4 },
  ],
};

const docList: DataShapes['docList'] = {
  items: [
    { id: 'd1', title: '城市运行管理服务平台建设指南（试行）', meta: '住建部 2021', state: 'good' },
    { id: 'd2', title: HOSTILE, meta: HOSTILE, state: 'alert' },
    { id: 'd3', title: '城市运行管理服务平台技术标准 CJJ/T 312-2021', meta: '国家标准', state: 'good' },
    { id: 'd4', title: '宜昌市城市管理条例', meta: '2023 修订' },
    { id: 'd5', title: '国家平台对接', meta: '在线', state: 'good' },
    { id: 'd6', title: '宜昌市市容和环境卫生管理办法', meta: '2022', state: 'warn' },
  ],
};

const trendDays: DataShapes['trendDays'] = Array.from({ length: 7 }, (_, i) => ({
  date: new Date(T0 - (6 - i) * DAY).toISOString().slice(0, 10),
  received: 1100 + ((i * 97) % 300),
  closed: 1000 + ((i * 71) % 280),
}));

const rates: DataShapes['rates'] = {
  city: { response: 99.1, completion: 96.4, satisfaction: 93.8, units: 14 },
  ranking: UNITS.map((u, i) => ({ unitId: u.id, unit: u.short, response: 99 - i * 0.3, completion: 97 - i * 0.4, satisfaction: 95 - i * 0.5, composite: 97 - i * 0.4 })),
};

const systems: DataShapes['systems'] = {
  chips: INDUSTRY_SYSTEMS.map((s, i) => ({ id: s.id, name: s.name, state: i === 4 ? 'degraded' : i === 9 ? 'offline' : 'online', label: '今日', value: 1000 + i * 37, unit: '条', lastHeartbeat: T0 })),
  counts: { online: 17, degraded: 1, offline: 1, total: 19 },
};

const volumes: DataShapes['volumes'] = {
  rows: [
    { id: 'yjjb', name: '宜接就办', records: 2_240_000, todayIncrement: 3100 },
    { id: 'zhpg', name: '综合评估', records: 1_900_000, todayIncrement: 2100 },
    { id: 'cgzf', name: '城管执法', records: 560_000, todayIncrement: 800 },
    { id: 'szcg', name: '数字城管', records: 500_000, todayIncrement: 1200 },
    { id: 'tyc', name: '天眼查', records: 90_000, todayIncrement: 300 },
  ],
  totals: { records: 5_290_000, todayIncrement: 7800, tables: 40 },
};

/** One fixture per kind (the data its component draws). */
export const FIXTURES: Record<PanelKind, unknown> = {
  kpi: kpis,
  figures: kpis,
  stageFlow: stages,
  ranking: units,
  rose: units.slice(0, 8),
  pie: [{ id: 'hostile', name: HOSTILE, value: 40 }, ...units],
  funnel: stages,
  trend: trendDays,
  series,
  gauge,
  gaugeSet,
  calendar,
  table,
  alarms,
  suggestions,
  docList,
  rates,
  systems,
  volumes,
};

/** Extra cases: a bar/line mix for `series`. */
export const SERIES_BARS = seriesBars;
