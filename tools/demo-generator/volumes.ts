/**
 * `data.volumes`: the aggregated database (40 tables), records per source, once a minute. Each source
 * starts from the reference's count (2024-06) grown to the demo's date, and grows through the day with
 * the activity that feeds it: 宜接就办 and 数字城管 with the case steps of their channels, 城管执法
 * and 天眼查 with their systems' figures, 综合评估 in quarter-hourly batch loads, 智慧市政 slowly.
 * 样本点 (sample points) is a fixed set. `todayIncrement` counts rows added since 00:00.
 */
import { DATA_SOURCES, type DataSourceId } from '../../data-adapters/domain';
import type { DataVolumes } from '../../data-adapters/schemas';
import type { IndustryResult } from './industry';
import type { DayLedger, LedgerEntry } from './ledger';
import { Rng } from './random';
import { localDayStart, MINUTE } from './time';

export const DATA_TABLES = 40;

/** Growth of each source from the reference (2024-06) to the demo's date. */
const GROWTH: Readonly<Record<DataSourceId, number>> = {
  yijie: 1.14,
  pinggu: 1.09,
  zhifa: 1.07,
  szcg: 1.11,
  tianyan: 1.18,
  shizheng: 1.12,
  yangben: 1,
};

/** Rows written per case step (the case row, its flow log, attachments). */
const ROWS_PER_STEP = { yijie: 3, szcg: 2 } as const;
const isYijie = (e: LedgerEntry): boolean => e.channel === 'hotline12345' || e.channel === 'police110';

export function buildVolumes(seed: number, ledger: DayLedger, industry: IndustryResult, times: readonly number[]): DataVolumes[] {
  const first = times[0] ?? 0;
  const today = localDayStart(first);

  // 综合评估: a nightly load at 02:00 plus batches at :07, :22, :37 and :52 from 08:00 on.
  const pingguRng = Rng.derive(seed, 'volumes', 'pinggu');
  const nightly = pingguRng.int(4200, 5600);
  const batches: { at: number; rows: number }[] = [];
  for (let m = 8 * 60 + 7; m < 24 * 60; m += 15) batches.push({ at: today + m * MINUTE, rows: pingguRng.int(80, 260) });

  const shizhengRng = Rng.derive(seed, 'volumes', 'shizheng');
  let shizhengToday = shizhengRng.int(40, 80);

  const before = new Map<DataSourceId, number>();
  for (const s of DATA_SOURCES) {
    const jitter = Rng.derive(seed, 'volumes', 'base', s.id).range(-0.004, 0.004);
    before.set(s.id, s.id === 'yangben' ? s.baseRecords : Math.round(s.baseRecords * (GROWTH[s.id] + jitter)));
  }

  return times.map((asOf, m) => {
    if (m > 0) shizhengToday += shizhengRng.int(0, 2);
    const added: Record<DataSourceId, number> = {
      yijie: ROWS_PER_STEP.yijie * ledger.count(asOf, isYijie),
      pinggu: nightly + batches.filter((b) => b.at < asOf).reduce((sum, b) => sum + b.rows, 0),
      zhifa: 3 * (industry.series.zhifa[m] ?? 0),
      szcg: ROWS_PER_STEP.szcg * ledger.count(asOf, (e) => !isYijie(e)),
      tianyan: industry.series.tianyan[m] ?? 0,
      shizheng: shizhengToday,
      yangben: 0,
    };
    return {
      asOf,
      tables: DATA_TABLES,
      sources: DATA_SOURCES.map((s) => ({ id: s.id, records: (before.get(s.id) ?? 0) + added[s.id], todayIncrement: added[s.id] })),
    };
  });
}
