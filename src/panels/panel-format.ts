/**
 * Text rules shared by the panels: number and time formats, the on-demand info line, and how a label
 * that may be too long (长阳土家族自治县, a citizen's report title) is shortened with an ellipsis rather
 * than cut. Pure, so the rules are unit-tested without a browser.
 */
import { formatWallClock } from '../stores/reducers/time';
import { fmtFixed } from './tokens';
import type { PanelInfo } from './types';

/** 'HH:MM' in China Standard Time (the wall's time zone). */
export function clockHM(ms: number): string {
  return formatWallClock(ms).time.slice(0, 5);
}

/** 'MM-DD HH:MM' when `ms` is not on the same CST day as `now`, else 'HH:MM'. */
export function clockShort(ms: number, now: number | null): string {
  const a = formatWallClock(ms);
  if (now === null || formatWallClock(now).date === a.date) return a.time.slice(0, 5);
  return `${a.date.slice(5, 7)}-${a.date.slice(8, 10)} ${a.time.slice(0, 5)}`;
}

/** "来源 <source> · 截至 HH:MM", or null when there is nothing to say. */
export function infoLine(info: PanelInfo | undefined | null): string | null {
  if (!info) return null;
  const parts: string[] = [];
  if (info.source) parts.push(`来源 ${info.source}`);
  parts.push(info.asOf != null ? `截至 ${clockHM(info.asOf)}` : '暂无数据');
  return parts.join(' · ');
}

/** Width of a string in em at one font size: CJK and full-width forms 1, everything else ~0.6. */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 || (c >= 0x1100 && c <= 0x115f) ? 1 : 0.6;
  }
  return w;
}

/** `text` shortened to at most `maxEm` em, the last character replaced by '…' when it had to be cut. */
export function ellipsize(text: string, maxEm: number): string {
  if (textWidthEm(text) <= maxEm) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = textWidthEm(ch);
    if (w + cw > maxEm - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/**
 * Text placed into an ECharts rich-text string (tooltips in renderMode 'richText', labels with `rich`):
 * `{name|…}` is markup there, so braces in data become their full-width forms and can style nothing.
 */
export function richSafe(text: string): string {
  return text.replace(/\{/g, '｛').replace(/\}/g, '｝');
}

/** A figure with its decimals, thousands separated; '—' for a missing value. */
export function fmtValue(v: number | null | undefined, decimals = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return fmtFixed(v, decimals);
}

/** Large counts shortened for tight places: 12 345 → '1.2万', 3.4e8 → '3.4亿'. */
export function fmtCompact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e8) return `${fmtFixed(v / 1e8, a >= 1e9 ? 0 : 1)}亿`;
  if (a >= 1e4) return `${fmtFixed(v / 1e4, a >= 1e6 ? 0 : 1)}万`;
  return Number.isInteger(v) ? fmtFixed(v, 0) : fmtFixed(v, 1);
}

/** A table cell's text: numbers with thousands separators and their own decimals (at most 2). */
export function cellText(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '—';
  const decimals = Number.isInteger(v) ? 0 : Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 ? 1 : 2;
  return fmtFixed(v, decimals);
}
