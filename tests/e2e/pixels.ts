/** Pixel checks on screenshots: decoded with pngjs, counted in rectangles, never trusted by eye. */
import { PNG } from 'pngjs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

/** Count pixels in a rectangle for which `test(r, g, b)` holds. */
export function countPixels(png: PNG, rect: Rect, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(png.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(png.height, Math.ceil(rect.y + rect.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (png.width * y + x) * 4;
      if (test(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!)) n++;
    }
  }
  return n;
}

/** Distinct colours (quantised to 4 bits per channel) in a rectangle: a blank or flat box has very few. */
export function distinctColours(png: PNG, rect: Rect): number {
  const seen = new Set<number>();
  countPixels(png, rect, (r, g, b) => {
    seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    return false;
  });
  return seen.size;
}

/** Fraction of differing pixels between two same-size images. */
export function differingFraction(a: PNG, b: PNG, threshold = 24): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let diff = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
    if (d > threshold) diff++;
  }
  return diff / (a.width * a.height);
}

/** Bright cyan-ish: the wall's accent and the glowing unit outlines. */
export const isCyan = (r: number, g: number, b: number) => g > 140 && b > 160 && r < 150;

/** Lit white-box pixels: blue-grey, low saturation (b − r small, b ≥ r), neither dark ground nor bright outline. */
export const isBuilding = (r: number, g: number, b: number) => r > 45 && b - r >= 0 && b - r < 40 && g >= r - 5 && r + g + b > 170 && r + g + b < 600;
