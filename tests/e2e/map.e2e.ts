/**
 * The wall map in a real browser (/map-harness.html, frozen data clock): Cesium and deck.gl both draw,
 * deck.gl lands on Cesium's pixels (≤ 2 px at three cameras), and nothing leaves the local host.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchBrowser, openPage, type PageWatch } from './browser';

const SIZE = { width: 1280, height: 800 };

/** City centre, the 13 unit label points, 高新区, the dams and the river's ends: 20 points. */
const POINTS: [number, number][] = [
  [111.29, 30.7], [111.285646, 30.710781], [111.361037, 30.644334], [111.268119, 30.693247], [111.43462, 30.530903],
  [111.32638, 30.770006], [111.640508, 31.060869], [110.746804, 31.348196], [110.977711, 30.825897],
  [111.207242, 30.472763], [111.07374, 30.156741], [111.450096, 30.378299], [111.788312, 30.821266],
  [111.76053, 30.42594], [111.345, 30.705], [111.005, 30.823], [111.278, 30.738], [110.44, 31.035],
  [112.01, 30.33], [111.45, 30.39],
];

interface MapHookShape {
  ready: boolean;
  cesiumFrames: number;
  deckFrames: number;
  project(points: [number, number][]): { cesium: [number, number][]; deck: [number, number][] };
  setCamera(view: unknown): Promise<void>;
}
type HookWindow = { __citywall?: { map?: MapHookShape; harness?: { pings: { lon: number; lat: number }[] } } };

let browser: Browser;
let page: Page;
let watch: PageWatch;

async function projectAll(points: [number, number][]) {
  return page.evaluate((pts) => (window as unknown as HookWindow).__citywall!.map!.project(pts), points);
}

function maxError(a: [number, number][], b: [number, number][]) {
  return Math.max(...a.map((p, i) => Math.hypot(p[0] - b[i]![0], p[1] - b[i]![1])));
}

async function screenshot(): Promise<PNG> {
  return PNG.sync.read(await page.screenshot({ type: 'png' }));
}

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (png.width * Math.round(y) + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, watch } = await openPage(browser, `${inject('baseUrl')}/map-harness.html?clock=frozen`, SIZE));
  await page.waitForFunction(() => (window as unknown as HookWindow).__citywall?.map?.ready === true, null, {
    timeout: 150_000,
    polling: 250,
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('wall map (harness)', () => {
  it('reports frames from both engines', async () => {
    const frames = await page.evaluate(() => {
      const m = (window as unknown as HookWindow).__citywall!.map!;
      return { cesium: m.cesiumFrames, deck: m.deckFrames };
    });
    expect(frames.cesium).toBeGreaterThan(0);
    expect(frames.deck).toBeGreaterThan(0);
  });

  it('Cesium drew the navy globe and the glowing cyan outlines; deck.gl drew the pings', async () => {
    const png = await screenshot();
    let globe = 0;
    let cyan = 0;
    let lit = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const [r, g, b] = pixel(png, x, y);
        if (r + g + b > 30) lit++;
        if (r < 20 && g < 40 && b >= 15 && b < 70 && b > r) globe++;
        if (r < 170 && g > 170 && b > 200 && g - r > 60) cyan++;
      }
    }
    const total = png.width * png.height;
    expect(lit / total).toBeGreaterThan(0.05);
    expect(globe / total).toBeGreaterThan(0.2);
    expect(cyan).toBeGreaterThan(2000);

    // Every frozen sample ping shows its channel colour (no hue the Cesium scene uses) around its pixel.
    const pings = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.harness!.pings);
    const { deck: at } = await projectAll(pings.map((p) => [p.lon, p.lat]));
    let found = 0;
    for (const [px, py] of at) {
      if (!(px > 8 && py > 8 && px < png.width - 8 && py < png.height - 8)) continue;
      let hit = false;
      for (let dy = -4; dy <= 4 && !hit; dy++) {
        for (let dx = -4; dx <= 4 && !hit; dx++) {
          const [r, g, b] = pixel(png, px + dx, py + dy);
          // warm (orange/red/yellow/magenta) or the inspectors' green: r or g high, b low-ish vs them
          hit = (r > 200 && b < 160 && r - b > 80) || (g > 200 && r < 140 && b < 160);
        }
      }
      if (hit) found++;
    }
    expect(found).toBeGreaterThanOrEqual(Math.min(10, at.length));
  });

  it('puts the same lon/lat on the same pixel in Cesium and deck.gl (≤ 2 px) at three cameras', async () => {
    const cameras: unknown[] = [
      'home',
      { lon: 111.29, lat: 30.7, range: 260_000, pitchDeg: -90 },
      { lon: 111.33, lat: 30.66, range: 40_000, pitchDeg: -40, headingDeg: 30 },
    ];
    const errors: number[] = [];
    for (const cam of cameras) {
      await page.evaluate((c) => (window as unknown as HookWindow).__citywall!.map!.setCamera(c), cam);
      const { cesium, deck } = await projectAll(POINTS);
      // Only points Cesium itself puts on screen can be compared (the close view sees a few).
      const onScreen = cesium
        .map((p, i) => [p, deck[i]!] as const)
        .filter(([p]) => Number.isFinite(p[0]) && p[0] >= 0 && p[1] >= 0 && p[0] <= SIZE.width && p[1] <= SIZE.height);
      expect(onScreen.length).toBeGreaterThan(cam === 'home' ? 19 : 2);
      errors.push(maxError(onScreen.map(([c]) => c), onScreen.map(([, d]) => d)));
    }
    console.info(`map projection agreement, max px per camera: ${errors.map((e) => e.toFixed(4)).join(', ')}`);
    for (const e of errors) expect(e).toBeLessThanOrEqual(2);
    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.setCamera('home'));
  });

  it('draws deck.gl dots on the pixels where Cesium projects their lon/lat (rendered, ≤ 2 px)', async () => {
    const png = await screenshot();
    const { pings, colors } = await page.evaluate(() => {
      const w = window as unknown as HookWindow & { __citywall: { harness: { channelColors: Record<string, number[]> } } };
      return { pings: w.__citywall.harness!.pings as { lon: number; lat: number; channel: string }[], colors: w.__citywall.harness.channelColors };
    });
    const { cesium } = await projectAll(pings.map((p) => [p.lon, p.lat]));
    const errors: number[] = [];
    cesium.forEach(([cx, cy], i) => {
      // Skip dots that are off screen or crowd another dot (the city centre cluster).
      if (!(cx > 10 && cy > 10 && cx < png.width - 10 && cy < png.height - 10)) return;
      if (cesium.some(([ox, oy], j) => j !== i && Math.hypot(ox - cx, oy - cy) < 24)) return;
      const [R, G, B] = colors[pings[i]!.channel]!;
      let sx = 0;
      let sy = 0;
      let n = 0;
      for (let y = Math.round(cy) - 7; y <= Math.round(cy) + 7; y++) {
        for (let x = Math.round(cx) - 7; x <= Math.round(cx) + 7; x++) {
          const [r, g, b] = pixel(png, x, y);
          if (Math.abs(r - R!) + Math.abs(g - G!) + Math.abs(b - B!) < 40) {
            sx += x;
            sy += y;
            n++;
          }
        }
      }
      // Pixel (x, y) covers [x, x+1) × [y, y+1): its centre is at +0.5 in window coordinates.
      if (n >= 20) errors.push(Math.hypot(sx / n + 0.5 - cx, sy / n + 0.5 - cy));
    });
    console.info(`rendered dot centroid vs Cesium projection, px: ${errors.map((e) => e.toFixed(2)).join(', ')}`);
    expect(errors.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...errors)).toBeLessThanOrEqual(2);
  });

  it('follows a resize of its box and stays locked', async () => {
    await page.setViewportSize({ width: 900, height: 900 });
    const before = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.cesiumFrames);
    await page.waitForFunction(
      (n) => {
        const m = (window as unknown as HookWindow).__citywall!.map!;
        const c = document.querySelector('.wall-map__deck') as HTMLCanvasElement | null;
        return m.cesiumFrames > n && c?.width === 900 && c.height === 900;
      },
      before,
      { timeout: 60_000, polling: 200 },
    );
    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.setCamera('home'));
    const { cesium, deck } = await projectAll(POINTS);
    // The home view re-fits the new box: every point is on screen, and the engines agree.
    expect(cesium.every(([x, y]) => x >= 0 && y >= 0 && x <= 900 && y <= 900)).toBe(true);
    expect(maxError(cesium, deck)).toBeLessThanOrEqual(2);
    await page.setViewportSize(SIZE);
  });

  it('made no requests off the local host and logged no errors', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
