/**
 * The built demo wall in real headless Chromium: it draws (checked by pixels), its figures move with the
 * replay, Chinese renders in the shipped font, it stays on the local host without console errors, it fits
 * at 1920x1080 and 7680x2160 (screenshots saved under test-results/screenshots/), and it survives a
 * corrupted recording and hostile citizen text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, type PageWatch } from './browser';
import { countPixels, decodePng, distinctColours, isCyan, type Rect } from './pixels';
import { findOverflow } from './layout-checks';

const SHOTS = 'test-results/screenshots';
const RECORDING = readFileSync('public/recordings/yichang-demo.ndjson', 'utf8');

interface Figures {
  casesToday: number;
  cumulativeHandled: number;
  clock: number | null;
  healthRejected: number;
}
interface HookWindow {
  __citywall?: {
    wall?: { panelsRendered: number; panelsTotal: number; firstCompleteFrame?: number; stores(): Figures };
    map?: { ready: boolean; deckFrames: number; cesiumFrames: number };
    source?: { seek(t: number): void; pause(): void; play(): void; getState(): { clock: { startTime: number; currentTime: number } } };
  };
  __pwned?: unknown;
}

/** Wait until the map has drawn with its tiles loaded and every panel has drawn its first data. */
async function waitForCompleteFrame(page: Page) {
  await page.waitForFunction(
    () => {
      const h = (window as unknown as HookWindow).__citywall;
      return h?.map?.ready === true && h.wall !== undefined && h.wall.firstCompleteFrame !== undefined;
    },
    null,
    { timeout: 170_000, polling: 250 },
  );
}

function figures(page: Page): Promise<Figures> {
  return page.evaluate(() => (window as unknown as HookWindow).__citywall!.wall!.stores());
}

async function rectOf(page: Page, testid: string): Promise<Rect> {
  const box = await page.getByTestId(testid).first().boundingBox();
  if (!box) throw new Error(`${testid} has no box`);
  return box;
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the demo wall at 1920x1080', () => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    ({ context, page, watch } = await openPage(browser, `${inject('baseUrl')}/`, { width: 1920, height: 1080 }));
    await waitForCompleteFrame(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows the platform name, the data clock and the DEMO mark', async () => {
    await expect.poll(() => page.getByTestId('platform-name').textContent()).toBe('宜昌市城市运行管理服务平台');
    expect(await page.getByTestId('demo-mark').isVisible()).toBe(true);
    const demo = await rectOf(page, 'demo-mark');
    expect(demo.x + demo.width).toBeLessThanOrEqual(1920);
    expect(await page.getByTestId('clock-time').textContent()).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  });

  it('draws every panel (pixels, not trust)', async () => {
    const png = decodePng(await page.screenshot());
    const total = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.wall!.panelsTotal);
    const panels = await page.locator('[data-testid^="panel-"]').all();
    expect(panels.length).toBe(total);
    for (const panel of panels) {
      const box = (await panel.boundingBox())!;
      const id = await panel.getAttribute('data-testid');
      // A drawn chart or figure block has many colours; an empty frame on a flat ground has a handful.
      expect(distinctColours(decodePng(await page.screenshot({ clip: box })), { x: 0, y: 0, width: box.width, height: box.height }), `${id} drew`).toBeGreaterThan(40);
      expect(countPixels(png, box, (r, g, b) => r + g + b > 360), `${id} has bright text or marks`).toBeGreaterThan(200);
    }
  });

  it('the Cesium globe drew the glowing unit outlines in the map', async () => {
    const map = await rectOf(page, 'map-slot');
    const png = decodePng(await page.screenshot());
    expect(countPixels(png, map, isCyan)).toBeGreaterThan(1500);
    const frames = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.cesiumFrames);
    expect(frames).toBeGreaterThan(0);
  });

  it('panel figures change as the replay advances', async () => {
    const before = await figures(page);
    const shownBefore = await page.getByTestId('figure-kpis').first().getAttribute('data-value');
    expect(Number(shownBefore)).toBe(before.casesToday);
    // Jump 20 minutes on: a seek rebuilds the state as of then; cases arrive through the recording.
    await page.evaluate(() => {
      const src = (window as unknown as HookWindow).__citywall!.source!;
      const { clock } = src.getState();
      src.seek(clock.startTime + 20 * 60_000);
    });
    await expect.poll(async () => (await figures(page)).casesToday, { timeout: 20_000 }).toBeGreaterThan(before.casesToday);
    const after = await figures(page);
    expect(after.clock!).toBeGreaterThanOrEqual(before.clock! + 15 * 60_000);
    await expect.poll(async () => Number(await page.getByTestId('figure-kpis').first().getAttribute('data-value')), { timeout: 20_000 }).toBe(
      (await figures(page)).casesToday,
    );
    // And it keeps moving by itself: the data clock advances while we watch.
    const t0 = (await figures(page)).clock!;
    await expect.poll(async () => (await figures(page)).clock!, { timeout: 20_000 }).toBeGreaterThan(t0);
  });

  it('the deck.gl layer drew case pings over the map, by itself (Cesium hidden)', async () => {
    // After the seek above, the cases discovered in the last ten minutes of data show as pings.
    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.source!.pause());
    const map = await rectOf(page, 'map-slot');
    const whole = { x: 0, y: 0, width: map.width, height: map.height };
    const withGlobe = decodePng(await page.screenshot({ clip: map }));
    await page.addStyleTag({ content: '.cesium-widget canvas { visibility: hidden !important; }' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const deckOnly = decodePng(await page.screenshot({ clip: map }));
    await page.addStyleTag({ content: '.cesium-widget canvas { visibility: visible !important; }' });
    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.source!.play());
    // Dozens of 6 px dots in channel colours remain; the globe's glowing outlines are gone.
    const lit = (r: number, g: number, b: number) => r + g + b > 200;
    expect(countPixels(deckOnly, whole, lit)).toBeGreaterThan(300);
    expect(countPixels(deckOnly, whole, isCyan)).toBeLessThan(countPixels(withGlobe, whole, isCyan) / 4);
    expect(await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.deckFrames)).toBeGreaterThan(0);
  });

  it('renders Chinese in the shipped Noto Sans SC font, not a system fallback', async () => {
    const result = await page.evaluate(async () => {
      const family = '"Noto Sans SC"';
      await document.fonts.load(`48px ${family}`, '宜昌市城市运行');
      const draw = (font: string) => {
        const c = document.createElement('canvas');
        c.width = 400;
        c.height = 80;
        const g = c.getContext('2d')!;
        g.fillStyle = '#fff';
        g.font = font;
        g.fillText('宜昌市城市运行', 4, 60);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i]! > 128) ink++;
        return { ink, url: c.toDataURL() };
      };
      const shipped = draw(`48px ${family}`);
      const fallback = draw('48px citywall-no-such-font');
      const faces = Array.from(document.fonts).filter((f) => f.family.replace(/"/g, '') === 'Noto Sans SC' && f.status === 'loaded').length;
      return { check: document.fonts.check(`48px ${family}`, '宜昌'), shippedInk: shipped.ink, same: shipped.url === fallback.url, faces, titleFont: getComputedStyle(document.querySelector('[data-testid="platform-name"]')!).fontFamily };
    });
    expect(result.check).toBe(true);
    expect(result.faces).toBeGreaterThan(0);
    expect(result.shippedInk).toBeGreaterThan(1500);
    expect(result.same).toBe(false);
    expect(result.titleFont).toContain('Noto Sans SC');
    const fontRequests = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /noto-sans-sc.*\.woff2/.test(n)));
    expect(fontRequests.length).toBeGreaterThan(0);
    for (const url of fontRequests) expect(new URL(url).hostname).toBe('127.0.0.1');
  });

  it('fits the window with nothing cut, and saves its screenshot', async () => {
    expect(await findOverflow(page)).toEqual([]);
    writeFileSync(`${SHOTS}/wall-1920x1080.png`, await page.screenshot());
  });

  it('made no request to any non-local host and logged no error', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});

describe('the demo wall on a 7680x2160 LED wall', () => {
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    ({ context, page, watch } = await openPage(browser, `${inject('baseUrl')}/?seek=12`, { width: 7680, height: 2160 }));
    await waitForCompleteFrame(page);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('uses the width (wider layout, not letterboxed) and nothing overflows', async () => {
    const stage = await rectOf(page, 'stage');
    expect(stage.width).toBeGreaterThan(7600);
    expect(stage.height).toBeGreaterThan(2100);
    expect(await findOverflow(page)).toEqual([]);
    const png = decodePng(await page.screenshot());
    for (const panel of await page.locator('[data-testid^="panel-"]').all()) {
      const box = (await panel.boundingBox())!;
      expect(countPixels(png, box, (r, g, b) => r + g + b > 360)).toBeGreaterThan(400);
    }
    expect(countPixels(png, await rectOf(page, 'map-slot'), isCyan)).toBeGreaterThan(3000);
    expect(await page.getByTestId('demo-mark').isVisible()).toBe(true);
    writeFileSync(`${SHOTS}/wall-7680x2160.png`, await page.screenshot());
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});

describe('bad input', () => {
  let context: BrowserContext | undefined;
  afterAll(async () => {
    await context?.close();
  });

  it('a recording with corrupted lines keeps playing while the health indicator counts them', async () => {
    const lines = RECORDING.split('\n');
    lines[3] = '{"t":1000,"topic":"case.event","payload":{"caseId":42}}';
    lines[7] = 'this is not JSON {';
    lines[12] = `{"t":2000,"topic":"no.such.topic","payload":{}}`;
    const opened = await openPage(browser, 'about:blank', { width: 1920, height: 1080 });
    context = opened.context;
    const { page, watch } = opened;
    await page.route((url) => url.pathname === '/recordings/corrupt.ndjson', (route) => route.fulfill({ status: 200, contentType: 'application/x-ndjson', body: lines.join('\n') }));
    await page.goto(`${inject('baseUrl')}/?recording=/recordings/corrupt.ndjson&speed=32`);
    await waitForCompleteFrame(page);
    await expect.poll(() => page.getByTestId('health').getAttribute('data-rejected'), { timeout: 20_000 }).toBe('3');
    expect(await page.getByTestId('health').textContent()).toContain('3');
    const before = await figures(page);
    expect(before.healthRejected).toBe(3);
    await expect.poll(async () => (await figures(page)).casesToday, { timeout: 60_000 }).toBeGreaterThan(before.casesToday);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
    context = undefined;
  });

  it('hostile citizen text reaches the wall as inert text', async () => {
    const lines = RECORDING.split('\n');
    const i = lines.findIndex((l) => l.includes('"topic":"case.event"') && l.includes('"stage":"discover"'));
    const line = JSON.parse(lines[i]!) as { t: number; payload: Record<string, unknown> };
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>&amp; 井盖破损';
    line.payload = { ...line.payload, caseId: 'YC-HOSTILE-1', description: hostile, address: '<b>解放路</b>' };
    lines.splice(i + 1, 0, JSON.stringify(line));
    const opened = await openPage(browser, 'about:blank', { width: 1920, height: 1080 });
    context = opened.context;
    const { page, watch } = opened;
    await page.route((url) => url.pathname === '/recordings/hostile.ndjson', (route) => route.fulfill({ status: 200, contentType: 'application/x-ndjson', body: lines.join('\n') }));
    await page.goto(`${inject('baseUrl')}/?recording=/recordings/hostile.ndjson`);
    await waitForCompleteFrame(page);
    const item = page.getByTestId('ticker-item').filter({ hasText: 'onerror' }).first();
    await item.waitFor({ state: 'attached', timeout: 60_000 });
    expect(await item.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await item.textContent()).toContain('<b>解放路</b>');
    expect(await page.locator('[data-testid="ticker"] img, [data-testid="ticker"] script, [data-testid="ticker"] b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as HookWindow).__pwned)).toBeUndefined();
    expect(watch.pageErrors).toEqual([]);
  });
});
