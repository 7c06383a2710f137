/**
 * Today's case steps in time order, for the counters that snapshots show (今日立案, 今日告警, 今日受理…).
 * Counting is "strictly before t": a snapshot at t is written before the events at t, so it must not
 * include them.
 */
import type { CategoryId, ChannelId, StageId, UnitId } from '../../data-adapters/domain';
import type { SimCase } from './simulation';

export interface LedgerEntry {
  at: number;
  caseId: string;
  unitId: UnitId;
  channel: ChannelId;
  category: CategoryId;
  stage: StageId;
  overdue: boolean;
}

export class DayLedger {
  readonly entries: readonly LedgerEntry[];

  constructor(cases: readonly SimCase[], from: number, to: number) {
    const entries: LedgerEntry[] = [];
    for (const c of cases) {
      for (const s of c.steps) {
        if (s.at < from || s.at > to) continue;
        entries.push({ at: s.at, caseId: c.id, unitId: c.unitId, channel: c.channel, category: c.category, stage: s.stage, overdue: s.overdue });
      }
    }
    // Stable order: by time, then by the order of cases and steps above (Array.prototype.sort is stable).
    entries.sort((a, b) => a.at - b.at);
    this.entries = entries;
  }

  /** Entries strictly before `before` that match. */
  count(before: number, match: (e: LedgerEntry) => boolean): number {
    let n = 0;
    for (const e of this.entries) {
      if (e.at >= before) break;
      if (match(e)) n += 1;
    }
    return n;
  }
}
