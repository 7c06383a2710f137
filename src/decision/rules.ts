/**
 * Rule definitions are data: which check (`kind`), its parameters (thresholds, windows), its weight in
 * the ranking, when it escalates to a warning, and the Chinese title and text with placeholders for
 * the figures. A wall operator can tune them without touching code; `parseRules` refuses anything
 * malformed (unknown kind or parameter, out-of-range values, a template naming a figure the kind does
 * not provide, duplicate ids) with the path of each problem.
 */
import { z } from 'zod';
import { placeholders } from './template';

const positive = z.number().positive().finite();

/** The template variables each kind provides (the evaluator fills exactly these). */
export const KIND_VARIABLES = {
  unitCompletionDrop: ['unit', 'month', 'prevMonth', 'now', 'prev', 'drop', 'threshold'],
  categoryWeeklyRise: ['category', 'thisWeek', 'lastWeek', 'rise', 'threshold', 'from', 'to'],
  overdueCluster: ['place', 'unit', 'count', 'radius'],
  lifelineRepeatedAlarms: ['sector', 'count', 'window', 'threshold', 'hotspot', 'places'],
  loadForecast: ['month', 'forecast', 'slope', 'lastMonth', 'last', 'change', 'months'],
  unitSatisfactionDecline: ['unit', 'months', 'from', 'to', 'fromMonth', 'toMonth', 'drop'],
  sensorsOffline: ['sector', 'onlineRate', 'offline', 'threshold'],
} as const satisfies Record<string, readonly string[]>;
export type RuleKind = keyof typeof KIND_VARIABLES;

const common = {
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'rule id: lower-case letters, digits and dashes, ≤ 40'),
  enabled: z.boolean().default(true),
  /** Multiplies the score; 0 keeps a rule in the list but last. */
  weight: z.number().min(0).max(10),
  /** Severity when the rule fires below `escalateAt`. */
  severity: z.enum(['attention', 'info']),
  /** The rule's magnitude (drop in points, rise in %, cases, alarms…) at or beyond which it is a warning. */
  escalateAt: positive.optional(),
  title: z.string().min(1).max(60),
  text: z.string().min(1).max(240),
};

const rule = <K extends RuleKind, P extends z.ZodRawShape>(kind: K, params: P) =>
  z.strictObject({ ...common, kind: z.literal(kind), params: z.strictObject(params) });

export const ruleDefinitionSchema = z
  .discriminatedUnion('kind', [
    /** A unit whose completion rate (办结率) fell by more than `minDropPoints` from the month before. */
    rule('unitCompletionDrop', { minDropPoints: positive.max(50) }),
    /** The category rising fastest this week (last 7 complete days) against the week before. */
    rule('categoryWeeklyRise', { minRisePercent: positive.max(1000), minWeeklyCount: z.number().int().min(0) }),
    /** Open overdue cases within `radiusKm` of one another, at least `minCases` of them. */
    rule('overdueCluster', { radiusKm: positive.max(20), minCases: z.number().int().min(2).max(100) }),
    /** A lifeline sector with at least `minAlarms` alarms raised in the last `windowMinutes`. */
    rule('lifelineRepeatedAlarms', { windowMinutes: z.number().int().min(5).max(120), minAlarms: z.number().int().min(2).max(100) }),
    /** Next month's intake by least squares over the last `months` complete months. */
    rule('loadForecast', { months: z.number().int().min(3).max(24) }),
    /** A unit whose satisfaction (满意率) fell `months` months in a row, by `minTotalDropPoints` in all. */
    rule('unitSatisfactionDecline', { months: z.number().int().min(2).max(12), minTotalDropPoints: positive.max(50) }),
    /** A lifeline sector whose sensors report below `minOnlinePercent`. */
    rule('sensorsOffline', { minOnlinePercent: positive.max(100) }),
  ])
  .superRefine((r, ctx) => {
    const known = new Set<string>(KIND_VARIABLES[r.kind]);
    for (const field of ['title', 'text'] as const) {
      for (const name of placeholders(r[field])) {
        if (!known.has(name)) {
          ctx.addIssue({ code: 'custom', path: [field], message: `{${name}} is not a figure of "${r.kind}" (it has ${[...known].join(', ')})` });
        }
      }
    }
  });

export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>;
export type RuleDefinitionInput = z.input<typeof ruleDefinitionSchema>;

export const ruleSetSchema = z
  .array(ruleDefinitionSchema)
  .min(1)
  .max(50)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id "${r.id}"` });
      seen.add(r.id);
    });
  });

/** Validate rule definitions; throws one Error listing every problem as "path: message". */
export function parseRules(input: unknown): RuleDefinition[] {
  const parsed = ruleSetSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    throw new Error(`invalid decision rules:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The rules the wall runs. Thresholds follow common practice of 城市运行 monthly reports; tune here. */
export const DEFAULT_RULES: readonly RuleDefinitionInput[] = [
  {
    id: 'unit-completion-drop',
    kind: 'unitCompletionDrop',
    params: { minDropPoints: 3 },
    weight: 1.2,
    severity: 'attention',
    escalateAt: 5,
    title: '{unit}办结率环比下降{drop}个百分点',
    text: '{unit}{month}办结率{now}%，较{prevMonth}的{prev}%下降{drop}个百分点（预警线{threshold}个百分点）。建议督办该地在办案件，分析超期环节与责任单位。',
  },
  {
    id: 'category-weekly-rise',
    kind: 'categoryWeeklyRise',
    params: { minRisePercent: 10, minWeeklyCount: 200 },
    weight: 1,
    severity: 'attention',
    escalateAt: 30,
    title: '{category}类案件本周上升{rise}',
    text: '{from}至{to}共受理{category}类案件{thisWeek}件，较上周{lastWeek}件上升{rise}，为各类案件中增幅最大（预警线{threshold}）。建议组织专项整治，提前调配处置力量。',
  },
  {
    id: 'overdue-cluster',
    kind: 'overdueCluster',
    params: { radiusKm: 1.5, minCases: 3 },
    weight: 1.1,
    severity: 'attention',
    escalateAt: 6,
    title: '{unit}超期案件集中：{count}件',
    text: '{place}周边{radius}公里内有{count}件在办案件已超期。建议区级指挥中心现场督办，查明集中超期原因。',
  },
  {
    id: 'lifeline-repeated-alarms',
    kind: 'lifelineRepeatedAlarms',
    params: { windowMinutes: 60, minAlarms: 4 },
    weight: 1.3,
    severity: 'attention',
    escalateAt: 6,
    title: '{sector}近{window}分钟告警{count}次',
    text: '城市生命线{sector}领域近{window}分钟告警{count}次（阈值{threshold}次），{hotspot}。建议行业主管部门排查隐患根源，必要时转工单闭环处置。',
  },
  {
    id: 'load-forecast',
    kind: 'loadForecast',
    params: { months: 24 },
    weight: 0.6,
    severity: 'info',
    escalateAt: 10,
    title: '预计{month}受理约{forecast}件',
    text: '按近{months}个月受理量线性趋势（最小二乘，月均{slope}件），预计{month}受理约{forecast}件，较{lastMonth}的{last}件{change}。建议据此安排处置力量与坐席排班。',
  },
  {
    id: 'unit-satisfaction-decline',
    kind: 'unitSatisfactionDecline',
    params: { months: 3, minTotalDropPoints: 2 },
    weight: 1,
    severity: 'attention',
    escalateAt: 5,
    title: '{unit}满意率连续{months}个月下降',
    text: '{unit}满意率由{fromMonth}的{from}%降至{toMonth}的{to}%，连续{months}个月下降，累计{drop}个百分点。建议抽查回访记录，跟踪群众反映集中的问题。',
  },
  {
    id: 'sensors-offline',
    kind: 'sensorsOffline',
    params: { minOnlinePercent: 95 },
    weight: 0.8,
    severity: 'attention',
    escalateAt: 10,
    title: '{sector}感知设备在线率{onlineRate}%',
    text: '城市生命线{sector}领域在线率{onlineRate}%，低于{threshold}%，{offline}台设备离线。建议运维单位排查通信与供电，恢复监测覆盖。',
  },
];
