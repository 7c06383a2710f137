/**
 * The base map in a real browser (map harness, software WebGL): at a close view deck.gl draws the
 * vector-tile roads and the lit white-box buildings (found by pixel colour classes), fetching only the
 * tiles of that view; at the overview it draws and fetches nothing; nothing leaves the local host.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { launchBrowser, openPage, type PageWatch } from './browser';
import { countPixels, decodePng, isBuilding } from './pixels';

const SIZE = { width: 1280, height: 800 };
const SHOTS = 'test-results/screenshots';

interface BaseMapStats {
  range: number;
  zoom: number | null;
  wanted: string[];
  drawn: string[];
  buildingTiles: string[];
  buildings: number;
  fetches: number;
  pending: number;
}
type HookWindow = {
  __citywall?: {
    map?: { ready: boolean; setCamera(v: unknown): Promise<void> };
    basemap?: { stats: BaseMapStats; setShown(p: { roads?: boolean; buildings?: boolean }): void };
  };
};


/** Pixels that turned bluer between two frames (a road drawn over whatever ground colour is under it). */
function bluerPixels(without: PNG, withLayer: PNG): number {
  let n = 0;
  for (let i = 0; i < without.data.length; i += 4) {
    const db = withLayer.data[i + 2]! - without.data[i + 2]!;
    const dr = withLayer.data[i]! - without.data[i]!;
    if (db - dr > 20) n++;
  }
  return n;
}

async function frame(): Promise<PNG> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
  return decodePng(await page.screenshot({ type: 'png' }));
}

const setShown = (parts: { roads?: boolean; buildings?: boolean }) =>
  page.evaluate((p) => (window as unknown as HookWindow).__citywall!.basemap!.setShown(p), parts);

let browser: Browser;
let page: Page;
let watch: PageWatch;
const tileRequests: string[] = [];

const stats = () => page.evaluate(() => ({ ...(window as unknown as HookWindow).__citywall!.basemap!.stats }));

async function settled(): Promise<BaseMapStats> {
  await page.waitForFunction(
    () => {
      const s = (window as unknown as HookWindow).__citywall?.basemap?.stats;
      // zoom: the tile index is in and the view's tiles are chosen (the base map joins once the map is ready).
      return !!s && s.zoom !== null && s.pending === 0 && s.drawn.length === s.wanted.length;
    },
    null,
    { timeout: 60_000, polling: 250 },
  );
  // Two animation frames: deck draws the layer list set when the last tile arrived.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return stats();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  ({ page, watch } = await openPage(browser, `${inject('baseUrl')}/map-harness.html?clock=frozen&view=close`, SIZE));
  page.on('request', (req) => {
    if (req.url().includes('/tiles/')) tileRequests.push(new URL(req.url()).pathname);
  });
  await page.waitForFunction(() => (window as unknown as HookWindow).__citywall?.map?.ready === true, null, { timeout: 120_000, polling: 250 });
});

afterAll(async () => {
  await browser?.close();
});

describe('base map (vector tiles + white-box buildings)', () => {
  it('draws roads and buildings at a close view, fetching only that view’s tiles', async () => {
    const s = await settled();
    expect(s.range).toBeLessThan(16_000);
    expect(s.drawn.length).toBeGreaterThan(0);
    expect(s.buildingTiles.length).toBeGreaterThan(0);
    expect(s.buildings).toBeGreaterThan(1000);
    const shot = await page.screenshot({ type: 'png' });
    writeFileSync(`${SHOTS}/basemap-close.png`, shot);
    const png = decodePng(shot);
    const all = { x: 0, y: 0, width: SIZE.width, height: SIZE.height };
    const buildings = countPixels(png, all, isBuilding);
    // Roads: the same view with the roads hidden and shown (buildings hidden: they cover streets behind them).
    await setShown({ roads: false, buildings: false });
    const bare = await frame();
    await setShown({ roads: true });
    const withRoads = await frame();
    writeFileSync(`${SHOTS}/basemap-roads.png`, await page.screenshot({ type: 'png' }));
    await setShown({ buildings: true });
    const roads = bluerPixels(bare, withRoads);
    const bareBuildings = countPixels(bare, all, isBuilding);
    console.info(`basemap close: zoom ${s.zoom}, ${s.drawn.length} base tiles, ${s.buildingTiles.length} building tiles (${s.buildings} buildings), ${s.fetches} fetches; road px ${roads}, building px ${buildings}`);
    expect(roads).toBeGreaterThan(3000);
    expect(buildings).toBeGreaterThan(3000);
    expect(bareBuildings).toBeLessThan(buildings / 5);
    // Only tiles of this view (plus the index): every requested tile was wanted, each fetched once.
    const pbf = tileRequests.filter((u) => u.endsWith('.pbf'));
    expect(new Set(pbf).size).toBe(pbf.length);
    expect(pbf.length).toBe(s.fetches);
    expect(pbf.length).toBeLessThanOrEqual(s.wanted.length + s.buildingTiles.length + 8);
  });

  it('draws and fetches nothing at the overview', async () => {
    const before = tileRequests.length;
    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.setCamera('home'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const s = await stats();
    expect(s.range).toBeGreaterThan(16_000);
    expect(s.wanted).toEqual([]);
    expect(s.drawn).toEqual([]);
    expect(s.buildingTiles).toEqual([]);
    expect(tileRequests.length).toBe(before);
    writeFileSync(`${SHOTS}/basemap-overview.png`, await page.screenshot({ type: 'png' }));
    // No base-map layer is in deck's list at all at the overview.
    const ids = await page.evaluate(() => {
      const deck = (window as unknown as { __citywall?: { basemap?: unknown } }).__citywall?.basemap as { layers(): { id: string }[] };
      return deck.layers().map((l) => l.id);
    });
    expect(ids).toEqual([]);
  });

  it('made no request beyond the local host', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
