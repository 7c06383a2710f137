/**
 * The wall's CJK font ships with the app (offline by default): Noto Sans SC 400/700 from @fontsource,
 * split by unicode-range so only the glyphs on screen are fetched, from our own origin.
 */
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';

/** Resolve when the two weights the wall uses are ready (ECharts measures text with them). */
export async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  try {
    await Promise.all([document.fonts.load('400 24px "Noto Sans SC"', '宜昌0'), document.fonts.load('700 24px "Noto Sans SC"', '宜昌0')]);
  } catch {
    // A missing font degrades to the fallback stack; the wall must still come up.
  }
}
