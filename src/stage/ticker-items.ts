/** What the ticker shows, derived from the event ring (pure, tested). */
import type { TickerItem } from '../stores/reducers/cases';

export const TICKER_SHOWN = 10;
export const DESCRIPTION_CHARS = 40;

export interface TickerLine {
  key: string;
  kind: TickerItem['kind'];
  badge: string;
  time: string;
  unit: string;
  channel: string;
  category: string;
  address: string;
  description: string;
}

const BADGE: Record<TickerItem['kind'], string> = { discover: '新发现', close: '已结案', overdue: '超期' };

function hhmm(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** Collapse whitespace and cut to `max` characters (by code point) with an ellipsis. Text stays text. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : flat;
}

/** The newest `n` events, newest first. */
export function tickerLines(ring: readonly TickerItem[], n = TICKER_SHOWN): TickerLine[] {
  const out: TickerLine[] = [];
  for (let i = ring.length - 1; i >= 0 && out.length < n; i--) {
    const it = ring[i]!;
    out.push({
      key: it.key,
      kind: it.kind,
      badge: BADGE[it.kind],
      time: hhmm(it.at),
      unit: it.unit,
      channel: it.channel,
      category: it.category,
      address: clip(it.address, 24),
      description: clip(it.description, DESCRIPTION_CHARS),
    });
  }
  return out;
}
