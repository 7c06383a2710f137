/**
 * 城管天眼查 — camera AI patrol: street cameras flag city-appearance problems, an operator confirms or
 * dismisses each, confirmed ones become cases. One snapshot topic `skyeye.status`.
 */
import { z } from 'zod';
import { count, epochMs, label, lat, lon, thingId, unitId } from './fields';

/** What the AI recognises (the reference's 天眼查 scenes: 占道经营, 乱堆物料, 暴露垃圾 …). */
export const DETECTION_TYPES = [
  { id: 'street-vending', name: '占道经营' },
  { id: 'shop-overflow', name: '店外经营' },
  { id: 'material-piling', name: '乱堆物料' },
  { id: 'exposed-garbage', name: '暴露垃圾' },
  { id: 'bagged-garbage', name: '打包垃圾' },
  { id: 'bin-overflow', name: '垃圾满溢' },
  { id: 'illegal-ads', name: '违规广告' },
  { id: 'car-parking', name: '机动车乱停' },
  { id: 'bike-parking', name: '非机动车乱停' },
  { id: 'street-drying', name: '沿街晾挂' },
] as const;
export type DetectionType = (typeof DETECTION_TYPES)[number]['id'];
export const DETECTION_TYPE_IDS = DETECTION_TYPES.map((t) => t.id) as unknown as readonly [DetectionType, ...DetectionType[]];

/** pending: awaiting an operator; confirmed: a real problem; dispatched: became a case; dismissed: false alarm. */
export const DETECTION_STATES = ['pending', 'confirmed', 'dispatched', 'dismissed'] as const;
export type DetectionState = (typeof DETECTION_STATES)[number];
export const DETECTION_STATE_NAMES: Readonly<Record<DetectionState, string>> = {
  pending: '待审核', confirmed: '已确认', dispatched: '已派单', dismissed: '误报',
};

export const skyeyeStatusSchema = z
  .object({
    asOf: epochMs,
    cameras: z.object({ total: count, online: count }),
    /** Since local midnight: detected ≥ confirmed ≥ dispatched. */
    today: z.object({ detected: count, confirmed: count, dispatched: count }),
    byType: z.array(z.object({ type: z.enum(DETECTION_TYPE_IDS), count })).min(1).max(DETECTION_TYPE_IDS.length),
    /** The newest detections (at most the last two hours), oldest first. */
    recent: z
      .array(
        z.object({
          id: thingId,
          at: epochMs,
          cameraId: thingId,
          type: z.enum(DETECTION_TYPE_IDS),
          unitId,
          place: label(60),
          lon,
          lat,
          /** The model's confidence, 0–1. */
          confidence: z.number().min(0).max(1),
          state: z.enum(DETECTION_STATES),
        }),
      )
      .max(200),
  })
  .superRefine((p, ctx) => {
    if (p.cameras.online > p.cameras.total) ctx.addIssue({ code: 'custom', path: ['cameras', 'online'], message: 'more online than total' });
    if (p.today.confirmed > p.today.detected || p.today.dispatched > p.today.confirmed) {
      ctx.addIssue({ code: 'custom', path: ['today'], message: 'needs detected ≥ confirmed ≥ dispatched' });
    }
  });
export type SkyeyeStatus = z.infer<typeof skyeyeStatusSchema>;
