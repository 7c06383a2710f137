/**
 * Time in Asia/Shanghai (UTC+8 all year, no daylight saving) without Date's locale or time-zone
 * machinery: all arithmetic is on epoch milliseconds, so output never depends on the machine's TZ.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

/** Epoch ms of Shanghai wall-clock time. `month` is 1–12. */
export function shanghaiTime(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET;
}

/** Start (00:00 Shanghai) of the local day that contains `t`. */
export function localDayStart(t: number): number {
  return Math.floor((t + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
}

/** Minutes since local midnight (fractional). */
export function localMinuteOfDay(t: number): number {
  return (t - localDayStart(t)) / MINUTE;
}

/** 0 = Sunday … 6 = Saturday, in Shanghai. */
export function localWeekday(t: number): number {
  return new Date(t + SHANGHAI_OFFSET).getUTCDay();
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** "2026-11-26" in Shanghai. */
export function localIsoDate(t: number): string {
  const d = new Date(t + SHANGHAI_OFFSET);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** "20261126" in Shanghai, as used in case ids. */
export function localCompactDate(t: number): string {
  return localIsoDate(t).replaceAll('-', '');
}

/**
 * When work is done. Stage durations and stage deadlines (时限) are both counted on a calendar, as
 * 数字城管 counts them in working time: a case dispatched at 22:00 to a department that works
 * 08:00–18:00 starts its clock at 08:00 the next morning.
 */
export type Calendar = 'always' | 'ops' | 'office';
/** Daily working window [open, close) in minutes of the local day, per calendar. */
const WINDOWS: Record<Exclude<Calendar, 'always'>, readonly [number, number]> = {
  ops: [7 * 60 + 30, 20 * 60], // command centre desks, inspectors: 07:30–20:00 every day
  office: [8 * 60, 18 * 60], // handling departments and call-backs: 08:00–18:00 every day
};

/** `t` plus `minutes` of working time on `calendar`; a start outside the window waits for it to open. */
export function addWorkingTime(t: number, minutes: number, calendar: Calendar): number {
  if (calendar === 'always') return t + minutes * MINUTE;
  const [open, close] = WINDOWS[calendar];
  let remaining = minutes * MINUTE;
  let cur = t;
  for (;;) {
    const dayStart = localDayStart(cur);
    const windowOpen = dayStart + open * MINUTE;
    const windowClose = dayStart + close * MINUTE;
    if (cur < windowOpen) cur = windowOpen;
    if (cur >= windowClose) {
      cur = dayStart + DAY + open * MINUTE;
      continue;
    }
    const available = windowClose - cur;
    if (remaining <= available) return cur + remaining;
    remaining -= available;
    cur = dayStart + DAY + open * MINUTE;
  }
}

/** Round to the whole second: the recording carries times like a real case system does. */
export function toSecond(t: number): number {
  return Math.round(t / 1000) * 1000;
}
