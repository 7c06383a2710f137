/**
 * `emergency.status`: one incident worked through by several departments (突发事件应急联动), once a
 * minute. In the night's rainstorm (see flood.ts) a slope beside 东山大道 in 西陵 starts to slide shortly
 * before the recording starts; the natural-disaster sensors and a 12345 call raise it, the operations
 * centre starts the linkage, the teams drive in from their bases, experts judge it, the slope is drained
 * and covered, its movement slows below the warning rate, and a lane reopens near the end.
 *
 * The incident is SYNTHETIC (a scripted drill-like scenario for the demo). Team bases and the scene are
 * drawn inside the central districts off the river, and every route (a straight line, the map draws no
 * roads) stays off the river too. All times are whole seconds.
 */
import type { UnitId } from '../../data-adapters/domain';
import type { EmergencyStatus, ResponderState } from '../../data-adapters/topics/emergency';
import { Rng } from './random';
import { localCompactDate, MINUTE, toSecond } from './time';
import { offRiver, placeUrban, topicGeo } from './topic-points';
import { round6 } from './geography';

interface TeamSpec {
  id: string;
  department: string;
  role: string;
  baseUnit: UnitId;
  /** Minutes after the report it is dispatched, and travel time range (minutes). */
  dispatchAfter: number;
  travel: readonly [number, number];
  people: readonly [number, number];
  vehicles: readonly [number, number];
}

/** Short department names and roles: they fill a table column on the wall. */
const TEAMS: readonly TeamSpec[] = [
  { id: 'zrzy', department: '市自然资源局', role: '地灾研判', baseUnit: 'wujiagang', dispatchAfter: 1.3, travel: [9, 12], people: [4, 5], vehicles: [1, 2] },
  { id: 'fire', department: '西陵消防站', role: '排险救援', baseUnit: 'xiling', dispatchAfter: 1.3, travel: [5, 7], people: [12, 16], vehicles: [3, 4] },
  { id: 'police', department: '西陵公安', role: '交通管制', baseUnit: 'xiling', dispatchAfter: 1.3, travel: [4, 6], people: [6, 8], vehicles: [2, 3] },
  { id: 'street', department: '西陵街道', role: '群众转移', baseUnit: 'xiling', dispatchAfter: 1.3, travel: [3, 5], people: [8, 12], vehicles: [1, 1] },
  { id: 'medical', department: '市急救中心', role: '医疗待命', baseUnit: 'xiling', dispatchAfter: 1.6, travel: [7, 10], people: [4, 5], vehicles: [1, 2] },
  { id: 'szss', department: '市政维护中心', role: '排水清障', baseUnit: 'wujiagang', dispatchAfter: 1.6, travel: [8, 11], people: [10, 14], vehicles: [3, 4] },
  { id: 'yjj', department: '市应急管理局', role: '现场指挥', baseUnit: 'gaoxin', dispatchAfter: 3, travel: [12, 16], people: [3, 4], vehicles: [1, 1] },
  { id: 'zjj', department: '市住建局', role: '房屋排查', baseUnit: 'gaoxin', dispatchAfter: 5, travel: [12, 16], people: [4, 5], vehicles: [1, 1] },
  { id: 'power', department: '供电公司', role: '电力保障', baseUnit: 'yiling', dispatchAfter: 8, travel: [11, 15], people: [4, 5], vehicles: [1, 2] },
];

/**
 * Where it happens: fixed, because the scene's camera looks at it (scenes/emergency.ts). On the 东山
 * side of 西陵, inside the district and well clear of the river (tested).
 */
export const INCIDENT_SITE = { lon: 111.3105, lat: 30.7135, unitId: 'xiling' } as const;

/** The report comes this many minutes before the recording starts, so the wall opens on a response under way. */
const REPORT_BEFORE_START = 6;
/** Displacement rate (mm/h) of the slope's crack gauges above which 自然灾害监测 warns. */
const ALARM_RATE = 5;

/** Where a team is at `t`: its base, a point on the straight route, or the scene (plus a small offset). Pure. */
export function teamPosition(
  base: readonly [number, number], scene: readonly [number, number], departAt: number, arriveAt: number, t: number,
): [number, number] {
  if (t <= departAt) return [base[0], base[1]];
  if (t >= arriveAt) return [scene[0], scene[1]];
  const f = (t - departAt) / (arriveAt - departAt);
  return [round6(base[0] + (scene[0] - base[0]) * f), round6(base[1] + (scene[1] - base[1]) * f)];
}

/** A team's state at `t`. Pure. */
export function teamState(departAt: number, arriveAt: number, t: number): ResponderState {
  if (t < departAt) return 'acknowledged';
  if (t < arriveAt) return 'enroute';
  if (t < arriveAt + 2 * MINUTE) return 'onsite';
  return 'working';
}

export function buildEmergency(seed: number, start: number, times: readonly number[]): EmergencyStatus[] {
  const geo = topicGeo();
  const rng = Rng.derive(seed, 'emergency', 'plan');
  const reportedAt = start - REPORT_BEFORE_START * MINUTE;
  const at = (minutesAfterReport: number): number => toSecond(reportedAt + minutesAfterReport * MINUTE);
  const scene: [number, number] = [INCIDENT_SITE.lon, INCIDENT_SITE.lat];

  const routeOnLand = (base: readonly [number, number]): boolean => {
    for (let i = 0; i <= 40; i += 1) {
      const f = i / 40;
      if (!offRiver(geo, base[0] + (scene[0] - base[0]) * f, base[1] + (scene[1] - base[1]) * f)) return false;
    }
    return true;
  };

  const teams = TEAMS.map((spec) => {
    const placeRng = Rng.derive(seed, 'emergency', 'base', spec.id);
    let base: [number, number] | null = null;
    for (let i = 0; i < 200 && base === null; i += 1) {
      const p = placeUrban(geo, placeRng, spec.baseUnit);
      if (routeOnLand([p.lon, p.lat])) base = [p.lon, p.lat];
    }
    if (base === null) throw new Error(`no base off the river for ${spec.id}`);
    const dispatchedAt = at(spec.dispatchAfter);
    const departAt = toSecond(dispatchedAt + rng.range(0.5, 1.5) * MINUTE);
    const arriveAt = toSecond(departAt + rng.range(spec.travel[0], spec.travel[1]) * MINUTE);
    // Arrived teams stand around the scene, not on top of each other (±60 m).
    const spot: [number, number] = [round6(scene[0] + rng.range(-0.0006, 0.0006)), round6(scene[1] + rng.range(-0.0005, 0.0005))];
    return {
      spec, base, spot, dispatchedAt, departAt, arriveAt,
      people: rng.int(spec.people[0], spec.people[1]),
      vehicles: rng.int(spec.vehicles[0], spec.vehicles[1]),
    };
  });
  const team = (id: string) => teams.find((t) => t.spec.id === id) as (typeof teams)[number];
  const experts = team('zrzy');
  const works = team('szss');
  const police = team('police');
  const street = team('street');

  const cordonAt = toSecond(police.arriveAt + rng.range(1, 2) * MINUTE);
  const evacuateFrom = toSecond(street.arriveAt + MINUTE);
  const evacuateTotal = rng.int(60, 110);
  const evacuated = (t: number): number => (t < evacuateFrom ? 0 : Math.min(evacuateTotal, Math.round(((t - evacuateFrom) / (10 * MINUTE)) * evacuateTotal)));
  const judgedAt = toSecond(experts.arriveAt + rng.range(3, 5) * MINUTE);
  // Draining and covering the slope is what slows it down.
  const drainedAt = toSecond(Math.max(works.arriveAt, experts.arriveAt) + rng.range(3, 5) * MINUTE);
  const laneOpenAt = Math.min(toSecond(drainedAt + rng.range(12, 15) * MINUTE), start + 28 * MINUTE);

  // Crack-gauge displacement rate: accelerating until the slope is drained, then easing (a fixed share per minute).
  const peak = rng.range(11, 14);
  const rate = (t: number): number => {
    const m = (t - reportedAt) / MINUTE;
    const drainM = (drainedAt - reportedAt) / MINUTE;
    if (m <= drainM) return Math.round((6.5 + ((peak - 6.5) * m) / drainM) * 10) / 10;
    let v = peak;
    for (let k = 0; k < Math.floor(m - drainM); k += 1) v *= 0.86;
    return Math.round(Math.max(0.3, v) * 10) / 10;
  };
  const slowedAt = (() => {
    for (let t = drainedAt; t < drainedAt + 60 * MINUTE; t += MINUTE) if (rate(t) < ALARM_RATE) return t;
    return drainedAt + 60 * MINUTE;
  })();

  const place = '西陵区 东山大道珍珠路段';
  const timeline = [
    { at: reportedAt, kind: 'report' as const, text: '自然灾害监测：东山大道边坡裂缝计位移速率超限告警' },
    { at: at(0.4), kind: 'report' as const, text: '12345热线转来市民报告：边坡有落石，人行道出现裂缝' },
    { at: at(1), kind: 'update' as const, text: '市城运中心研判为暴雨引发边坡滑塌险情，启动应急联动（一般·Ⅳ级）' },
    ...teams.map((t) => ({ at: t.dispatchedAt, kind: 'dispatch' as const, text: `${t.spec.department}接单：${t.spec.role}` })),
    ...teams.map((t) => ({ at: t.arriveAt, kind: 'arrive' as const, text: `${t.spec.department}到场，${t.people}人${t.vehicles}车` })),
    { at: cordonAt, kind: 'action' as const, text: '设置警戒区，封闭东山大道外侧两车道，车辆绕行' },
    { at: evacuateFrom, kind: 'action' as const, text: '转移坡脚两栋居民楼住户和沿街商户' },
    { at: judgedAt, kind: 'update' as const, text: '地灾专家研判：浅层滑塌，暂无整体失稳迹象' },
    { at: drainedAt, kind: 'action' as const, text: '坡顶截排水，坡面覆盖防水布，坡脚堆码沙袋反压' },
    { at: slowedAt, kind: 'update' as const, text: `位移速率降至预警值（${ALARM_RATE} mm/h）以下` },
    { at: laneOpenAt, kind: 'update' as const, text: '清理塌方土石，恢复一条车道通行，边坡转入24小时监测' },
  ].sort((a, b) => a.at - b.at);

  const readingTimes = (asOf: number): number[] => {
    const out: number[] = [];
    for (let t = reportedAt; t <= asOf; t += MINUTE) out.push(t);
    return out.slice(-120);
  };

  return times.map((asOf) => ({
    asOf,
    incident: {
      id: `YJ${localCompactDate(reportedAt)}-001`,
      title: '东山大道边坡滑塌',
      level: '一般（Ⅳ级）',
      place,
      unitId: INCIDENT_SITE.unitId,
      lon: scene[0],
      lat: scene[1],
      reportedAt,
      // Under control once the movement has slowed below the warning rate; closed only after the 24 h watch.
      state: asOf >= slowedAt ? 'controlled' : 'responding',
      evacuated: evacuated(asOf),
    },
    timeline: timeline.filter((e) => e.at <= asOf),
    responders: teams
      .filter((t) => t.dispatchedAt <= asOf)
      .map((t) => {
        const [lon, lat] = teamPosition(t.base, t.spot, t.departAt, t.arriveAt, asOf);
        return {
          id: t.spec.id,
          department: t.spec.department,
          role: t.spec.role,
          state: teamState(t.departAt, t.arriveAt, asOf),
          people: t.people,
          vehicles: t.vehicles,
          lon,
          lat,
          dispatchedAt: t.dispatchedAt,
          arrivedAt: asOf >= t.arriveAt ? t.arriveAt : null,
        };
      }),
    readings: { label: '边坡位移速率', unit: 'mm/h', alarm: ALARM_RATE, values: readingTimes(asOf).map((t) => ({ at: t, value: rate(t) })) },
  }));
}
