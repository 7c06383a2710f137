/**
 * `parking.status`: "the whole city as one car park" (全市一个停车场), once a minute.
 *
 * ~190 car parks and street-berth sections, most in the central districts, some in every county seat.
 * Each kind of car park fills and empties on its own daily rhythm (offices fill by 09:00, malls open at
 * 10:00, residents drive away in the morning). The city's free berths follow the 停车 system's key
 * figure in `industry.systems` exactly, so the two scenes never disagree: the per-park occupancies
 * are fitted to that total. Names are plausible, places drawn inside the right unit, not surveyed.
 */
import { UNIT_IDS, UNITS, type UnitId } from '../../data-adapters/domain';
import type { CarParkKind, ParkingStatus } from '../../data-adapters/topics/parking';
import { ROADS } from './places';
import { Rng } from './random';
import { localDayStart, MINUTE } from './time';
import { CENTRAL_UNITS, placeUrban, topicGeo } from './topic-points';

/** Car parks per unit: the central districts carry most of the city's berths. */
const PARKS_PER_UNIT: Readonly<Record<UnitId, number>> = {
  xiling: 38, wujiagang: 34, yiling: 20, gaoxin: 16, dianjun: 8, xiaoting: 8,
  yidu: 12, dangyang: 11, zhijiang: 11, yuanan: 6, xingshan: 5, zigui: 7, changyang: 7, wufeng: 4,
};

interface KindSpec {
  weight: number;
  berths: readonly [number, number];
  /** Occupancy (0–1) at the start of each local hour 0–23 of a weekday. */
  profile: readonly number[];
  /** Vehicles entering per berth per hour, by local hour 0–23 (turnover). */
  entryRate: readonly number[];
}

const KINDS: Readonly<Record<CarParkKind, KindSpec>> = {
  street: {
    weight: 30, berths: [20, 90],
    profile: [0.3, 0.26, 0.24, 0.22, 0.22, 0.24, 0.32, 0.52, 0.76, 0.86, 0.9, 0.9, 0.84, 0.82, 0.88, 0.9, 0.9, 0.88, 0.82, 0.74, 0.62, 0.5, 0.42, 0.34],
    entryRate: [0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.12, 0.3, 0.45, 0.42, 0.4, 0.4, 0.38, 0.38, 0.4, 0.4, 0.42, 0.44, 0.4, 0.32, 0.25, 0.18, 0.12, 0.08],
  },
  mall: {
    weight: 11, berths: [300, 1400],
    profile: [0.08, 0.06, 0.05, 0.05, 0.05, 0.05, 0.06, 0.1, 0.16, 0.24, 0.42, 0.58, 0.66, 0.68, 0.7, 0.72, 0.74, 0.78, 0.84, 0.86, 0.8, 0.6, 0.3, 0.14],
    entryRate: [0.01, 0, 0, 0, 0, 0, 0.01, 0.03, 0.06, 0.12, 0.24, 0.26, 0.22, 0.2, 0.22, 0.22, 0.24, 0.28, 0.3, 0.26, 0.18, 0.08, 0.03, 0.01],
  },
  office: {
    weight: 14, berths: [80, 420],
    profile: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.14, 0.42, 0.82, 0.93, 0.95, 0.93, 0.8, 0.84, 0.92, 0.92, 0.88, 0.62, 0.32, 0.2, 0.15, 0.12, 0.1, 0.1],
    entryRate: [0, 0, 0, 0, 0, 0, 0.03, 0.3, 0.42, 0.12, 0.08, 0.06, 0.1, 0.16, 0.08, 0.06, 0.05, 0.03, 0.02, 0.01, 0.01, 0, 0, 0],
  },
  hospital: {
    weight: 6, berths: [150, 800],
    profile: [0.42, 0.4, 0.38, 0.38, 0.38, 0.4, 0.48, 0.74, 0.93, 0.97, 0.98, 0.97, 0.9, 0.92, 0.95, 0.94, 0.88, 0.74, 0.6, 0.54, 0.5, 0.47, 0.45, 0.43],
    entryRate: [0.04, 0.03, 0.02, 0.02, 0.02, 0.03, 0.08, 0.3, 0.4, 0.36, 0.32, 0.28, 0.22, 0.28, 0.3, 0.26, 0.2, 0.12, 0.08, 0.06, 0.05, 0.05, 0.04, 0.04],
  },
  residential: {
    weight: 22, berths: [100, 600],
    profile: [0.93, 0.94, 0.94, 0.94, 0.94, 0.93, 0.88, 0.74, 0.58, 0.52, 0.5, 0.5, 0.54, 0.54, 0.52, 0.52, 0.56, 0.66, 0.8, 0.88, 0.91, 0.92, 0.93, 0.93],
    entryRate: [0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.04, 0.04, 0.04, 0.04, 0.05, 0.06, 0.05, 0.04, 0.05, 0.07, 0.12, 0.14, 0.1, 0.07, 0.05, 0.04, 0.03],
  },
  transport: {
    weight: 4, berths: [200, 1200],
    profile: [0.32, 0.3, 0.28, 0.28, 0.28, 0.32, 0.42, 0.58, 0.68, 0.72, 0.74, 0.74, 0.72, 0.72, 0.74, 0.76, 0.78, 0.78, 0.74, 0.66, 0.56, 0.46, 0.38, 0.34],
    entryRate: [0.03, 0.02, 0.02, 0.02, 0.03, 0.06, 0.14, 0.2, 0.22, 0.2, 0.18, 0.18, 0.18, 0.18, 0.2, 0.22, 0.22, 0.2, 0.16, 0.12, 0.1, 0.08, 0.05, 0.04],
  },
  scenic: {
    weight: 5, berths: [100, 500],
    profile: [0.06, 0.05, 0.05, 0.05, 0.05, 0.05, 0.08, 0.14, 0.24, 0.34, 0.46, 0.56, 0.6, 0.62, 0.62, 0.58, 0.5, 0.4, 0.3, 0.22, 0.16, 0.12, 0.08, 0.07],
    entryRate: [0, 0, 0, 0, 0, 0, 0, 0.04, 0.1, 0.16, 0.2, 0.2, 0.16, 0.14, 0.12, 0.1, 0.08, 0.05, 0.03, 0.02, 0.01, 0, 0, 0],
  },
};
const KIND_IDS = Object.keys(KINDS) as CarParkKind[];

/** Well-known car parks of the central city, by the unit they are in; the rest get generic names. */
const NAMED: Readonly<Partial<Record<CarParkKind, readonly (readonly [string, UnitId])[]>>> = {
  mall: [
    ['万达广场', 'wujiagang'], ['国贸大厦', 'xiling'], ['水悦城', 'xiling'], ['吾悦广场', 'wujiagang'], ['均瑶广场', 'xiling'], ['大洋百货', 'xiling'],
    ['新世纪百货', 'xiling'], ['CBD购物中心', 'wujiagang'], ['中南商业城', 'wujiagang'], ['国贸新天地', 'wujiagang'], ['夷陵万达', 'yiling'],
  ],
  hospital: [
    ['市中心人民医院', 'xiling'], ['市第一人民医院', 'xiling'], ['市第二人民医院', 'xiling'], ['三峡大学仁和医院', 'wujiagang'],
    ['市妇幼保健院', 'xiling'], ['市中医医院', 'xiling'], ['夷陵医院', 'yiling'],
  ],
  office: [['市民中心', 'gaoxin'], ['高新区管委会', 'gaoxin'], ['国际会展中心', 'wujiagang'], ['三峡大学', 'xiling'], ['市图书馆', 'wujiagang'], ['奥林匹克体育中心', 'wujiagang']],
  transport: [['宜昌东站', 'wujiagang'], ['宜昌站', 'xiling'], ['三峡机场', 'xiaoting'], ['宜昌客运中心站', 'wujiagang'], ['夷陵客运站', 'yiling']],
  scenic: [['滨江公园', 'xiling'], ['儿童公园', 'xiling'], ['东山公园', 'xiling'], ['运河公园', 'wujiagang'], ['磨基山公园', 'dianjun'], ['求雨台公园', 'wujiagang']],
};
const SUFFIX: Readonly<Record<CarParkKind, string>> = {
  street: '路内泊位', mall: '停车场', office: '停车场', hospital: '停车场', residential: '小区停车场', transport: '停车场', scenic: '停车场',
};
const ESTATES = ['锦绣', '滨江', '东山', '桃花岭', '星光', '惠民', '福寿', '江南', '金色', '清江', '夷陵', '三峡', '紫阳', '书香', '枫林', '阳光'];

/** Occupancy (0–1) of a kind at local minute-of-day `min` (linear between hour starts). */
function kindOccupancy(kind: CarParkKind, min: number): number {
  const p = KINDS[kind].profile;
  const h = Math.floor(min / 60) % 24;
  const a = p[h] as number;
  const b = p[(h + 1) % 24] as number;
  return a + ((b - a) * (min - h * 60)) / 60;
}

/** Entries per berth from midnight to local minute-of-day `min`. */
function kindEntries(kind: CarParkKind, min: number): number {
  const rate = KINDS[kind].entryRate;
  let sum = 0;
  for (let h = 0; h < 24 && h * 60 < min; h += 1) sum += ((rate[h] as number) * Math.min(60, min - h * 60)) / 60;
  return sum;
}

/**
 * Integer occupancies 0…cap, close to `desired`, summing exactly to `target` (clamped to 0…Σcap):
 * spread the difference over the free room (filling) or the cars (emptying), then hand the rounding
 * remainder to the largest fractions, lowest index first. Pure.
 */
export function fitToTotal(desired: readonly number[], caps: readonly number[], target: number): number[] {
  const capSum = caps.reduce((a, b) => a + b, 0);
  const goal = Math.max(0, Math.min(capSum, Math.round(target)));
  const d = desired.map((x, i) => Math.max(0, Math.min(caps[i] as number, x)));
  const dSum = d.reduce((a, b) => a + b, 0);
  const exact = d.map((x, i) => {
    const cap = caps[i] as number;
    if (goal >= dSum) return capSum === dSum ? cap : x + ((cap - x) * (goal - dSum)) / (capSum - dSum);
    return dSum === 0 ? 0 : (x * goal) / dSum;
  });
  const out = exact.map((x) => Math.floor(x));
  let remainder = goal - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, f: x - Math.floor(x) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of order) {
    if (remainder <= 0) break;
    if ((out[i] as number) < (caps[i] as number)) {
      out[i] = (out[i] as number) + 1;
      remainder -= 1;
    }
  }
  return out;
}

interface Park {
  id: string;
  name: string;
  unitId: UnitId;
  kind: CarParkKind;
  lon: number;
  lat: number;
  berths: number;
  bias: number;
  entryBias: number;
  noise: Rng;
}

function makeParks(seed: number): Park[] {
  const geo = topicGeo();
  const rng = Rng.derive(seed, 'parking', 'parks');
  const used = new Set<string>();
  const named: Partial<Record<CarParkKind, (readonly [string, UnitId])[]>> = {};
  for (const k of KIND_IDS) named[k] = [...(NAMED[k] ?? [])];
  const parks: Park[] = [];
  for (const unitId of UNIT_IDS) {
    for (let n = 0; n < PARKS_PER_UNIT[unitId]; n += 1) {
      const kind = rng.weighted(KIND_IDS.map((k) => [k, KINDS[k].weight] as const));
      const pool = named[kind] ?? [];
      const here = pool.filter(([, u]) => u === unitId);
      const road = rng.pick(ROADS[unitId]);
      let base: string;
      if (here.length > 0 && rng.chance(0.7)) {
        const pick = here[rng.int(0, here.length - 1)] as readonly [string, UnitId];
        pool.splice(pool.indexOf(pick), 1);
        base = pick[0];
      }
      else if (kind === 'street') base = road;
      else if (kind === 'residential') base = `${rng.pick(ESTATES)}${rng.pick(['花园', '家园', '新城', '苑'])}`;
      else if (kind === 'hospital') base = CENTRAL_UNITS.includes(unitId) ? `${road}社区医院` : `${unitShort(unitId)}人民医院`;
      else base = road;
      let name = `${base}${SUFFIX[kind]}`;
      for (let k = 2; used.has(name); k += 1) name = `${base}${SUFFIX[kind]}${k}号`;
      used.add(name);
      const [lo, hi] = KINDS[kind].berths;
      const p = placeUrban(geo, Rng.derive(seed, 'parking', 'place', parks.length), unitId);
      parks.push({
        id: `P${String(parks.length + 1).padStart(3, '0')}`,
        name,
        unitId,
        kind,
        lon: p.lon,
        lat: p.lat,
        berths: Math.round(rng.triangular(lo, lo + (hi - lo) * 0.3, hi)),
        bias: rng.range(0.88, 1.1),
        entryBias: rng.range(0.7, 1.3),
        noise: Rng.derive(seed, 'parking', 'noise', parks.length),
      });
    }
  }
  return parks;
}

function unitShort(unitId: UnitId): string {
  return UNITS.find((u) => u.id === unitId)?.short ?? '';
}

/**
 * `freeBerths[m]`: the city's free berths at times[m], as the 停车 system reports them in
 * `industry.systems`. Total berths are chosen so the morning's occupancy from the kind profiles
 * meets that figure.
 */
export function buildParking(seed: number, times: readonly number[], freeBerths: readonly number[]): ParkingStatus[] {
  const first = times[0];
  if (first === undefined || freeBerths.length !== times.length) throw new Error('buildParking: one free-berth figure per time');
  const parks = makeParks(seed);
  const dayStart = localDayStart(first);
  const minuteOf = (t: number): number => (t - dayStart) / MINUTE;
  const desiredAt = (t: number, p: Park): number => Math.min(1, kindOccupancy(p.kind, minuteOf(t)) * p.bias);

  // Scale berths so the profile occupancy at the start leaves exactly the reported free berths.
  const rawBerths = parks.reduce((a, p) => a + p.berths, 0);
  const rawOccupancy = parks.reduce((a, p) => a + p.berths * desiredAt(first, p), 0) / rawBerths;
  const totalBerths = Math.round((freeBerths[0] as number) / (1 - rawOccupancy));
  const scaled = parks.map((p) => Math.max(10, Math.round((p.berths * totalBerths) / rawBerths)));
  parks.forEach((p, i) => (p.berths = scaled[i] as number));
  const caps = parks.map((p) => p.berths);
  const berthSum = caps.reduce((a, b) => a + b, 0);

  const cityProfile = (min: number): number => parks.reduce((a, p) => a + p.berths * Math.min(1, kindOccupancy(p.kind, min) * p.bias), 0) / berthSum;
  const hourRng = Rng.derive(seed, 'parking', 'hours');
  const pct = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 10;
  const pastHours = Array.from({ length: 24 }, (_, h) => pct(cityProfile(h * 60 + 30) + hourRng.range(-0.015, 0.015)));
  const dayBefore = Array.from({ length: 24 }, (_, h) => pct(cityProfile(h * 60 + 30) + hourRng.range(-0.025, 0.025)));
  const startHour = Math.floor(minuteOf(first) / 60);
  const cityAt: number[] = [];

  return times.map((asOf, m) => {
    const desired = parks.map((p) => p.berths * desiredAt(asOf, p) * p.noise.range(0.97, 1.03));
    const occupied = fitToTotal(desired, caps, berthSum - (freeBerths[m] as number));
    const occupancy = occupied.reduce((a, b) => a + b, 0) / berthSum;
    cityAt.push(occupancy);
    const hour = Math.floor(minuteOf(asOf) / 60);
    // Hours before the recording come from the profile; from its first hour on, the latest observed value.
    const hourly = Array.from({ length: hour + 1 }, (_, h) => {
      if (h < startHour) return pastHours[h] as number;
      let last = m;
      while (last > 0 && Math.floor(minuteOf(times[last] as number) / 60) > h) last -= 1;
      return pct(cityAt[last] as number);
    });
    return {
      asOf,
      carParks: parks.map((p, i) => ({
        id: p.id,
        name: p.name,
        unitId: p.unitId,
        kind: p.kind,
        lon: p.lon,
        lat: p.lat,
        berths: p.berths,
        occupied: occupied[i] as number,
        entriesToday: Math.round(p.berths * kindEntries(p.kind, minuteOf(asOf)) * p.entryBias),
      })),
      hourly: { hourStart: dayStart, pct: hourly, dayBeforePct: dayBefore.slice(0, hourly.length) },
    };
  });
}
