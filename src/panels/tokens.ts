/** Design tokens shared by the ECharts theme and the DOM panels (one palette for the whole wall). */
export const WALL_THEME = 'citywall';
export const WALL_FONT = '"Noto Sans SC", "Source Han Sans SC", "Noto Sans CJK SC", sans-serif';

export const WALL = {
  ground: '#020b1f',
  panel: 'rgba(6, 26, 58, 0.72)',
  frame: 'rgba(56, 189, 248, 0.45)',
  cyan: '#22d3ee',
  blue: '#3b82f6',
  sky: '#38bdf8',
  text: '#e6f4ff',
  textDim: '#9cc3e6',
  axis: 'rgba(120, 180, 230, 0.45)',
  grid: 'rgba(120, 180, 230, 0.16)',
  amber: '#fbbf24',
  red: '#f87171',
  green: '#34d399',
  series: ['#22d3ee', '#3b82f6', '#a78bfa', '#34d399', '#fbbf24', '#f472b6', '#60a5fa'],
} as const;

// One Intl.NumberFormat per digit count: `toLocaleString` with options builds a new formatter on every
// call, and the count-up figures and chart labels format on every animation frame.
const formats = new Map<number, Intl.NumberFormat>();
function format(digits: number): Intl.NumberFormat {
  let f = formats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(digits, f);
  }
  return f;
}

/** Thousands separators, no decimals (tabular numerals do the alignment). */
export function fmtInt(n: number): string {
  return format(0).format(Math.round(n));
}

export function fmtFixed(n: number, digits: number): string {
  return format(digits).format(n);
}

/** 万 with 2 decimals: 860600 → "86.06". */
export function fmtWan(n: number): string {
  return fmtFixed(n / 10_000, 2);
}

/** The colour of a tone (Tone in types.ts), for series, rows and marks. */
export const TONE_COLOUR = {
  normal: WALL.cyan,
  good: WALL.green,
  warn: WALL.amber,
  alert: WALL.red,
} as const;
