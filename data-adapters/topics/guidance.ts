/**
 * 业务指导 (business guidance): the catalogue the city shares with the national platform — the national
 * "1 guide + 4 standards" (一个指南、四个标准), the city's experience notes and regulations — and the state
 * of its link to the national and provincial platforms, as one snapshot topic `guidance.catalog`.
 */
import { z } from 'zod';
import { count, epochMs, label, percent } from './fields';

export const DOC_KINDS = ['guide', 'standard', 'experience', 'regulation'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export const DOC_KIND_NAMES: Readonly<Record<DocKind, string>> = {
  guide: '建设指南',
  standard: '标准规范',
  experience: '经验总结',
  regulation: '法规条文',
};

export const LINK_STATES = ['connected', 'degraded', 'down'] as const;
export type LinkState = (typeof LINK_STATES)[number];
export const LINK_STATE_NAMES: Readonly<Record<LinkState, string>> = { connected: '联网正常', degraded: '同步延迟', down: '连接中断' };

const docId = z.string().regex(/^[a-z0-9-]{1,40}$/);

const linkSchema = z.object({
  state: z.enum(LINK_STATES),
  /** Last successful exchange with the platform. */
  lastSyncAt: epochMs,
  /** Records reported to the platform since local midnight. */
  reportedToday: count,
});

export const guidanceCatalogSchema = z.object({
  asOf: epochMs,
  documents: z
    .array(
      z.object({
        id: docId,
        kind: z.enum(DOC_KINDS),
        /** Title without book-title marks; the wall adds 《》. Untrusted text. */
        title: label(80),
        /** Standard or document number (e.g. CJJ/T 312-2021); empty when none. */
        code: z.string().max(40),
        issuer: label(40),
        /** Year of issue, when known. */
        year: z.number().int().min(1949).max(2100).optional(),
      }),
    )
    .min(1)
    .max(60),
  national: linkSchema.extend({
    /** 单点登录: the national platform's single sign-on into the city platform. */
    sso: z.boolean(),
    /** Share of today's reports delivered within their time limit (上报及时率). */
    onTimeRate: percent,
  }),
  province: linkSchema,
  /**
   * Records reported to the national platform per hour, oldest first: entry i covers the hour ending at
   * asOf − (n − 1 − i) h, so the last entry is the hour up to asOf. Relative to asOf, so it needs no re-dating.
   */
  reportedHourly: z.array(count).min(1).max(24),
  /** The same for the provincial platform. */
  provinceHourly: z.array(count).min(1).max(24),
});
export type GuidanceCatalog = z.infer<typeof guidanceCatalogSchema>;
