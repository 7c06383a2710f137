/**
 * Every scene has its thumbnail for the remote (public/thumbnails/<id>.webp, made by tools/thumbnails.ts):
 * a new scene without one fails here, so the remote never ships a text tile for it. Each file is a real
 * 480x270 WebP under 40 KB (a phone on the briefing room's Wi-Fi loads twelve of them at once), and no
 * thumbnail is left for a scene that is gone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENE_LIST } from '../../scenes';
import { THUMBNAIL_EXT } from './scenes';
import { webpSize } from './webp-size';

const DIR = new URL('../../public/thumbnails/', import.meta.url);

describe('scene thumbnails', () => {
  for (const scene of SCENE_LIST) {
    it(`${scene.id} (${scene.title}) has a 480x270 WebP under 40 KB`, () => {
      const file = new URL(`${scene.id}.${THUMBNAIL_EXT}`, DIR);
      expect(existsSync(file), `public/thumbnails/${scene.id}.${THUMBNAIL_EXT} is missing: run npm run thumbnails`).toBe(true);
      expect(statSync(file).size).toBeLessThan(40 * 1024);
      expect(webpSize(readFileSync(file))).toEqual({ width: 480, height: 270 });
    });
  }

  it('has no thumbnail of a scene that is not in the scene list', () => {
    const ids = new Set(SCENE_LIST.map((s) => s.id));
    const stray = readdirSync(DIR).filter((f) => f.endsWith(`.${THUMBNAIL_EXT}`) && !ids.has(f.slice(0, -THUMBNAIL_EXT.length - 1)));
    expect(stray).toEqual([]);
  });
});

describe('webpSize', () => {
  it('reads lossy, lossless and extended headers and refuses other files', () => {
    const riff = (chunk: string, body: number[]) => Uint8Array.from([...'RIFF'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], [...`WEBP${chunk}`].map((c) => c.charCodeAt(0)), [0, 0, 0, 0], body, new Array(16).fill(0)));
    // VP8: frame tag, start code, 480 (0x1e0) and 270 (0x10e) little-endian.
    expect(webpSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0xe0, 0x01, 0x0e, 0x01]))).toEqual({ width: 480, height: 270 });
    // VP8L: signature, then (w-1) in 14 bits and (h-1) in the next 14.
    const bits = 479 | (269 << 14);
    expect(webpSize(riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]))).toEqual({ width: 480, height: 270 });
    // VP8X: flags + reserved, then (w-1) and (h-1) in 24 bits each.
    expect(webpSize(riff('VP8X', [0, 0, 0, 0, 479 & 0xff, 479 >> 8, 0, 269 & 0xff, 269 >> 8, 0]))).toEqual({ width: 480, height: 270 });
    expect(webpSize(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, ...new Array(40).fill(0)]))).toBeNull();
  });
});
