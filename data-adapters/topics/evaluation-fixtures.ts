/** Small valid `evaluation.summary`, `evaluation.departments` and `guidance.catalog` payloads for tests (not a test). */
import type { DepartmentRates, EvaluationSummary } from './evaluation';
import type { GuidanceCatalog } from './guidance';

const DAY = 86_400_000;
/** 'YYYY-MM-DD' of `t` in China Standard Time. */
const cstDate = (t: number): string => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

export function evaluationSummaryPayload(asOf: number): EvaluationSummary {
  return {
    asOf,
    month: cstDate(asOf).slice(0, 7),
    composite: 93.4,
    dimensions: [
      { id: 'clean', score: 94.8 },
      { id: 'tidy', score: 92.3 },
      { id: 'orderly', score: 88.6 },
      { id: 'satisfied', score: 93.7 },
    ],
    safety: [
      { id: 'facility', score: 96.9, issues: 57, rectified: 50 },
      { id: 'building', score: 98.5, issues: 34, rectified: 29 },
      { id: 'traffic', score: 97.3, issues: 33, rectified: 27 },
      { id: 'crowded', score: 97.4, issues: 8, rectified: 6 },
    ],
    monthly: [
      { month: '2024-05', score: 92.1 },
      { month: cstDate(asOf).slice(0, 7), score: 93.4 },
    ],
    daily: [
      { date: cstDate(asOf - DAY), score: 92.8 },
      { date: cstDate(asOf), score: 93.6 },
    ],
    quarterRanking: {
      quarter: '2024-Q1',
      units: [
        { unitId: 'xiling', score: 95.2 },
        { unitId: 'wufeng', score: 90.4 },
      ],
    },
  };
}

export function departmentRatesPayload(asOf: number): DepartmentRates {
  return {
    asOf,
    departments: [
      { id: 'd01', cases: 1300, response: 98.6, completion: 90.9, satisfaction: 87.9 },
      { id: 'd02', cases: 40, response: 100, completion: 100, satisfaction: 100 },
    ],
  };
}

export function guidanceCatalogPayload(asOf: number): GuidanceCatalog {
  return {
    asOf,
    documents: [
      { id: 'std-technical', kind: 'standard', title: '城市运行管理服务平台技术标准', code: 'CJJ/T 312-2021', issuer: '住房和城乡建设部', year: 2021 },
      { id: 'reg-evaluation', kind: 'regulation', title: '宜昌市城市综合管理工作评估办法', code: '', issuer: '宜昌市人民政府办公室' },
    ],
    national: { state: 'connected', lastSyncAt: asOf - 300_000, reportedToday: 3359, sso: true, onTimeRate: 98.9 },
    province: { state: 'degraded', lastSyncAt: asOf - 1_200_000, reportedToday: 831 },
    reportedHourly: [100, 1444, 1356],
    provinceHourly: [30, 352, 319],
  };
}
