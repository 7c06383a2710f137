/**
 * What the rules see: plain data, already validated at the boundary (cases.history, lifeline.status) or
 * derived from the case store. A missing input is null, and the rules that need it stay silent.
 */
import type { UnitId } from '../../data-adapters/domain';
import type { CasesHistory } from '../../data-adapters/topics/history';
import type { LifelineStatus } from '../../data-adapters/topics/lifeline';

/** An open case that has missed a deadline, where it is. `address` is untrusted text. */
export interface OverduePoint {
  id: string;
  lon: number;
  lat: number;
  unitId: UnitId;
  address: string;
}

export interface Facts {
  /** Data-clock time the facts describe (windows are counted back from here). */
  asOf: number | null;
  history: CasesHistory | null;
  lifeline: LifelineStatus | null;
  /** null when the open overdue cases' positions are not known (not the same as none). */
  overdueOpen: readonly OverduePoint[] | null;
}

export const NO_FACTS: Facts = { asOf: null, history: null, lifeline: null, overdueOpen: null };
