/**
 * Simulates the city's cases from SIMULATED_DAYS_BEFORE days before the recording until its end:
 * arrivals per channel and hour (weekday/weekend volumes × hourly profile), each case's unit,
 * category and life cycle. The baseline (counts at the start), the trend and the events of the
 * recording are all read off this one simulation, so they agree with each other by construction.
 */
import { CHANNEL_IDS, UNIT_IDS, type CategoryId, type ChannelId, type UnitId } from '../../data-adapters/domain';
import { DAILY_NOISE, HOURLY_PROFILE, SIMULATED_DAYS_BEFORE, UNIT_WEIGHTS, WEEKDAY_VOLUME, WEEKEND_FACTOR } from './config';
import { CATEGORY_MIX, planLifecycle, type StageStep } from './lifecycle';
import { Rng } from './random';
import { DAY, HOUR, localCompactDate, localDayStart, localWeekday } from './time';

export interface SimCase {
  /** "YC20261126-000123": date of discovery and sequence within that day. */
  id: string;
  /** Position in the whole simulation, in discovery order (a stable tie-breaker). */
  index: number;
  channel: ChannelId;
  unitId: UnitId;
  category: CategoryId;
  /** Steps taken up to the simulation's horizon; the first is always 'discover'. */
  steps: StageStep[];
}

/** Slots per hour for arrivals (5 s): a Bernoulli trial per slot approximates a Poisson process. */
const SLOTS_PER_HOUR = 720;
const SLOT_MS = HOUR / SLOTS_PER_HOUR;

const UNIT_MIX = UNIT_IDS.map((id) => [id, UNIT_WEIGHTS[id]] as const);

/** Expected new cases of `channel` on the local day starting at `dayStart`. */
export function dayVolume(seed: number, dayStart: number, channel: ChannelId): number {
  const weekday = localWeekday(dayStart);
  const weekend = weekday === 0 || weekday === 6;
  const dayFactor = weekday === 1 ? 1.06 : weekday === 5 ? 0.97 : 1; // Monday backlog, Friday lull
  const noise = 1 + Rng.derive(seed, 'volume', localCompactDate(dayStart)).range(-DAILY_NOISE, DAILY_NOISE);
  return WEEKDAY_VOLUME[channel] * (weekend ? WEEKEND_FACTOR[channel] : dayFactor) * noise;
}

function profileShare(channel: ChannelId, hour: number): number {
  const profile = HOURLY_PROFILE[channel];
  let total = 0;
  for (const v of profile) total += v;
  return (profile[hour] ?? 0) / total;
}

interface Arrival {
  at: number;
  channelOrder: number;
  draw: number;
  channel: ChannelId;
}

/** All cases discovered from the start of the first simulated day until `horizon`. */
export function simulateCases(seed: number, startTime: number, horizon: number): SimCase[] {
  const cases: SimCase[] = [];
  const firstDay = localDayStart(startTime) - SIMULATED_DAYS_BEFORE * DAY;
  for (let dayStart = firstDay; dayStart <= horizon; dayStart += DAY) {
    const date = localCompactDate(dayStart);
    const arrivals: Arrival[] = [];
    CHANNEL_IDS.forEach((channel, channelOrder) => {
      const rng = Rng.derive(seed, 'arrivals', date, channel);
      const volume = dayVolume(seed, dayStart, channel);
      for (let hour = 0; hour < 24; hour += 1) {
        const hourStart = dayStart + hour * HOUR;
        const p = (volume * profileShare(channel, hour)) / SLOTS_PER_HOUR;
        for (let slot = 0; slot < SLOTS_PER_HOUR; slot += 1) {
          if (!rng.chance(p)) continue;
          const at = hourStart + slot * SLOT_MS + rng.int(0, SLOT_MS / 1000 - 1) * 1000;
          if (at <= horizon) arrivals.push({ at, channelOrder, draw: arrivals.length, channel });
        }
      }
    });
    arrivals.sort((a, b) => a.at - b.at || a.channelOrder - b.channelOrder || a.draw - b.draw);
    arrivals.forEach((arrival, i) => {
      const id = `YC${date}-${String(i + 1).padStart(6, '0')}`;
      const rng = Rng.derive(seed, 'case', id);
      const unitId = rng.weighted(UNIT_MIX);
      const category = rng.weighted(CATEGORY_MIX[arrival.channel]);
      const steps = planLifecycle(rng, arrival.channel, category, arrival.at, horizon);
      cases.push({ id, index: cases.length, channel: arrival.channel, unitId, category, steps });
    });
  }
  return cases;
}

/** The step a case is in just before `t` (entered strictly before `t`), or null if not yet discovered. */
export function stepBefore(c: SimCase, t: number): StageStep | null {
  let current: StageStep | null = null;
  for (const s of c.steps) {
    if (s.at < t) current = s;
    else break;
  }
  return current;
}
