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

/** Props every panel component takes (SceneView passes them). */
export interface PanelProps<T> {
  id: string;
  title: string;
  data: T | null;
  stale: StaleInfo | null;
}
