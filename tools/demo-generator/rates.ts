/**
 * `rates.units`: the three rates (响应率 on-time sign-for, 办结率 closed on time, 满意率 satisfied
 * call-backs) per unit, month to date. Each unit starts from a month's worth of counts at its own level;
 * the recording's events then add to them: a 处置 event is a response (on time unless overdue), a
 * 结案 event a completion (on time unless any step was overdue), and some closed 12345/110/随手拍
 * cases get a call-back. With a month of history behind them the rates drift by tenths, as they should.
 */
import { UNIT_IDS, type UnitId } from '../../data-adapters/domain';
import type { UnitRates } from '../../data-adapters/schemas';
import { UNIT_WEIGHTS } from './config';
import { Rng } from './random';
import type { SimCase } from './simulation';
import { DAY, shanghaiTime } from './time';

interface Ratio {
  num: number;
  den: number;
}
interface UnitTally {
  response: Ratio;
  completion: Ratio;
  satisfaction: Ratio;
}

/** Average new cases per day over the month, citywide. */
const MONTH_DAILY_CASES = 2400;
const CALLBACK_CHANNELS = new Set(['hotline12345', 'police110', 'snapshot']);
const CALLBACK_SHARE = 0.6;

const round1 = (x: number): number => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

interface WindowEffect {
  at: number;
  unitId: UnitId;
  kind: keyof UnitTally;
  success: boolean;
}

export function buildRates(seed: number, cases: readonly SimCase[], startTime: number, times: readonly number[]): UnitRates[] {
  const monthStart = shanghaiTime(2026, 11, 1);
  const days = (startTime - monthStart) / DAY;
  let weightSum = 0;
  for (const id of UNIT_IDS) weightSum += UNIT_WEIGHTS[id];

  const base = new Map<UnitId, UnitTally>();
  const satisfactionLevel = new Map<UnitId, number>();
  for (const id of UNIT_IDS) {
    const rng = Rng.derive(seed, 'rates', id);
    const received = (MONTH_DAILY_CASES * days * UNIT_WEIGHTS[id]) / weightSum;
    const response = rng.range(96.6, 99.6);
    const completion = rng.range(88.5, 97.8);
    const satisfaction = rng.range(90.5, 97.8);
    satisfactionLevel.set(id, satisfaction);
    const ratio = (den: number, pct: number): Ratio => ({ den: Math.round(den), num: Math.round((den * pct) / 100) });
    base.set(id, {
      response: ratio(received * 0.97, response),
      completion: ratio(received * 0.9, completion),
      satisfaction: ratio(received * 0.32, satisfaction),
    });
  }

  const last = times[times.length - 1] ?? startTime;
  const effects: WindowEffect[] = [];
  for (const c of cases) {
    for (const s of c.steps) {
      if (s.at < startTime || s.at >= last) continue;
      if (s.stage === 'handle') effects.push({ at: s.at, unitId: c.unitId, kind: 'response', success: !s.overdue });
      if (s.stage === 'close') {
        effects.push({ at: s.at, unitId: c.unitId, kind: 'completion', success: !c.steps.some((x) => x.overdue) });
        const survey = Rng.derive(seed, 'survey', c.id);
        if (CALLBACK_CHANNELS.has(c.channel) && survey.chance(CALLBACK_SHARE)) {
          const level = satisfactionLevel.get(c.unitId) ?? 95;
          effects.push({ at: s.at, unitId: c.unitId, kind: 'satisfaction', success: survey.chance(level / 100) });
        }
      }
    }
  }

  return times.map((asOf) => {
    const tally = new Map<UnitId, UnitTally>();
    for (const [id, t] of base) tally.set(id, { response: { ...t.response }, completion: { ...t.completion }, satisfaction: { ...t.satisfaction } });
    for (const e of effects) {
      if (e.at >= asOf) continue;
      const r = tally.get(e.unitId)?.[e.kind];
      if (!r) continue;
      r.den += 1;
      if (e.success) r.num += 1;
    }
    return {
      asOf,
      units: UNIT_IDS.map((unitId) => {
        const t = tally.get(unitId) as UnitTally;
        const pct = (r: Ratio): number => (r.den === 0 ? 100 : (100 * r.num) / r.den);
        return {
          unitId,
          response: round1(clamp(pct(t.response), 95, 100)),
          completion: round1(clamp(pct(t.completion), 85, 99)),
          satisfaction: round1(clamp(pct(t.satisfaction), 88, 99)),
        };
      }),
    };
  });
}
