/** Data shapes the scene bindings hand to panel components (plain, already-formatted-free numbers). */
import type { SystemState } from '../../data-adapters/schemas';
import type { NamedCount } from '../stores/cases';
import type { TrendDay } from '../stores/reducers/cases';
import type { CityRates, SystemChip, UnitRateRow, VolumeRow } from '../stores/reducers/snapshots';

export type { NamedCount, TrendDay, CityRates, SystemChip, UnitRateRow, VolumeRow };

export interface KpiItem {
  id: string;
  label: string;
  unit: string;
  value: number;
  decimals: number;
  tone: 'normal' | 'alert';
}

export interface RatesData {
  city: CityRates;
  ranking: UnitRateRow[];
}

export interface SystemsData {
  chips: SystemChip[];
  counts: Record<SystemState, number> & { total: number };
}

export interface VolumesData {
  rows: VolumeRow[];
  totals: { records: number; todayIncrement: number; tables: number };
}

/** How late a panel's data is on the data clock; null when fresh. */
export interface StaleInfo {
  /** Minutes since the topic's last data, or null when no data has arrived at all. */
  minutes: number | null;
}

/** Where a panel's data comes from and how old it is (shown on demand). */
export interface PanelInfo {
  source: string | null;
  /** Data-clock ms of the data shown, or null before any. */
  asOf: number | null;
}

/** Props every panel component takes (SceneView passes them). */
export interface PanelProps<T> {
  id: string;
  title: string;
  data: T | null;
  stale: StaleInfo | null;
  info?: PanelInfo;
}

// ---- Generic data shapes of the panel library ----
// A binding declares the shape it produces; a panel kind declares the shapes it can draw. Scenes pair
// them; spec validation checks the pair (src/scene/spec.ts). Domain code never names a component.

/** Several series over one category axis (hours, days, months): lines or bars. */
export interface SeriesData {
  /** Category labels, oldest first (e.g. '08:00', '11-20', '2026-10'). */
  x: string[];
  series: { id: string; name: string; values: (number | null)[]; kind?: 'line' | 'bar'; tone?: Tone }[];
  unit: string;
  /** Optional horizontal reference line, e.g. a warning level. */
  reference?: { label: string; value: number; tone?: Tone };
}

export type Tone = 'normal' | 'good' | 'warn' | 'alert';

/** One figure against a scale: a rate, a level, an occupancy. */
export interface GaugeData {
  label: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  decimals: number;
  /** Where the colour turns: values at or beyond `warn` show amber, at or beyond `alarm` red. */
  warn?: number;
  alarm?: number;
  /** true when higher is worse (a river level), false when higher is better (a rate). */
  higherIsWorse: boolean;
  /** A second line under the figure, e.g. '警戒水位 53.00 m'. */
  note?: string;
}

/** Several gauges side by side (clean / tidy / orderly / satisfied). */
export interface GaugeSetData {
  items: GaugeData[];
}

/** A table that scrolls row by row when it has more rows than fit. Cells are text or numbers. */
export interface TableData {
  columns: { id: string; label: string; align?: 'left' | 'right' | 'center'; width?: number }[];
  rows: { id: string; cells: Record<string, string | number>; tone?: Tone }[];
}

export type AlarmLevel = 'critical' | 'major' | 'minor' | 'info';

/** Newest-first list of alarms / warnings. `title` and `place` are untrusted text. */
export interface AlarmListData {
  items: { id: string; level: AlarmLevel; title: string; place: string; at: number; state?: string }[];
}

/** One value per day, for a calendar heat map. */
export interface CalendarData {
  days: { date: string; value: number }[];
  unit: string;
  label: string;
}

/** Ranked, explained suggestions (decision support). All text is produced by rules, shown as text. */
export interface SuggestionsData {
  items: {
    id: string;
    severity: 'warning' | 'attention' | 'info';
    title: string;
    explanation: string;
    figures: { label: string; value: string }[];
    score: number;
  }[];
}

/** A plain list of documents or links with a state (standards, regulations, national platform link). */
export interface DocListData {
  items: { id: string; title: string; meta: string; state?: Tone }[];
}

/**
 * Points for a map layer of a scene (car parks, waterlogging points, camera detections, sensors, an
 * incident and its resources). Not a panel: scenes list these under `points` and the map draws them.
 * `label` is untrusted text.
 */
export interface MapPointsData {
  points: { id: string; lon: number; lat: number; tone: Tone; /** relative size 0.5–3 */ size?: number; label?: string }[];
}

/** Data shape id → its TypeScript type. */
export interface DataShapes {
  kpis: KpiItem[];
  namedCounts: NamedCount[];
  trendDays: TrendDay[];
  rates: RatesData;
  systems: SystemsData;
  volumes: VolumesData;
  series: SeriesData;
  gauge: GaugeData;
  gaugeSet: GaugeSetData;
  table: TableData;
  alarms: AlarmListData;
  calendar: CalendarData;
  suggestions: SuggestionsData;
  docList: DocListData;
  mapPoints: MapPointsData;
}
export type DataShape = keyof DataShapes;
