/** A small valid `hotline.summary` payload for tests (an ordinary module, not a test). */
import type { HotlineSummary } from './hotline';

export function hotlineSummaryPayload(asOf: number, hourStart = asOf - 9 * 3_600_000): HotlineSummary {
  return {
    asOf,
    today: { received: 120, answered: 114, dispatched: 60, calledBack: 40, satisfied: 37 },
    hourly: { hourStart, received: [10, 5, 3, 2, 2, 4, 8, 20, 30, 36], answered: [10, 5, 3, 2, 2, 4, 8, 19, 28, 33] },
    lines: [
      { id: '12345', received: 100 },
      { id: '12315', received: 12 },
      { id: '12333', received: 8 },
    ],
    categories: [
      { id: 'consult', received: 50 },
      { id: 'complaint', received: 40 },
      { id: 'request', received: 24 },
    ],
    targets: [
      { id: 'xiling', dispatched: 30 },
      { id: 'renshe', dispatched: 20 },
      { id: 'changyang', dispatched: 10 },
    ],
    hotTopics: [
      { keyword: '医保缴费', count: 300, previous: 200 },
      { keyword: '<b>物业</b>服务', count: 250, previous: 260 },
      { keyword: '噪音扰民', count: 100, previous: 0 },
    ],
  };
}
