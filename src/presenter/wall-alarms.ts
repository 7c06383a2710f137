/**
 * The alarms on the wall as the presenter may focus them: the city-lifeline alarms of the newest
 * `lifeline.status` snapshot, active ones first (newest first), then the recently cleared, at most 50
 * (the wall report's limit). Labels are untrusted text from the feed: they travel as strings and are
 * only ever rendered as text. Pure over the payload; `wallAlarmsFromStores` reads the topics store.
 */
import type { LifelineStatus } from '../../data-adapters/topics/lifeline';
import { alarmList } from '../scene/bind/lifeline';

export const MAX_REPORTED_ALARMS = 50;
const MAX_LABEL = 200;

export interface WallAlarm {
  id: string;
  label: string;
  lon: number;
  lat: number;
}

export function wallAlarms(status: LifelineStatus | null): WallAlarm[] {
  if (!status) return [];
  const where = new Map(status.alarms.map((a) => [a.id, a]));
  const out: WallAlarm[] = [];
  for (const item of alarmList(status).items) {
    const a = where.get(item.id);
    if (!a) continue;
    const label = `${item.title} ${item.place}`.trim().slice(0, MAX_LABEL);
    out.push({ id: item.id, label, lon: a.lon, lat: a.lat });
    if (out.length >= MAX_REPORTED_ALARMS) break;
  }
  return out;
}

/** The stores part this module reads (the topics store's `latest`). */
export interface AlarmStores {
  topics: { latest(topic: 'lifeline.status'): LifelineStatus | null };
}

export function wallAlarmsFromStores(stores: AlarmStores): WallAlarm[] {
  return wallAlarms(stores.topics.latest('lifeline.status'));
}
