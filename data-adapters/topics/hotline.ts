/**
 * 公众服务 — the 12345 hotline (12345政务服务便民热线). Yichang merged 15 government hotlines into it
 * ("归并整合12315、12328、12333等15条热线", reference line 28): a citizen may still dial the old number,
 * the call lands on the 12345 platform and is counted under the number dialled. Calls are answered,
 * either settled on the phone or dispatched as a work order (工单) to a department or a county-level unit,
 * and dispatched orders get a satisfaction call-back (回访). One snapshot topic, `hotline.summary`.
 */
import { z } from 'zod';
import { UNIT_IDS } from '../domain';
import { count, epochMs, label } from './fields';

/**
 * 12345 itself and the 15 lines merged into it (`short`: the name shown next to the number). All are
 * national numbers of State Council departments that 国办发〔2020〕53号 told localities to fold into 12345
 * (整体并入 or 双号并行); which 15 Yichang merged is not listed in the reference beyond the first three.
 */
export const HOTLINE_LINES = [
  { id: '12345', name: '政务服务便民热线', short: '政务服务' },
  { id: '12315', name: '市场监管投诉举报', short: '市场监管' },
  { id: '12328', name: '交通运输服务监督', short: '交通运输' },
  { id: '12333', name: '人力资源社会保障', short: '人社' },
  { id: '12369', name: '环保举报', short: '环保' },
  { id: '12365', name: '质量技术监督', short: '质监' },
  { id: '12319', name: '城建服务', short: '城建' },
  { id: '12358', name: '价格举报', short: '价格' },
  { id: '12366', name: '纳税缴费服务', short: '税务' },
  { id: '12348', name: '公共法律服务', short: '法律服务' },
  { id: '12338', name: '妇女维权', short: '妇女维权' },
  { id: '12336', name: '自然资源违法举报', short: '自然资源' },
  { id: '12320', name: '卫生健康', short: '卫生健康' },
  { id: '12329', name: '住房公积金', short: '公积金' },
  { id: '12331', name: '食品药品投诉举报', short: '食品药品' },
  { id: '12350', name: '安全生产举报', short: '安全生产' },
] as const;
export type HotlineLineId = (typeof HOTLINE_LINES)[number]['id'];
export const HOTLINE_LINE_IDS = HOTLINE_LINES.map((l) => l.id) as unknown as readonly [HotlineLineId, ...HotlineLineId[]];

/** What a caller wants (诉求类型). */
export const HOTLINE_CATEGORIES = [
  { id: 'consult', name: '咨询' },
  { id: 'complaint', name: '投诉' },
  { id: 'request', name: '求助' },
  { id: 'report', name: '举报' },
  { id: 'suggestion', name: '建议' },
  { id: 'praise', name: '表扬' },
] as const;
export type HotlineCategoryId = (typeof HOTLINE_CATEGORIES)[number]['id'];
export const HOTLINE_CATEGORY_IDS = HOTLINE_CATEGORIES.map((c) => c.id) as unknown as readonly [
  HotlineCategoryId,
  ...HotlineCategoryId[],
];

/**
 * Municipal departments and utilities that take 12345 work orders (承办单位). The 14 county-level units
 * (data-adapters/domain.ts UNITS) take orders too: a dispatch target is one of these or a unit id.
 */
export const HOTLINE_DEPARTMENTS = [
  { id: 'chengguan', name: '市城管执法委' },
  { id: 'zhujian', name: '市住建局' },
  { id: 'shichang', name: '市市场监管局' },
  { id: 'renshe', name: '市人社局' },
  { id: 'jiaotong', name: '市交通运输局' },
  { id: 'shengtai', name: '市生态环境局' },
  { id: 'ziran', name: '市自然资源和规划局' },
  { id: 'weijian', name: '市卫健委' },
  { id: 'jiaoyu', name: '市教育局' },
  { id: 'gongan', name: '市公安局' },
  { id: 'yibao', name: '市医保局' },
  { id: 'gongjijin', name: '市住房公积金中心' },
  { id: 'shuiwu', name: '供水企业' },
  { id: 'ranqi', name: '燃气企业' },
  { id: 'gongdian', name: '供电企业' },
  { id: 'tax', name: '市税务局' },
  { id: 'sifa', name: '市司法局' },
  { id: 'fulian', name: '市妇联' },
  { id: 'yingji', name: '市应急管理局' },
] as const;
export type HotlineDepartmentId = (typeof HOTLINE_DEPARTMENTS)[number]['id'];
export const HOTLINE_TARGET_IDS = [...HOTLINE_DEPARTMENTS.map((d) => d.id), ...UNIT_IDS] as unknown as readonly [
  HotlineDepartmentId | (typeof UNIT_IDS)[number],
  ...(HotlineDepartmentId | (typeof UNIT_IDS)[number])[],
];
export type HotlineTargetId = (typeof HOTLINE_TARGET_IDS)[number];

/** Hot topics shown at most (the wall shows the top 10). */
export const MAX_HOT_TOPICS = 12;

const lineId = z.enum(HOTLINE_LINE_IDS);
const categoryId = z.enum(HOTLINE_CATEGORY_IDS);
const targetId = z.enum(HOTLINE_TARGET_IDS);

/**
 * The hotline as of `asOf`. Every "today" figure counts from local midnight (China Standard Time) up to
 * asOf and only grows during a day. Rates are not sent: the wall derives them from the counts.
 */
export const hotlineSummarySchema = z
  .object({
    asOf: epochMs,
    today: z.object({
      /** Calls that reached the platform (来电). */
      received: count,
      /** Calls an agent picked up (接通); the rest hung up while queueing. */
      answered: count,
      /** Work orders dispatched to a department or unit today (派单), including orders from earlier calls. */
      dispatched: count,
      /** Satisfaction call-backs made today (回访) and how many of them said satisfied (满意/基本满意). */
      calledBack: count,
      satisfied: count,
    }),
    /**
     * Calls per hour, oldest first, from `hourStart` (local midnight in a recording; a feed that shifts
     * time moves it); the last entry is the current hour so far.
     */
    hourly: z.object({
      hourStart: epochMs,
      received: z.array(count).min(1).max(24),
      answered: z.array(count).min(1).max(24),
    }),
    /** Calls today by the number dialled. */
    lines: z.array(z.object({ id: lineId, received: count })).min(1).max(HOTLINE_LINE_IDS.length),
    /** Answered calls today by what the caller wanted (the agent classifies a call when answering it). */
    categories: z.array(z.object({ id: categoryId, received: count })).min(1).max(HOTLINE_CATEGORY_IDS.length),
    /** Work orders dispatched today by receiving department or unit. */
    targets: z.array(z.object({ id: targetId, dispatched: count })).max(HOTLINE_TARGET_IDS.length),
    /**
     * Most frequent topics of the last 7 days up to asOf (`count`), with the 7 days before up to the same
     * time of day (`previous`), most frequent first. `keyword` is produced by text analysis of citizens'
     * calls: untrusted, shown as text only.
     */
    hotTopics: z.array(z.object({ keyword: label(20), count, previous: count })).max(MAX_HOT_TOPICS),
  })
  .superRefine((p, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (p.today.answered > p.today.received) issue(['today', 'answered'], 'more calls answered than received');
    if (p.today.satisfied > p.today.calledBack) issue(['today', 'satisfied'], 'more satisfied than called back');
    if (p.hourly.answered.length !== p.hourly.received.length) issue(['hourly', 'answered'], 'needs one value per hour of received');
    p.hourly.answered.forEach((a, i) => {
      if (a > (p.hourly.received[i] ?? 0)) issue(['hourly', 'answered', i], 'more calls answered than received in this hour');
    });
    const unique = (ids: readonly string[], path: string) => {
      if (new Set(ids).size !== ids.length) issue([path], 'duplicate id');
    };
    unique(p.lines.map((l) => l.id), 'lines');
    unique(p.categories.map((c) => c.id), 'categories');
    unique(p.targets.map((t) => t.id), 'targets');
  });
export type HotlineSummary = z.infer<typeof hotlineSummarySchema>;
