/**
 * A QR code as one SVG path, made in the page from the `qrcode` package's module matrix (no network, no
 * image service, no HTML string: the card draws it with a Vue-bound `d` attribute). One unit per module,
 * a quiet zone of 4 modules around it, as the standard asks for reliable scanning.
 */
import QRCode from 'qrcode';

export const QUIET_ZONE = 4;

export interface QrPath {
  /** Side of the drawing in modules, quiet zone included (the SVG viewBox). */
  size: number;
  /** Every dark module as a 1×1 square, row runs merged. */
  d: string;
}

export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const parts: string[] = [];
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && modules.get(y, x)) x++;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  }
  return { size: n + 2 * QUIET_ZONE, d: parts.join('') };
}
