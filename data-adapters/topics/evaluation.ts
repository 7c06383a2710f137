/**
 * 综合评价 (comprehensive evaluation): the city's monthly evaluation as two snapshot topics.
 *  - `evaluation.summary`: 干净/整洁/有序/群众满意 scores, the four safety indicators, the last 12 monthly
 *    composite scores, the daily composite score of the last ~90 days, and the last quarter's ranking
 *    of the 14 units ("月通报、季排名、年考核" in the reference).
 *  - `evaluation.departments`: 响应率/办结率/满意率 of the 89 municipal departments and utilities
 *    (the reference's "89个市直职能单位"); the 14 units' rates stay on `rates.units`.
 * Both are month to date and change slowly (every 5 minutes at most).
 */
import { z } from 'zod';
import { count, epochMs, percent, unitId } from './fields';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoMonth = z.string().regex(/^\d{4}-\d{2}$/);
const quarterLabel = z.string().regex(/^\d{4}-Q[1-4]$/);
const score = z.number().min(0).max(100);

/** The four headline dimensions of the city management evaluation (城市管理监督: 干净、整洁、有序、群众满意). */
export const EVAL_DIMENSIONS = [
  { id: 'clean', name: '干净' },
  { id: 'tidy', name: '整洁' },
  { id: 'orderly', name: '有序' },
  { id: 'satisfied', name: '群众满意' },
] as const;
export type EvalDimensionId = (typeof EVAL_DIMENSIONS)[number]['id'];
export const EVAL_DIMENSION_IDS = EVAL_DIMENSIONS.map((d) => d.id) as unknown as readonly [EvalDimensionId, ...EvalDimensionId[]];

/** Safety indicators as the reference names them (市政设施安全、房屋建筑安全、交通设施安全、人员密集场所安全). */
export const SAFETY_INDICATORS = [
  { id: 'facility', name: '市政设施安全' },
  { id: 'building', name: '房屋建筑安全' },
  { id: 'traffic', name: '交通设施安全' },
  { id: 'crowded', name: '人员密集场所安全' },
] as const;
export type SafetyIndicatorId = (typeof SAFETY_INDICATORS)[number]['id'];
export const SAFETY_INDICATOR_IDS = SAFETY_INDICATORS.map((s) => s.id) as unknown as readonly [SafetyIndicatorId, ...SafetyIndicatorId[]];

export const DEPARTMENT_KINDS = ['bureau', 'utility', 'agency'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/**
 * The 89 departments rated on the three rates. The reference gives the count, not the list: these are
 * realistic municipal departments, utilities and public bodies of Yichang, not the official roster.
 * Ids are positional ('d01'…'d89'): only ever append, so ids in old recordings keep their meaning.
 * bureau: 市直部门; utility: 水电气讯公交等公共服务企业 (most citizen calls); agency: 事业单位、群团及驻宜单位.
 */
const DEPARTMENT_ROSTER: readonly (readonly [string, DepartmentKind])[] = [
  ['市城管执法委', 'bureau'],
  ['市住建局', 'bureau'],
  ['市交通运输局', 'bureau'],
  ['市水利和湖泊局', 'bureau'],
  ['市生态环境局', 'bureau'],
  ['市自然资源和规划局', 'bureau'],
  ['市公安局交警支队', 'bureau'],
  ['宜昌水务集团', 'utility'],
  ['国网宜昌供电公司', 'utility'],
  ['宜昌燃气', 'utility'],
  ['市发改委', 'bureau'],
  ['市教育局', 'bureau'],
  ['市科技局', 'bureau'],
  ['市经信局', 'bureau'],
  ['市民族宗教委', 'bureau'],
  ['市公安局', 'bureau'],
  ['市民政局', 'bureau'],
  ['市司法局', 'bureau'],
  ['市财政局', 'bureau'],
  ['市人社局', 'bureau'],
  ['市农业农村局', 'bureau'],
  ['市商务局', 'bureau'],
  ['市文化和旅游局', 'bureau'],
  ['市卫生健康委', 'bureau'],
  ['市退役军人事务局', 'bureau'],
  ['市应急管理局', 'bureau'],
  ['市审计局', 'bureau'],
  ['市国资委', 'bureau'],
  ['市市场监管局', 'bureau'],
  ['市体育局', 'bureau'],
  ['市统计局', 'bureau'],
  ['市医疗保障局', 'bureau'],
  ['市林业和园林局', 'bureau'],
  ['市信访局', 'bureau'],
  ['市政务服务和大数据管理局', 'bureau'],
  ['市机关事务服务中心', 'agency'],
  ['市招商和投资促进局', 'bureau'],
  ['市人防办', 'bureau'],
  ['市住房公积金中心', 'agency'],
  ['市不动产登记中心', 'agency'],
  ['市房屋安全管理中心', 'agency'],
  ['市环境卫生管理处', 'agency'],
  ['市市政设施管理处', 'agency'],
  ['市城管执法支队', 'agency'],
  ['市园林绿化服务中心', 'agency'],
  ['市交通运输综合执法支队', 'agency'],
  ['市公路事业发展中心', 'agency'],
  ['市道路运输事业发展中心', 'agency'],
  ['市公安局治安支队', 'bureau'],
  ['市消防救援支队', 'agency'],
  ['市气象局', 'agency'],
  ['市水文水资源勘测局', 'agency'],
  ['市邮政管理局', 'agency'],
  ['市税务局', 'agency'],
  ['市烟草专卖局', 'agency'],
  ['长江宜昌海事局', 'agency'],
  ['三峡通航管理局', 'agency'],
  ['市供销社', 'agency'],
  ['市残联', 'agency'],
  ['市总工会', 'agency'],
  ['团市委', 'agency'],
  ['市妇联', 'agency'],
  ['市红十字会', 'agency'],
  ['市疾控中心', 'agency'],
  ['市急救中心', 'agency'],
  ['市中心人民医院', 'agency'],
  ['市第一人民医院', 'agency'],
  ['市第二人民医院', 'agency'],
  ['市妇幼保健院', 'agency'],
  ['市住房保障服务中心', 'agency'],
  ['市物业服务中心', 'agency'],
  ['市殡葬管理所', 'agency'],
  ['市动物疫病预防控制中心', 'agency'],
  ['市农产品质量安全中心', 'agency'],
  ['市粮食和物资储备中心', 'agency'],
  ['市图书馆', 'agency'],
  ['市博物馆', 'agency'],
  ['三峡大学', 'agency'],
  ['宜昌公交集团', 'utility'],
  ['宜昌城投集团', 'utility'],
  ['宜昌交旅集团', 'utility'],
  ['宜昌港务集团', 'utility'],
  ['宜昌三峡机场', 'utility'],
  ['中国电信宜昌分公司', 'utility'],
  ['中国移动宜昌分公司', 'utility'],
  ['中国联通宜昌分公司', 'utility'],
  ['湖北广电网络宜昌分公司', 'utility'],
  ['宜昌热力公司', 'utility'],
  ['宜昌环境集团', 'utility'],
];

export const DEPARTMENTS = DEPARTMENT_ROSTER.map(([name, kind], i) => ({ id: `d${String(i + 1).padStart(2, '0')}`, name, kind }));
export type DepartmentId = string;
export const DEPARTMENT_IDS = DEPARTMENTS.map((d) => d.id) as [string, ...string[]];
const departmentId = z.enum(DEPARTMENT_IDS);

/** City evaluation, month to date (snapshot). Scores 0–100. */
export const evaluationSummarySchema = z.object({
  asOf: epochMs,
  /** The month being evaluated (asOf's month). */
  month: isoMonth,
  /** Composite score of the month so far. */
  composite: score,
  dimensions: z.array(z.object({ id: z.enum(EVAL_DIMENSION_IDS), score })).min(1).max(EVAL_DIMENSIONS.length),
  safety: z
    .array(
      z.object({
        id: z.enum(SAFETY_INDICATOR_IDS),
        score,
        /** Hazards (隐患) found this month. */
        issues: count,
        /** Of those, rectified (已整改). */
        rectified: count,
      }),
    )
    .min(1)
    .max(SAFETY_INDICATORS.length),
  /** Composite score per month, oldest first; the last entry is the current month so far. */
  monthly: z.array(z.object({ month: isoMonth, score })).min(1).max(24),
  /** Composite score per day, oldest first; the last entry is today so far. */
  daily: z.array(z.object({ date: isoDate, score })).min(1).max(120),
  /** The last complete quarter's ranking of the 14 units (季排名), best first. */
  quarterRanking: z.object({
    quarter: quarterLabel,
    units: z.array(z.object({ unitId, score })).min(1).max(14),
  }),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

/** 三率 of the municipal departments, month to date (snapshot). */
export const departmentRatesSchema = z.object({
  asOf: epochMs,
  departments: z
    .array(
      z.object({
        id: departmentId,
        /** Cases assigned this month (办件量). */
        cases: count,
        response: percent,
        completion: percent,
        satisfaction: percent,
      }),
    )
    .min(1)
    .max(DEPARTMENTS.length),
});
export type DepartmentRates = z.infer<typeof departmentRatesSchema>;
