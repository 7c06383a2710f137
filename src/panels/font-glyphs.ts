/**
 * The CJK font ships split by unicode range, and a subset is fetched only when a glyph of it is first
 * laid out. ECharts measures label widths on a canvas (which fetches nothing) and caches the widths per
 * font and string: a label measured before its glyphs arrive keeps the fallback font's width, and
 * legends and labels then overlap or stick out. So a chart's text glyphs are loaded before the chart
 * sees the option. Never waits more than FONT_WAIT_MS (a missing font must not stop the wall).
 */
import { WALL_FONT } from './tokens';

const FONT_WAIT_MS = 1500;
const loaded = new Set<string>();

/** Characters of `text` beyond ASCII whose glyphs have not been requested yet. */
export function missingGlyphs(text: string, have: ReadonlySet<string> = loaded): string {
  let out = '';
  for (const ch of new Set(text)) if (ch.codePointAt(0)! > 127 && !have.has(ch)) out += ch;
  return out;
}

export function glyphsReady(text: string): Promise<void> | null {
  if (typeof document === 'undefined' || !document.fonts) return null;
  const chars = missingGlyphs(text);
  if (!chars) return null;
  const family = WALL_FONT.split(',')[0]!;
  const load = Promise.all([document.fonts.load(`400 24px ${family}`, chars), document.fonts.load(`700 24px ${family}`, chars)]).then(
    () => {
      for (const ch of chars) loaded.add(ch);
    },
    () => undefined,
  );
  return Promise.race([load, new Promise<void>((r) => setTimeout(r, FONT_WAIT_MS))]);
}
