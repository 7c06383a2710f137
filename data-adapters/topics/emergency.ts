/**
 * 突发事件应急联动 — one incident and the departments converging on it: the incident, its timeline, each
 * responding team (state, people, vehicles, where it is) and the key measurement at the scene, as one
 * snapshot topic `emergency.status`.
 */
import { z } from 'zod';
import { count, epochMs, label, lat, lon, thingId, unitId } from './fields';

/** A team's progress: 已响应 (acknowledged, leaving), 在途, 到场, 处置中. */
export const RESPONDER_STATES = ['acknowledged', 'enroute', 'onsite', 'working'] as const;
export type ResponderState = (typeof RESPONDER_STATES)[number];
export const RESPONDER_STATE_NAMES: Readonly<Record<ResponderState, string>> = {
  acknowledged: '已响应', enroute: '在途', onsite: '到场', working: '处置中',
};

export const INCIDENT_STATES = ['responding', 'controlled', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export const INCIDENT_STATE_NAMES: Readonly<Record<IncidentState, string>> = { responding: '处置中', controlled: '已控制', closed: '已解除' };

export const TIMELINE_KINDS = ['report', 'dispatch', 'arrive', 'action', 'update'] as const;

export const emergencyStatusSchema = z.object({
  asOf: epochMs,
  incident: z.object({
    id: thingId,
    title: label(40),
    /** 事件等级, e.g. 一般（Ⅳ级）. */
    level: label(20),
    place: label(60),
    unitId,
    lon,
    lat,
    reportedAt: epochMs,
    state: z.enum(INCIDENT_STATES),
    /** Residents moved out of the cordon since the report (cumulative). */
    evacuated: count,
  }),
  /** What happened so far, oldest first (entries after asOf are never sent). */
  timeline: z.array(z.object({ at: epochMs, kind: z.enum(TIMELINE_KINDS), text: label(80) })).min(1).max(100),
  responders: z
    .array(
      z.object({
        id: thingId,
        department: label(30),
        role: label(30),
        state: z.enum(RESPONDER_STATES),
        people: count,
        vehicles: count,
        /** Where the team is now (its base, on the road, or at the scene). */
        lon,
        lat,
        dispatchedAt: epochMs,
        arrivedAt: epochMs.nullable(),
      }),
    )
    .max(40),
  /** The key measurement at the scene (e.g. a slope's displacement rate), oldest first, with its alarm value. */
  readings: z.object({
    label: label(20),
    unit: z.string().max(10),
    alarm: z.number().finite(),
    values: z.array(z.object({ at: epochMs, value: z.number().finite() })).max(120),
  }),
});
export type EmergencyStatus = z.infer<typeof emergencyStatusSchema>;
