/**
 * Calendar maths on the data clock. Yichang is UTC+8 all year (China has no daylight saving), so a fixed
 * offset is exact and does not depend on the machine's time zone or ICU data.
 */
const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' of an instant in China Standard Time. */
export function cstDate(ms: number): string {
  const d = new Date(ms + CST_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The calendar day after an ISO date ('YYYY-MM-DD'). */
export function nextDate(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + DAY_MS;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export interface WallClockText {
  date: string;
  weekday: string;
  time: string;
}

/** The title bar's clock: 2026年11月26日 / 星期四 / 09:41:07, in China Standard Time. */
export function formatWallClock(ms: number): WallClockText {
  const d = new Date(ms + CST_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}年${pad(d.getUTCMonth() + 1)}月${pad(d.getUTCDate())}日`,
    weekday: `星期${WEEKDAYS[d.getUTCDay()]}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  };
}

/** 'MM-DD' label for a trend axis. */
export function shortDate(date: string): string {
  return date.slice(5);
}
