/** Fake OS displays for the planner's tests (the shape of Electron's screen.getAllDisplays()). */
import type { DisplayInfo } from './plan-windows';

/** A cols x rows grid of panels, laid out by the OS edge to edge (DIP), ids 1.., row-major. */
export function gridDisplays(cols: number, rows: number, size = { width: 1920, height: 1080 }, scaleFactor = 1): DisplayInfo[] {
  const out: DisplayInfo[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      out.push({ id: out.length + 1, label: `panel ${r}-${c}`, bounds: { x: c * size.width, y: r * size.height, ...size }, scaleFactor });
    }
  }
  return out;
}
