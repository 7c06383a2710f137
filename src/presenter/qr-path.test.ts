import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { QUIET_ZONE, qrPath } from './qr-path';

/** Paint the path back into a grid: every "M x y h w v1 h-w z" run. */
function paint(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < w; i++) grid[y]![x + i] = true;
  }
  return grid;
}

describe('qrPath', () => {
  it('draws exactly the dark modules of the QR code, inside a 4-module quiet zone', () => {
    const url = 'http://192.168.1.20:4500/remote.html';
    const { size, d } = qrPath(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(size).toBe(modules.size + 2 * QUIET_ZONE);
    const grid = paint(d, size);
    let dark = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const inside = x >= QUIET_ZONE && y >= QUIET_ZONE && x < size - QUIET_ZONE && y < size - QUIET_ZONE;
        const want = inside ? modules.get(y - QUIET_ZONE, x - QUIET_ZONE) === 1 : false;
        expect(grid[y]![x], `${x},${y}`).toBe(want);
        if (want) dark++;
      }
    }
    // A real code: the three finder patterns alone are 3 × 33 dark modules.
    expect(dark).toBeGreaterThan(99);
  });

  it('differs for different URLs', () => {
    expect(qrPath('http://a/remote.html').d).not.toBe(qrPath('http://b/remote.html').d);
  });
});
