import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBaseTile, decodeBuildingTile } from './base-tiles-decode';
import {
  chooseTiles,
  convexOverlapsBox,
  focusTileZoom,
  groundAt,
  groundFootprint,
  lonLatToTile,
  lonLatToTileXY,
  parentTile,
  tileBounds,
  tilesForFootprint,
  tileXYToLonLat,
} from './base-tiles-math';
import { EnuFrame, multiplyMat4, zoomForPerspective } from './geo-math';

/** A camera `range` m from the ENU origin, looking north, pitched `pitchDeg` below the horizon (column-major). */
function camera(range: number, pitchDeg: number, aspect = 16 / 9, fovy = Math.PI / 3) {
  const p = (pitchDeg * Math.PI) / 180;
  const eye = [0, -range * Math.cos(p), range * Math.sin(p)];
  // Look-at: forward f towards the origin, right r = f × up, true up u = r × f.
  const f = [-eye[0]!, -eye[1]!, -eye[2]!];
  const fl = Math.hypot(f[0]!, f[1]!, f[2]!);
  const [fx, fy, fz] = [f[0]! / fl, f[1]! / fl, f[2]! / fl];
  const [rx, ry, rz] = [fy * 1 - fz * 0, fz * 0 - fx * 1, 0];
  const rl = Math.hypot(rx, ry, rz);
  const [sx, sy, sz] = [rx / rl, ry / rl, rz / rl];
  const [ux, uy, uz] = [sy * fz - sz * fy, sz * fx - sx * fz, sx * fy - sy * fx];
  const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  const view = [sx, ux, -fx, 0, sy, uy, -fy, 0, sz, uz, -fz, 0, -dot([sx, sy, sz], eye), -dot([ux, uy, uz], eye), dot([fx, fy, fz], eye), 1];
  const near = 1;
  const far = 5e8;
  const t = 1 / Math.tan(fovy / 2);
  const proj = [t / aspect, 0, 0, 0, 0, t, 0, 0, 0, 0, (far + near) / (near - far), -1, 0, 0, (2 * far * near) / (near - far), 0];
  return { view, proj, zoom: zoomForPerspective(range, fovy, 1080) };
}

describe('tile maths', () => {
  it('round-trips lon/lat and tile coordinates and finds parents', () => {
    const t = lonLatToTile(111.29, 30.7, 14);
    const [w, s, e, n] = tileBounds(t);
    expect(111.29).toBeGreaterThanOrEqual(w);
    expect(111.29).toBeLessThan(e);
    expect(30.7).toBeGreaterThanOrEqual(s);
    expect(30.7).toBeLessThan(n);
    const [x, y] = lonLatToTileXY(111.29, 30.7, 14);
    const [lon, lat] = tileXYToLonLat(x, y, 14);
    expect(lon).toBeCloseTo(111.29, 9);
    expect(lat).toBeCloseTo(30.7, 9);
    expect(parentTile(t)).toEqual(lonLatToTile(111.29, 30.7, 13));
    // A well-known tile: z1 (1,0) is the north-east quarter.
    expect(lonLatToTile(10, 10, 1)).toEqual({ z: 1, x: 1, y: 0 });
  });

  it('tests convex polygons against boxes (separating axes)', () => {
    const tri: [number, number][] = [[0, 0], [10, 0], [0, 10]];
    expect(convexOverlapsBox(tri, 1, 1, 2, 2)).toBe(true);
    expect(convexOverlapsBox(tri, 6, 6, 8, 8)).toBe(false); // beyond the hypotenuse, inside the bbox
    expect(convexOverlapsBox(tri, -5, -5, -1, -1)).toBe(false);
  });

  it('finds the ground footprint of a pitched camera and the tiles under it, nearest first', () => {
    const { view, proj } = camera(6000, 50);
    const fp = groundFootprint(view, proj, 24_000);
    expect(fp.length).toBeGreaterThan(3);
    const focus = groundAt(view, proj, 0, 0)!;
    expect(Math.hypot(focus[0], focus[1])).toBeLessThan(1); // the camera looks at the origin
    // A trapezoid: wider at the far (north) side than the near side.
    const ys = fp.map((p) => p[1]);
    const width = (yLevel: number) => {
      const xs = fp.filter((p) => Math.abs(p[1] - yLevel) < 1e-6).map((p) => p[0]);
      return xs.length ? Math.max(...xs) - Math.min(...xs) : 0;
    };
    expect(width(Math.max(...ys))).toBeGreaterThan(width(Math.min(...ys)));
    const frame = new EnuFrame(111.29, 30.7);
    expect(frame).toBeDefined();
    const deg = fp.map(([x, y]) => [111.29 + x / 95_700, 30.7 + y / 110_850] as [number, number]);
    const tiles = tilesForFootprint(deg, 13, [111.29, 30.7]);
    expect(tiles.length).toBeGreaterThan(2);
    expect(tiles[0]).toEqual(lonLatToTile(111.29, 30.7, 13));
    // Every listed tile touches the footprint's bbox; a far-away tile is not listed.
    expect(tiles.some((t) => t.x === lonLatToTile(112.5, 30.7, 13).x)).toBe(false);
  });

  it('clamps at the horizon: a camera looking level sees ground only up to the limit', () => {
    const { view, proj } = camera(2000, 5);
    const fp = groundFootprint(view, proj, 10_000);
    const far = Math.max(...fp.map(([x, y]) => Math.hypot(x, y + 2000 * Math.cos((5 * Math.PI) / 180))));
    expect(far).toBeLessThanOrEqual(10_000 + 1);
    // Looking up (camera below the ground plane is never a footprint).
    expect(groundFootprint(multiplyMat4(view, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1]), proj, 10_000)).toEqual([]);
  });

  it('chooses the zoom from the camera range, coarser when the footprint needs too many tiles', () => {
    const z6 = focusTileZoom(camera(6000, 50).zoom, 30.7);
    const z24 = focusTileZoom(camera(24_000, 50).zoom, 30.7);
    expect(z6).toBeGreaterThan(13.5);
    expect(z6).toBeLessThan(15);
    expect(z6 - z24).toBeCloseTo(2, 5); // four times the range: two zooms out
    const { view, proj } = camera(6000, 20);
    const deg = groundFootprint(view, proj, 24_000).map(([x, y]) => [111.29 + x / 95_700, 30.7 + y / 110_850] as [number, number]);
    const all = chooseTiles(deg, 14, 10, 14, 1000);
    const capped = chooseTiles(deg, 14, 10, 14, 20);
    expect(all.z).toBe(14);
    expect(capped.z).toBeLessThan(14);
    expect(capped.tiles.length).toBeLessThanOrEqual(20);
    expect(chooseTiles(deg, 20, 10, 14, 1000).z).toBe(14);
  });
});

describe('decoding shipped tiles', () => {
  const index = JSON.parse(readFileSync(new URL('../../public/tiles/index.json', import.meta.url), 'utf8')) as {
    base: { tiles: Record<string, string[]> };
    buildings: { zoom: number; tiles: string[] };
  };
  const frame = { lon: 111.29, lat: 30.7 };
  it('turns a z14 base tile into arterial and local line lists near the origin', () => {
    const center = lonLatToTile(111.3, 30.72, 14);
    expect(index.base.tiles['14']).toContain(`${center.x}/${center.y}`);
    const bytes = readFileSync(new URL(`../../public/tiles/base/14/${center.x}/${center.y}.pbf`, import.meta.url));
    const { roads } = decodeBaseTile(new Uint8Array(bytes), center, frame);
    expect(roads!.local.length).toBeGreaterThan(50);
    expect(roads!.local.length % 2).toBe(0);
    // Positions within a few km of the origin, on the ground (ENU z ≈ 0 near the origin).
    const p = roads!.local.positions;
    for (let i = 0; i < p.length; i += 3) {
      expect(Math.abs(p[i]!)).toBeLessThan(8000);
      expect(Math.abs(p[i + 2]!)).toBeLessThan(10);
    }
  });

  it('turns a building tile into a closed-box triangle mesh', () => {
    const t = lonLatToTile(111.3, 30.72, index.buildings.zoom);
    const id = `${t.x}/${t.y}`;
    expect(index.buildings.tiles).toContain(id);
    const { x, y } = t;
    const bytes = readFileSync(new URL(`../../public/tiles/buildings/${index.buildings.zoom}/${id}.pbf`, import.meta.url));
    const mesh = decodeBuildingTile(new Uint8Array(bytes), { z: index.buildings.zoom, x, y }, frame);
    expect(mesh.buildings).toBeGreaterThan(10);
    // Rectangles: 2 roof + 8 wall triangles each.
    expect(mesh.length).toBe(mesh.buildings * 30);
    // Roof normals point up, wall normals are horizontal.
    expect(mesh.normals[2]).toBe(127);
    expect(mesh.normals[6 * 4 + 2]).toBe(0);
  });
});
