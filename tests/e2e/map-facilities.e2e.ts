/**
 * The facilities on the map (/map-harness.html?facilities=1, frozen clock): the three files load with the
 * documented row counts, manholes are drawn at the close view and hidden at the overview, deck.gl and
 * Cesium put the central city's points on the same pixel (≤ 2 px) at tilts 0–60°, a status change by asset
 * id recolours one manhole by a partial upload (no layer rebuild) and rings it, the CPU pick finds it, and
 * nothing leaves the local host.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchBrowser, openPage, type PageWatch } from './browser';
import { countPixels } from './pixels';

const SIZE = { width: 1280, height: 800 };
const SHOTS = 'test-results/screenshots';
/** docs/facilities.md, "Files". */
const COUNTS = { manholes: 357_050, streetlights: 117_072, pipes: 119_180 };

interface Pick {
  kind: string;
  index: number;
  id: number;
  type: string;
  status: string;
  lon: number;
  lat: number;
}
interface FacilityHook {
  ready: boolean;
  view: unknown;
  facilities: { loaded: boolean; counts: Record<string, number>; rebuilds: number; partialUpdates: number };
  project(points: [number, number][]): { cesium: [number, number][]; deck: [number, number][] };
  setCamera(view: unknown): Promise<void>;
  setFacilityStatus(kind: string, index: number, code: number): boolean;
  setFacilityStatusById(kind: string, id: number, code: number): boolean;
  pickFacility(x: number, y: number): Pick | null;
  describeFacility(kind: string, index: number): Pick | null;
}
type HookWindow = { __citywall?: { map?: FacilityHook; harness?: { view: unknown; pings: { lon: number; lat: number }[] } } };

let browser: Browser;
let page: Page;
let watch: PageWatch;

async function screenshot(): Promise<PNG> {
  return PNG.sync.read(await page.screenshot({ type: 'png' }));
}

/** Muted normal colours of manholes (by network) and lamps, blended over the navy map: hues the map itself does not use. */
function isFacilityNormal(r: number, g: number, b: number): boolean {
  const gasYellow = r > 110 && g > 90 && b < 100 && r - b > 50 && g - b > 35;
  const telecomGreen = g > 100 && g - r > 35 && g - b > 25;
  const powerViolet = r > 90 && b > 120 && r - g > 25;
  const sodium = r > 120 && r - b > 60 && g - b > 15 && r - g > 30;
  return gasYellow || telecomGreen || powerViolet || sodium;
}

const ALL = { x: 0, y: 0, width: SIZE.width, height: SIZE.height };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  ({ page, watch } = await openPage(browser, `${inject('baseUrl')}/map-harness.html?facilities=1&clock=frozen`, SIZE));
  await page.waitForFunction(
    () => {
      const m = (window as unknown as HookWindow).__citywall?.map;
      return m?.ready === true && m.facilities.loaded;
    },
    null,
    { timeout: 150_000, polling: 250 },
  );
});

afterAll(async () => {
  await browser?.close();
});

describe('facilities on the map (harness)', () => {
  it('loads the three tables with the documented counts', async () => {
    const f = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.facilities);
    expect(f.loaded).toBe(true);
    expect(f.counts).toEqual(COUNTS);
    expect(f.rebuilds).toBe(0);
  });

  it('draws manholes and streetlights at the close view, and none at the overview', async () => {
    const close = await screenshot();
    writeFileSync(`${SHOTS}/map-facilities-close.png`, PNG.sync.write(close));
    const closeCount = countPixels(close, ALL, isFacilityNormal);

    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.setCamera('home'));
    const overview = await screenshot();
    const overviewCount = countPixels(overview, ALL, isFacilityNormal);
    // What is not shown is not picked: the centre of the overview has manholes under it, hidden.
    const hiddenPick = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.pickFacility(640, 400));
    expect(hiddenPick).toBeNull();
    const view = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.harness!.view);
    await page.evaluate((v) => (window as unknown as HookWindow).__citywall!.map!.setCamera(v), view);

    console.info(`facility-coloured pixels: close ${closeCount}, overview ${overviewCount}`);
    expect(closeCount).toBeGreaterThan(5000);
    expect(overviewCount).toBeLessThan(closeCount / 10);
  });

  it('puts the central city on the same pixel in Cesium and deck.gl (≤ 2 px) at tilts 0–60°', async () => {
    const worst: number[] = [];
    for (const pitch of [-90, -60, -30]) {
      await page.evaluate((p) => (window as unknown as HookWindow).__citywall!.map!.setCamera({ kind: 'look-at', lon: 111.32, lat: 30.69, range: 9000, pitch: p, heading: 20 }), pitch);
      const { cesium, deck } = await page.evaluate(() => {
        const pts: [number, number][] = [];
        for (let i = 0; i < 5; i += 1) for (let j = 0; j < 5; j += 1) pts.push([111.29 + i * 0.015, 30.67 + j * 0.01]);
        return (window as unknown as HookWindow).__citywall!.map!.project(pts);
      });
      let max = 0;
      let inView = 0;
      cesium.forEach(([cx, cy], k) => {
        const [dx, dy] = deck[k]!;
        if (!(cx >= 0 && cy >= 0 && cx <= SIZE.width && cy <= SIZE.height)) return;
        inView += 1;
        max = Math.max(max, Math.hypot(cx - dx, cy - dy));
      });
      expect(inView, `points in view at pitch ${pitch}`).toBeGreaterThanOrEqual(9);
      worst.push(max);
    }
    console.info(`Cesium vs deck.gl, worst pixel distance per tilt 0/30/60°: ${worst.map((w) => w.toFixed(2)).join(' / ')}`);
    for (const w of worst) expect(w).toBeLessThanOrEqual(2);
    const view = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.harness!.view);
    await page.evaluate((v) => (window as unknown as HookWindow).__citywall!.map!.setCamera(v), view);
  });

  it('an alarm by asset id turns one visible manhole red by a partial upload and rings it; the pick there returns it', async () => {
    const before = await screenshot();
    const red = (r: number, g: number, b: number) => r > 200 && g < 120 && b < 120;
    // Candidates: every 40th normal manhole on screen, away from the sample pings, the edges and any red.
    const candidates = await page.evaluate(() => {
      const w = window as unknown as HookWindow;
      const m = w.__citywall!.map!;
      const pings = m.project(w.__citywall!.harness!.pings.map((p) => [p.lon, p.lat])).deck;
      const rows: { index: number; id: number; x: number; y: number }[] = [];
      const n = m.facilities.counts.manholes!;
      for (let i = 0; i < n; i += 40) {
        const d = m.describeFacility('manholes', i)!;
        if (d.status !== 'normal') continue;
        const [[x, y]] = m.project([[d.lon, d.lat]]).deck as [[number, number]];
        if (!(x > 100 && y > 100 && x < 1180 && y < 700)) continue;
        if (pings.some(([px, py]) => Math.hypot(px - x, py - y) < 40)) continue;
        rows.push({ index: i, id: d.id, x, y });
      }
      return rows;
    });
    expect(candidates.length).toBeGreaterThan(20);
    const ring = (c: { x: number; y: number }) => ({ x: Math.floor(c.x) - 3, y: Math.floor(c.y) - 3, width: 7, height: 7 });
    // The first candidate with no red around it whose own pixel picks it (no closer facility there).
    let chosen: (typeof candidates)[number] | undefined;
    for (const c of candidates) {
      if (countPixels(before, ring(c), red) > 0) continue;
      // Visible, not behind a white-box building (facilities are depth-tested against them): a facility hue there.
      if (countPixels(before, { x: Math.floor(c.x) - 1, y: Math.floor(c.y) - 1, width: 3, height: 3 }, isFacilityNormal) === 0) continue;
      const pick = await page.evaluate(([x, y]) => (window as unknown as HookWindow).__citywall!.map!.pickFacility(x, y), [Math.floor(c.x), Math.floor(c.y)] as const);
      if (pick?.kind === 'manholes' && pick.id === c.id) {
        chosen = c;
        break;
      }
    }
    expect(chosen, 'a visible manhole with no red around it that picks as itself').toBeDefined();
    const { id, x, y } = chosen!;

    const changed = await page.evaluate((i) => (window as unknown as HookWindow).__citywall!.map!.setFacilityStatusById('manholes', i, 1), id);
    expect(changed).toBe(true);
    // The ring pulses on the map's clock; any frame after the change shows red at and around the manhole.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await screenshot();
    writeFileSync(`${SHOTS}/map-facilities-alarm.png`, PNG.sync.write(after));
    const redAfter = countPixels(after, ring(chosen!), red);
    expect(redAfter, 'red at the manhole after the alarm').toBeGreaterThanOrEqual(5);
    // Everywhere else the picture is as before (one element changed, not the layer). Tolerance: the two frames
    // differed by 21 red pixels elsewhere once in CI (where, not established); the stats below are the
    // main proof that no layer was rebuilt.
    const all = { x: 0, y: 0, width: SIZE.width, height: SIZE.height };
    const around = { x: Math.floor(x) - 24, y: Math.floor(y) - 24, width: 49, height: 49 };
    const outside = (png: PNG) => countPixels(png, all, red) - countPixels(png, around, red);
    expect(Math.abs(outside(after) - outside(before)), 'red elsewhere unchanged').toBeLessThanOrEqual(40);

    const stats = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.facilities);
    expect(stats.rebuilds).toBe(0);
    expect(stats.partialUpdates).toBeGreaterThanOrEqual(1);

    const pick = await page.evaluate(([x0, y0]) => (window as unknown as HookWindow).__citywall!.map!.pickFacility(x0, y0), [Math.floor(x), Math.floor(y)] as const);
    expect(pick).toMatchObject({ kind: 'manholes', id, status: 'alarm' });
    expect(Math.abs(pick!.lon - 111.32)).toBeLessThan(0.2);
    expect(Math.abs(pick!.lat - 30.69)).toBeLessThan(0.2);
  });

  it('made no requests off the local host and logged no errors', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
