/**
 * Bindings: the named store selectors a scene's panels can show. A scene names a binding; the binding
 * says which topics feed it (for the stale mark), how old its data may get on the data clock, and how
 * to read it from the stores. Selectors return null until their topic has data.
 */
import type { WallStores } from '../stores';
import { binding } from './binding-kit';
import { COMMAND_BINDINGS } from './bind/command';
import { DECISION_BINDINGS } from './bind/decision';
import { LIFELINE_BINDINGS } from './bind/lifeline';
import { EMERGENCY_BINDINGS } from './bind/emergency';
import { EVALUATION_BINDINGS } from './bind/evaluation';
import { FACILITY_BINDINGS } from './bind/facilities';
import { FLOOD_BINDINGS } from './bind/flood';
import { GUIDANCE_BINDINGS } from './bind/guidance';
import { HOTLINE_BINDINGS } from './bind/hotline';
import { INDUSTRY_BINDINGS } from './bind/industry';
import { PARKING_BINDINGS } from './bind/parking';
import { SKYEYE_BINDINGS } from './bind/skyeye';

export { binding, fromTopic, type Binding } from './binding-kit';

const casesFresh = (s: WallStores) => s.cases.lastDataTime;

const CORE_BINDINGS = {
  'cases.kpis': binding('kpis', {
    topics: ['cases.baseline', 'case.event'],
    staleMinutes: 15,
    lastDataTime: casesFresh,
    select: (s) =>
      s.cases.hasData
        ? [
            { id: 'today', label: '今日案件', unit: '件', value: s.cases.today, decimals: 0, tone: 'normal' },
            { id: 'handled', label: '累计办结', unit: '万件', value: s.cases.cumulativeHandled / 10_000, decimals: 2, tone: 'normal' },
            { id: 'open', label: '在办案件', unit: '件', value: s.cases.open, decimals: 0, tone: 'normal' },
            { id: 'overdue', label: '超期案件', unit: '件', value: s.cases.overdueOpen, decimals: 0, tone: 'alert' },
          ]
        : null,
  }),
  'cases.stages': binding('namedCounts', {
    topics: ['cases.baseline', 'case.event'],
    staleMinutes: 15,
    lastDataTime: casesFresh,
    select: (s) => (s.cases.hasData ? s.cases.stages : null),
  }),
  'cases.byUnit': binding('namedCounts', {
    topics: ['cases.baseline', 'case.event'],
    staleMinutes: 15,
    lastDataTime: casesFresh,
    select: (s) => (s.cases.hasData ? s.cases.byUnit : null),
  }),
  'cases.byChannel': binding('namedCounts', {
    topics: ['cases.baseline', 'case.event'],
    staleMinutes: 15,
    lastDataTime: casesFresh,
    select: (s) => (s.cases.hasData ? s.cases.byChannel : null),
  }),
  'cases.byCategory': binding('namedCounts', {
    topics: ['case.event'],
    staleMinutes: 15,
    lastDataTime: casesFresh,
    select: (s) => (s.cases.hasData ? s.cases.byCategory : null),
  }),
  'cases.trend': binding('trendDays', {
    topics: ['cases.baseline', 'case.event'],
    staleMinutes: 15,
    lastDataTime: casesFresh,
    select: (s) => (s.cases.trend.length > 0 ? s.cases.trend : null),
  }),
  'rates.units': binding('rates', {
    topics: ['rates.units'],
    staleMinutes: 120,
    lastDataTime: (s) => s.rates.lastDataTime,
    select: (s) => (s.rates.city ? { city: s.rates.city, ranking: s.rates.ranking } : null),
  }),
  'industry.systems': binding('systems', {
    topics: ['industry.systems'],
    staleMinutes: 20,
    lastDataTime: (s) => s.systems.lastDataTime,
    select: (s) => (s.systems.counts.total > 0 ? { chips: s.systems.chips, counts: s.systems.counts } : null),
  }),
  'data.volumes': binding('volumes', {
    topics: ['data.volumes'],
    staleMinutes: 120,
    lastDataTime: (s) => s.volumes.lastDataTime,
    select: (s) => (s.volumes.totals ? { rows: s.volumes.rows, totals: s.volumes.totals } : null),
  }),
} as const;

/** Every binding a scene may name: the core ones above plus one file per domain in ./bind/. */
export const BINDINGS = {
  ...CORE_BINDINGS,
  ...COMMAND_BINDINGS,
  ...HOTLINE_BINDINGS,
  ...LIFELINE_BINDINGS,
  ...FACILITY_BINDINGS,
  ...DECISION_BINDINGS,
  ...INDUSTRY_BINDINGS,
  ...EVALUATION_BINDINGS,
  ...GUIDANCE_BINDINGS,
  ...FLOOD_BINDINGS,
  ...PARKING_BINDINGS,
  ...SKYEYE_BINDINGS,
  ...EMERGENCY_BINDINGS,
} as const;

export type BindingId = keyof typeof BINDINGS;
export const BINDING_IDS = Object.keys(BINDINGS) as [BindingId, ...BindingId[]];
