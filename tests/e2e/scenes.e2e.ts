/**
 * Scene switching on the built wall in real headless Chromium: keys switch scenes and the title, the map
 * is the same Cesium/deck.gl pair throughout (same canvas nodes, no new WebGL context), the map shows each
 * scene's layers and point layers in the map box of its layout, the panel area is never empty during a
 * switch, and 48 switches through every scene of SCENE_LIST leave the JS heap within a stated bound.
 *
 * No timing: every wait is for a condition (`__citywall.scenes.whenComplete`). Needs at least two scenes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser, watchPage, type PageWatch } from './browser';

/** Built-in map layers (src/map/wall-map.ts MAP_LAYERS). */
const MAP_LAYERS = ['boundaries', 'river', 'case-density', 'case-pings'];
const TOTAL_SWITCHES = 48;
/**
 * Heap bound after all switches, against the heap after the first waited round (both after a forced GC,
 * replay paused): at most HEAP_GROWTH × that plus HEAP_SLACK_MB. One leaked Cesium widget + Deck per switch,
 * or one scene's panels (ECharts instances) per switch, would exceed it many times over at 48 switches.
 */
const HEAP_GROWTH = 1.2;
const HEAP_SLACK_MB = 8;

interface SceneSummary {
  id: string;
  title: string;
  layers: string[];
  points: string[];
  panels: string[];
}
interface Completion {
  id: string;
  seq: number;
  at: number;
  ms: number;
}
interface HookWindow {
  __citywall?: {
    scenes?: {
      list: string[];
      specs: SceneSummary[];
      current: string;
      switchCount: number;
      panelInfo: boolean;
      goTo(id: string): boolean;
      next(): string;
      whenComplete(id?: string): Promise<Completion>;
    };
    map?: { layers: string[]; pointLayers: { id: string }[]; flying: boolean };
    source?: { pause(): void };
  };
  __citywallGl?: { contexts: number };
  __citywallPanels?: { firstAt: number | null; emptyAfterFirst: number; samples: number };
  __mapNodes?: Element[];
  __mapHook?: unknown;
}

/**
 * Injected before any page script: counts getContext calls for a WebGL context that returned a context
 * not returned before (a second getContext on the same canvas returns the same object and is not new).
 */
const COUNT_GL_CONTEXTS = `(() => {
  const seen = new WeakSet();
  const counter = (window.__citywallGl = { contexts: 0 });
  const wrap = (proto) => {
    const original = proto.getContext;
    proto.getContext = function (type, ...rest) {
      const ctx = original.call(this, type, ...rest);
      if (ctx && /^(webgl|webgl2|experimental-webgl)$/.test(String(type)) && !seen.has(ctx)) {
        seen.add(ctx);
        counter.contexts += 1;
      }
      return ctx;
    };
  };
  wrap(HTMLCanvasElement.prototype);
  if (typeof OffscreenCanvas !== 'undefined') wrap(OffscreenCanvas.prototype);
})();`;

/**
 * Injected before any page script: after every DOM change, counts the panels in the panel layers that
 * are showing (an entering layer is transparent); records whether that count was ever 0 after the first
 * panel appeared. MutationObserver callbacks run between tasks, so this sees every state the page could
 * have painted.
 */
const WATCH_PANEL_AREA = `(() => {
  const state = (window.__citywallPanels = { firstAt: null, emptyAfterFirst: 0, samples: 0 });
  const count = () => document.querySelectorAll('[data-scene-layer]:not(.scene-panels--hidden) [data-testid^="panel-"]').length;
  new MutationObserver(() => {
    const n = count();
    state.samples += 1;
    if (n > 0 && state.firstAt === null) state.firstAt = performance.now();
    else if (n === 0 && state.firstAt !== null) state.emptyAfterFirst += 1;
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
})();`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;
let cdp: CDPSession;
let specs: SceneSummary[];

const hook = () => page.evaluate(() => {
  const s = (window as unknown as HookWindow).__citywall!.scenes!;
  return { current: s.current, switchCount: s.switchCount, panelInfo: s.panelInfo };
});
const contexts = () => page.evaluate(() => (window as unknown as HookWindow).__citywallGl!.contexts);
/** Waits until the wall shows the current switch complete (panels drawn, faded in; map settled). */
const whenComplete = (id?: string) =>
  page.evaluate((target) => (window as unknown as HookWindow).__citywall!.scenes!.whenComplete(target ?? undefined), id ?? null);
const specOf = (id: string) => {
  const s = specs.find((x) => x.id === id);
  if (!s) throw new Error(`no scene ${id}`);
  return s;
};

async function pressAndLand(key: string, expected: string): Promise<void> {
  await page.keyboard.press(key);
  expect((await hook()).current, `${key} → ${expected}`).toBe(expected);
  await whenComplete(expected);
  expect(await page.getByTestId('scene-title').textContent()).toBe(specOf(expected).title);
}

async function heapMb(): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Same canvas nodes inside the map as remembered by rememberMap(), and the same map hook object. */
function sameMap(): Promise<{ same: boolean; count: number; hookSame: boolean }> {
  return page.evaluate(() => {
    const w = window as unknown as HookWindow;
    const now = [...document.querySelectorAll('.wall-map canvas')];
    const before = w.__mapNodes ?? [];
    return { same: now.length === before.length && now.every((el, i) => el === before[i]), count: now.length, hookSame: w.__citywall?.map === w.__mapHook };
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  await context.addInitScript(COUNT_GL_CONTEXTS);
  await context.addInitScript(WATCH_PANEL_AREA);
  page = await context.newPage();
  watch = await watchPage(page);
  cdp = await context.newCDPSession(page);
  await page.goto(`${inject('baseUrl')}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as HookWindow).__citywall?.scenes !== undefined, null, { timeout: 60_000 });
  specs = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.scenes!.specs);
  await whenComplete(specs[0]!.id);
  await page.evaluate(() => {
    const w = window as unknown as HookWindow;
    w.__mapNodes = [...document.querySelectorAll('.wall-map canvas')];
    w.__mapHook = w.__citywall?.map;
  });
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('scene switching on the wall', () => {
  it('has at least two scenes to switch between, and opens on the first (the overview)', async () => {
    expect(specs.length, 'SCENE_LIST needs two scenes for these tests').toBeGreaterThanOrEqual(2);
    expect((await hook()).current).toBe(specs[0]!.id);
    expect(await page.getByTestId('scene-title').textContent()).toBe(specs[0]!.title);
  });

  it('switches by keys: → and PageDown forward, ← and PageUp back, digits to a position, Esc to the overview', async () => {
    const ids = specs.map((s) => s.id);
    const n = ids.length;
    const glBefore = await contexts();
    await pressAndLand('ArrowRight', ids[1 % n]!);
    await pressAndLand('PageDown', ids[2 % n]!);
    await pressAndLand('PageUp', ids[1 % n]!);
    await pressAndLand('ArrowLeft', ids[0]!);
    // ← on the first scene wraps to the last.
    await pressAndLand('ArrowLeft', ids[n - 1]!);
    await pressAndLand('1', ids[0]!);
    await pressAndLand('2', ids[1]!);
    if (n >= 10) await pressAndLand('0', ids[9]!);
    await pressAndLand('Escape', ids[0]!);
    // A digit past the end of the list is no switch.
    if (n < 9) {
      const before = (await hook()).switchCount;
      await page.keyboard.press(String(n + 1));
      expect((await hook()).switchCount).toBe(before);
    }
    const sm = await sameMap();
    expect(sm.count).toBeGreaterThanOrEqual(2);
    expect(sm.same, 'the same map canvases after switching').toBe(true);
    expect(sm.hookSame, 'the same map (hook object) after switching').toBe(true);
    expect(await contexts(), 'no new WebGL context').toBe(glBefore);
  });

  it('ignores auto-repeat and keys with modifiers; I toggles the panel info', async () => {
    const before = await hook();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+PageDown');
    await page.keyboard.press('Alt+2');
    await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', repeat: true, bubbles: true, cancelable: true })));
    const after = await hook();
    expect(after.switchCount).toBe(before.switchCount);
    expect(after.current).toBe(before.current);
    await page.keyboard.press('i');
    expect((await hook()).panelInfo).toBe(!before.panelInfo);
    await page.keyboard.press('I');
    expect((await hook()).panelInfo).toBe(before.panelInfo);
  });

  it('shows each scene with its map layers, point layers and panels, in its own map box', async () => {
    const glBefore = await contexts();
    for (const spec of specs) {
      await page.evaluate((id) => (window as unknown as HookWindow).__citywall!.scenes!.goTo(id), spec.id);
      await whenComplete(spec.id);
      const map = await page.evaluate(() => {
        const m = (window as unknown as HookWindow).__citywall!.map!;
        return { layers: m.layers, points: m.pointLayers.map((p) => p.id), flying: m.flying };
      });
      expect(map.layers, `${spec.id} map layers`).toEqual(MAP_LAYERS.filter((l) => spec.layers.includes(l)));
      expect(map.points, `${spec.id} point layers`).toEqual(spec.points);
      expect(map.flying).toBe(false);
      // Only this scene's panels are left once the switch is complete.
      const shown = await page.locator('[data-scene-layer] [data-testid^="panel-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(shown.sort(), `${spec.id} panels`).toEqual(spec.panels.map((p) => `panel-${p}`).sort());
      expect(await page.locator('[data-scene-layer]').count()).toBe(1);
      // The map fills the layout's map box (it resizes with the layout; it is never remounted).
      const slot = (await page.getByTestId('map-slot').boundingBox())!;
      const canvas = (await page.locator('.wall-map canvas').first().boundingBox())!;
      expect(Math.abs(canvas.width - slot.width)).toBeLessThanOrEqual(4);
      expect(Math.abs(canvas.height - slot.height)).toBeLessThanOrEqual(4);
    }
    expect((await sameMap()).same).toBe(true);
    expect(await contexts()).toBe(glBefore);
  });

  it(`keeps the heap bounded and the map unchanged over ${TOTAL_SWITCHES} switches through every scene, never emptying the panel area`, async () => {
    // Data stands still, so the heap measures switching, not the replay's growing history.
    await page.evaluate(() => (window as unknown as HookWindow).__citywall!.source!.pause());
    const ids = specs.map((s) => s.id);
    const glBefore = await contexts();
    const startCount = (await hook()).switchCount;

    // Round 1, waited: every scene once (back to the first at the end), each switch complete.
    for (const id of [...ids.slice(1), ids[0]!]) {
      await page.evaluate((x) => (window as unknown as HookWindow).__citywall!.scenes!.goTo(x), id);
      await whenComplete(id);
    }
    const heapAfterFirstRound = await heapMb();

    // The rest but a final waited round, fast: one switch per animation frame, without waiting for panels
    // or flights (each new switch replaces an unseen layer; flights turn into jumps).
    const done = (await hook()).switchCount - startCount;
    const fast = TOTAL_SWITCHES - done - ids.length;
    await page.evaluate(async (count) => {
      const s = (window as unknown as HookWindow).__citywall!.scenes!;
      for (let i = 0; i < count; i += 1) {
        s.next();
        await new Promise((r) => requestAnimationFrame(r));
      }
    }, fast);
    // Final round, waited again: every scene once more, each switch complete.
    for (let i = 0; i < ids.length; i += 1) {
      const id = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.scenes!.next());
      await whenComplete(id);
    }
    expect((await hook()).switchCount - startCount).toBe(TOTAL_SWITCHES);

    const heapAfter = await heapMb();
    const bound = heapAfterFirstRound * HEAP_GROWTH + HEAP_SLACK_MB;
    console.info(`heap after the first round ${heapAfterFirstRound.toFixed(1)} MB, after ${TOTAL_SWITCHES} switches ${heapAfter.toFixed(1)} MB (bound ${bound.toFixed(1)} MB)`);
    expect(heapAfter, `heap after ${TOTAL_SWITCHES} switches (MB) ≤ ${HEAP_GROWTH} × ${heapAfterFirstRound.toFixed(1)} + ${HEAP_SLACK_MB}`).toBeLessThanOrEqual(bound);

    expect(await contexts(), 'no new WebGL context').toBe(glBefore);
    expect((await sameMap()).same).toBe(true);
    const area = await page.evaluate(() => (window as unknown as HookWindow).__citywallPanels!);
    expect(area.firstAt).not.toBeNull();
    expect(area.samples).toBeGreaterThan(TOTAL_SWITCHES);
    expect(area.emptyAfterFirst, 'times the panel area was empty after the first panels appeared').toBe(0);
    expect(await page.locator('[data-scene-layer]').count()).toBe(1);
  }, 900_000);

  it('stays on the local host without page errors', () => {
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('the initial scene from the URL', () => {
  it('opens on ?scene=<id>, and on the overview with a console warning for an unknown id', async () => {
    const second = specs[1] ?? specs[0]!;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    try {
      const p = await ctx.newPage();
      await watchPage(p);
      await p.goto(`${inject('baseUrl')}/?scene=${second.id}`, { waitUntil: 'load' });
      await p.waitForFunction(() => (window as unknown as HookWindow).__citywall?.scenes !== undefined);
      expect(await p.evaluate(() => (window as unknown as HookWindow).__citywall!.scenes!.current)).toBe(second.id);
      await expect.poll(() => p.getByTestId('scene-title').textContent(), { timeout: 60_000 }).toBe(second.title);

      const warnings: string[] = [];
      p.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
      await p.goto(`${inject('baseUrl')}/?scene=no-such-scene`, { waitUntil: 'load' });
      await p.waitForFunction(() => (window as unknown as HookWindow).__citywall?.scenes !== undefined);
      expect(await p.evaluate(() => (window as unknown as HookWindow).__citywall!.scenes!.current)).toBe(specs[0]!.id);
      expect(warnings.some((w) => w.includes('no-such-scene'))).toBe(true);
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
