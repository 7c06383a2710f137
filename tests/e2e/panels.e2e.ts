/**
 * The panel library in real headless Chromium, over the gallery page (panel-gallery.html: every kind with
 * fixture data in a box of its registry minHeight): every panel draws (pixels), labels are ≥ 24 and key
 * figures ≥ 48 wall units, no text leaves its panel or is cut without an ellipsis, hostile text stays
 * literal text, the tooltip carousel steps, the info line appears on demand, big figures land exactly.
 * Screenshots go to test-results/screenshots/panels-*.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, type PageWatch } from './browser';
import { countPixels, decodePng, distinctColours } from './pixels';

const SHOTS = 'test-results/screenshots';
const HOSTILE = '<img src=x onerror="window.__pwned=1">{a|x}';
const PAGE_A = ['figures', 'pie', 'funnel', 'series', 'gauge', 'gaugeSet', 'calendar', 'table', 'alarms'];
const PAGE_B = ['suggestions', 'docList', 'ranking', 'rose', 'trend', 'rates', 'systems', 'volumes', 'kpi', 'stageFlow'];

interface Motion {
  step(): number;
  position(): number;
}
interface GalleryWindow {
  __citywall?: {
    gallery?: { boxes: { id: string; kind: string }[]; state: { rendered: string[] }; setData(id: string, v: unknown): void; infoMode(on: boolean): void };
    panels?: { carousel: Record<string, Motion>; scroll: Record<string, Motion> };
  };
  __pwned?: unknown;
}

let browser: Browser;
const opened: BrowserContext[] = [];

async function openGallery(query: string, size = { width: 1920, height: 1080 }): Promise<{ page: Page; watch: PageWatch }> {
  const { context, page, watch } = await openPage(browser, `${inject('baseUrl')}/panel-gallery.html?still=1&${query}`, size);
  opened.push(context);
  await page.waitForFunction(
    () => {
      const g = (window as unknown as GalleryWindow).__citywall?.gallery;
      return !!g && g.state.rendered.length === g.boxes.length;
    },
    null,
    { timeout: 60_000, polling: 100 },
  );
  // Let first-draw animations (ECharts 1 s, counting 0.9 s) finish: wait until the SVG and text stop changing.
  await page.waitForFunction(
    async () => {
      const snap = () => Array.from(document.querySelectorAll('svg')).map((s) => s.innerHTML).join('|') + document.body.innerText;
      const a = snap();
      await new Promise((r) => setTimeout(r, 300));
      return snap() === a;
    },
    null,
    { timeout: 30_000, polling: 200 },
  );
  return { page, watch };
}

/** Text problems inside every gallery box (see the checks below). */
function textAudit(page: Page) {
  return page.evaluate(() => {
    const small: string[] = [];
    const smallFigures: string[] = [];
    const outside: string[] = [];
    const cut: string[] = [];
    let texts = 0;
    const visibleIn = (el: Element, r: DOMRect): boolean => {
      // Fully clipped by an overflow-hidden ancestor (a row waiting below a scrolling list) is not shown.
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflow === 'hidden' || s.overflowY === 'hidden') {
          const c = a.getBoundingClientRect();
          if (r.bottom <= c.top + 1 || r.top >= c.bottom - 1 || r.right <= c.left + 1 || r.left >= c.right - 1) return false;
        }
      }
      return true;
    };
    for (const box of Array.from(document.querySelectorAll('[data-testid^="box-"]'))) {
      const b = box.getBoundingClientRect();
      const id = box.getAttribute('data-testid')!;
      for (const el of Array.from(box.querySelectorAll('*'))) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 0);
        if (!own) continue;
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
        if (!visibleIn(el, r)) continue;
        texts++;
        const size = parseFloat(style.fontSize);
        const what = `${id} ${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').slice(0, 30)} "${(el.textContent ?? '').trim().slice(0, 16)}"`;
        if (size < 24 - 0.01) small.push(`${what} ${size}px`);
        const tid = el.getAttribute('data-testid') ?? '';
        if (/^(figure-|kpi-|gauge-|stage-)/.test(tid) && size < 48 - 0.01) smallFigures.push(`${what} ${size}px`);
        if (r.left < b.left - 1 || r.top < b.top - 1 || r.right > b.right + 1 || r.bottom > b.bottom + 1) {
          // SVG text is clipped by its chart; a tooltip is confined to it.
          outside.push(`${what} ${JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round))} box ${JSON.stringify([b.left, b.top, b.right, b.bottom].map(Math.round))}`);
        }
        const he = el as HTMLElement;
        if (!(el instanceof SVGElement) && he.scrollWidth > he.clientWidth + 1 && style.overflow !== 'visible' && style.textOverflow !== 'ellipsis') {
          cut.push(`${what} ${he.scrollWidth}>${he.clientWidth}`);
        }
        if (!(el instanceof SVGElement) && he.childElementCount === 0 && style.overflow === 'visible' && el.parentElement) {
          // Text that is wider than its own box spills out of it.
          if (he.scrollWidth > he.clientWidth + 1 && style.display !== 'inline') cut.push(`${what} spills ${he.scrollWidth}>${he.clientWidth}`);
        }
      }
    }
    return { texts, small, smallFigures, outside, cut };
  });
}

async function shot(page: Page, name: string) {
  const buf = await page.screenshot();
  writeFileSync(`${SHOTS}/panels-${name}.png`, buf);
  return decodePng(buf);
}

async function boxRects(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid^="box-"]')).map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-testid')!.slice(4), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of opened) await c.close();
  await browser?.close();
});

describe.each([
  ['a', PAGE_A],
  ['b', PAGE_B],
])('gallery page %s at 1920x1080', (name, kinds) => {
  let page: Page;
  let watch: PageWatch;
  beforeAll(async () => {
    ({ page, watch } = await openGallery(`kinds=${kinds.join(',')}`));
  });

  it('every panel draws: data shown, ink in its body, charts have shapes', async () => {
    const png = await shot(page, name);
    const rects = await boxRects(page);
    expect(rects.map((r) => r.id).sort()).toEqual(kinds.map((k) => `g-${k}`).sort());
    for (const r of rects) {
      const body = { x: r.x + 4, y: r.y + 64, width: r.width - 8, height: r.height - 68 };
      // Background is navy (r,g,b all dark); text, bars and arcs are bright.
      const ink = countPixels(png, body, (red, g, b) => red + g + b > 260);
      expect(ink, `${r.id} ink`).toBeGreaterThan(body.width * body.height * 0.01);
      expect(distinctColours(png, body), `${r.id} colours`).toBeGreaterThan(12);
    }
    const waiting = await page.locator('.panel__waiting').count();
    expect(waiting).toBe(0);
    const emptyCharts = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid^="box-"] svg'))
        .filter((s) => s.closest('.wall-chart') && s.querySelectorAll('path').length === 0)
        .map((s) => s.closest('[data-testid^="box-"]')!.getAttribute('data-testid')),
    );
    expect(emptyCharts).toEqual([]);
  });

  it('labels ≥ 24, figures ≥ 48; no text outside its panel or cut without an ellipsis', async () => {
    const audit = await textAudit(page);
    expect(audit.texts).toBeGreaterThan(kinds.length * 3);
    expect(audit.small).toEqual([]);
    expect(audit.smallFigures).toEqual([]);
    expect(audit.outside).toEqual([]);
    expect(audit.cut).toEqual([]);
    // Every figure test id of these kinds actually exists (the figure check above is not vacuous).
    const figures = await page.locator('[data-testid^="figure-"]').count();
    expect(figures).toBeGreaterThanOrEqual(kinds.length - 1);
  });

  it('stays local and error-free; hostile text never ran', async () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as GalleryWindow).__pwned)).toBeUndefined();
    expect(await page.locator('[data-testid^="box-"] img').count()).toBe(0);
  });
});

describe('gallery page a: behaviour', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openGallery(`kinds=${PAGE_A.join(',')}`));
  });

  const step = (kind: 'carousel' | 'scroll', id: string) => page.evaluate(([k, i]) => (window as unknown as GalleryWindow).__citywall!.panels![k]![i]!.step(), [kind, id] as const);
  const tooltipText = (box: string) => page.evaluate((b) => document.querySelector(`[data-testid="box-${b}"] [data-testid="chart-tooltip"]`)?.textContent ?? '', box);

  it('untrusted strings show as literal text in the table, alarm list and a tooltip', async () => {
    // Table and alarms may have to scroll the hostile row into view: step until it is shown.
    for (const [box, kind] of [
      ['g-table', 'table'],
      ['g-alarms', 'alarms'],
    ] as const) {
      let found = false;
      for (let i = 0; i < 20 && !found; i++) {
        found = await page.evaluate(([b, h]) => (document.querySelector(`[data-testid="box-${b}"] .panel__body`)?.textContent ?? '').includes(h), [box, HOSTILE] as const);
        if (!found) await step('scroll', box);
      }
      expect(found, kind).toBe(true);
    }
    // The pie's first slice is named with the hostile string: its tooltip shows it as text.
    let pos = -1;
    for (let i = 0; i < 30 && pos !== 0; i++) pos = await step('carousel', 'g-pie');
    expect(pos).toBe(0);
    await page.waitForFunction(() => (document.querySelector('[data-testid="box-g-pie"] [data-testid="chart-tooltip"]')?.textContent ?? '').startsWith('<img src=x'), null, { timeout: 10_000 });
    expect(await tooltipText('g-pie')).toContain('<img src=x onerror=');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as GalleryWindow).__pwned)).toBeUndefined();
  });

  it('the tooltip carousel steps to a different point, with a legible tooltip inside the chart', async () => {
    const x = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      const at = await step('carousel', 'g-series');
      expect(at).toBeGreaterThanOrEqual(0);
      await page.waitForFunction((t) => (document.querySelector('[data-testid="box-g-series"] [data-testid="chart-tooltip"]')?.textContent ?? '').startsWith(t), x[at]!, { timeout: 10_000 });
      seen.push(await tooltipText('g-series'));
    }
    expect(seen[0]).not.toBe(seen[1]);
    const tip = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="box-g-series"] [data-testid="chart-tooltip"]')!;
      const box = document.querySelector('[data-testid="box-g-series"]')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return { size: parseFloat(getComputedStyle(el).fontSize), inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 };
    });
    expect(tip.size).toBeGreaterThanOrEqual(24);
    expect(tip.inside).toBe(true);
  });

  it('the info line appears only in info mode, naming source and as-of time', async () => {
    expect(await page.locator('[data-testid="panel-info"]').count()).toBe(0);
    await page.evaluate(() => (window as unknown as GalleryWindow).__citywall!.gallery!.infoMode(true));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="panel-info"]').length === n, PAGE_A.length, { timeout: 5_000 });
    const lines = await page.locator('[data-testid="panel-info"]').allTextContents();
    expect(new Set(lines)).toEqual(new Set(['来源 数字城管系统 · 截至 09:41']));
    const audit = await textAudit(page);
    expect(audit.small).toEqual([]);
    expect(audit.outside).toEqual([]);
    await page.evaluate(() => (window as unknown as GalleryWindow).__citywall!.gallery!.infoMode(false));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="panel-info"]').length === 0, null, { timeout: 5_000 });
  });

  it('a big figure counts to a new value and lands exactly on it', async () => {
    await page.evaluate(() =>
      (window as unknown as GalleryWindow).__citywall!.gallery!.setData('g-figures', [
        { id: 'today', label: '今日案件', unit: '件', value: 4321, decimals: 0, tone: 'normal' },
        { id: 'handled', label: '累计办结', unit: '万件', value: 87.13, decimals: 2, tone: 'normal' },
      ]),
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid="figure-g-figures"]')?.textContent === '4,321' && document.querySelector('[data-testid="kpi-handled"]')?.textContent === '87.13',
      null,
      { timeout: 10_000 },
    );
  });

  it('a long list scrolls by one row per step', async () => {
    const first = () => page.evaluate(() => document.querySelector('[data-testid="box-g-table"] [data-testid="table-row"]')?.textContent ?? '');
    const a = await first();
    const p0 = await page.evaluate(() => (window as unknown as GalleryWindow).__citywall!.panels!.scroll['g-table']!.position());
    const p1 = await step('scroll', 'g-table');
    expect(p1).toBe((p0 + 1) % 15);
    await page.waitForFunction((prev) => (document.querySelector('[data-testid="box-g-table"] [data-testid="table-row"]')?.textContent ?? '') !== prev, a, { timeout: 5_000 });
  });
});

describe('wide strips on a 2160-high wall (stage scale 2)', () => {
  it('series, gauge set and table as full-width strips draw and stay legible', async () => {
    const { page, watch } = await openGallery('wide=1&scale=2&kinds=series,gaugeSet,table', { width: 3840, height: 2160 });
    const png = await shot(page, 'wide');
    for (const r of await boxRects(page)) {
      expect(r.width, r.id).toBeGreaterThan(3700);
      const body = { x: r.x + 8, y: r.y + 128, width: r.width - 16, height: r.height - 136 };
      expect(countPixels(png, body, (red, g, b) => red + g + b > 260), r.id).toBeGreaterThan(body.width * body.height * 0.01);
    }
    const audit = await textAudit(page);
    expect(audit.small).toEqual([]);
    expect(audit.smallFigures).toEqual([]);
    expect(audit.outside).toEqual([]);
    expect(audit.cut).toEqual([]);
    // Six dials fit side by side in a strip: the gauge set is one row.
    const tops = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="box-g-gaugeSet"] .dial')).map((d) => Math.round(d.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(watch.pageErrors).toEqual([]);
  });
});
