/**
 * Which part of the logical wall this window shows, from the page URL (the kiosk's main process puts it
 * there; a plain browser works the same, which is how the tile mode is tested):
 *   ?wall=7680x2160                the whole wall, in wall pixels (bezel bands included)
 *   &viewport=0,0,3840,2160        this window's slice: x,y,width,height in wall pixels
 *   &window=r0c1                   this window's key in the plan (labels, logs)
 *   &clock=broadcast               follow a shared clock on a BroadcastChannel (tests, no Electron)
 * Without `wall` and `viewport` the window is the whole wall, as before. A bad value is reported in
 * `notes` and the window falls back to the whole wall, never to half a setting.
 */
import type { PxRect } from '../../electron/bridge-types';

export interface WallViewport {
  wall: { width: number; height: number };
  viewport: PxRect;
}

export interface KioskParams {
  wallViewport: WallViewport | null;
  windowKey: string;
  clock: 'bridge' | 'broadcast' | 'none';
  notes: string[];
}

const MAX = 100_000;
const int = (s: string) => (/^\d{1,6}$/.test(s) ? Number(s) : NaN);

export function parseWallViewport(wall: string | null, viewport: string | null, notes: string[] = []): WallViewport | null {
  if (wall === null && viewport === null) return null;
  const w = /^(\d{1,6})x(\d{1,6})$/.exec(wall ?? '');
  const v = (viewport ?? '').split(',').map(int);
  if (!w) {
    notes.push(`wall=${JSON.stringify((wall ?? '').slice(0, 20))} refused: expected WIDTHxHEIGHT in wall pixels`);
    return null;
  }
  const size = { width: Number(w[1]), height: Number(w[2]) };
  if (size.width < 1 || size.height < 1 || size.width > MAX || size.height > MAX) {
    notes.push(`wall=${wall} refused: out of range`);
    return null;
  }
  if (viewport === null) return { wall: size, viewport: { x: 0, y: 0, ...size } };
  if (v.length !== 4 || v.some((n) => !Number.isFinite(n))) {
    notes.push(`viewport=${JSON.stringify(viewport.slice(0, 40))} refused: expected x,y,width,height in wall pixels`);
    return null;
  }
  const [x, y, width, height] = v as [number, number, number, number];
  if (width < 1 || height < 1 || x + width > size.width || y + height > size.height) {
    notes.push(`viewport=${viewport} refused: not inside the ${size.width}x${size.height} wall`);
    return null;
  }
  return { wall: size, viewport: { x, y, width, height } };
}

export function readKioskParams(search: string, hasBridge: boolean): KioskParams {
  const p = new URLSearchParams(search);
  const notes: string[] = [];
  const wallViewport = parseWallViewport(p.get('wall'), p.get('viewport'), notes);
  const key = p.get('window') ?? '';
  const windowKey = /^[a-z0-9-]{1,32}$/.test(key) ? key : wallViewport ? `${wallViewport.viewport.x},${wallViewport.viewport.y}` : 'wall';
  const clockParam = p.get('clock');
  const clock = hasBridge ? 'bridge' : clockParam === 'broadcast' ? 'broadcast' : 'none';
  return { wallViewport, windowKey, clock, notes };
}

let cached: WallViewport | null | undefined;
/** The window's viewport, read once from the page URL (the stage asks for it on every resize). */
export function currentWallViewport(): WallViewport | null {
  if (cached === undefined) cached = typeof window === 'undefined' ? null : parseWallViewport(new URLSearchParams(window.location.search).get('wall'), new URLSearchParams(window.location.search).get('viewport'));
  return cached;
}
