/**
 * Every scene of the library renders with its data on the built wall in real headless Chromium, at
 * 1920x1080 and at an LED wall's 7680x2160 (laid out at 7680x2160 CSS px, the LED wall's layout, and drawn
 * at device scale 0.5, so software WebGL and the pixel checks handle a quarter of its pixels and the file
 * stays within CI's budget): each panel has data (no "等待数据…", no stale mark at the
 * recording's start), each panel drew (pixels, not trust), no text sits outside its panel, nothing leaves
 * the window or is cut without an ellipsis, and the map's point layers drew on the map. Screenshots of
 * every scene land in test-results/screenshots/scenes/.
 *
 * One page per size; scenes are reached through the wall's own switching (the scenes hook) and every
 * check waits for the switch to complete, never for time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, type PageWatch } from './browser';
import { countPixels, decodePng, distinctColours } from './pixels';
import { findOverflow, findTextOutsidePanels } from './layout-checks';
import { SCENE_LIST } from '../../scenes';

const SHOTS = 'test-results/screenshots/scenes';

interface HookWindow {
  __citywall?: {
    scenes?: { goTo(id: string): boolean; whenComplete(id?: string): Promise<unknown>; current: string };
    map?: { pointLayers: { id: string }[] };
    source?: { pause(): void };
  };
}

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function showScene(page: Page, id: string): Promise<void> {
  await page.evaluate((target) => (window as unknown as HookWindow).__citywall!.scenes!.goTo(target), id);
  await page.evaluate((target) => (window as unknown as HookWindow).__citywall!.scenes!.whenComplete(target), id);
}

for (const size of [
  { width: 1920, height: 1080, label: '1920x1080', scale: 1, dsf: 1 },
  { width: 7680, height: 2160, label: '7680x2160', scale: 2, dsf: 0.5 },
]) {
  describe(`every scene at ${size.label}`, () => {
    let context: BrowserContext;
    let page: Page;
    let watch: PageWatch;

    beforeAll(async () => {
      ({ context, page, watch } = await openPage(browser, `${inject('baseUrl')}/`, { width: size.width, height: size.height }, size.dsf));
      await page.waitForFunction(() => (window as unknown as HookWindow).__citywall?.scenes !== undefined, null, { timeout: 120_000 });
      await page.evaluate(() => (window as unknown as HookWindow).__citywall!.scenes!.whenComplete());
      // Hold the data still so every scene is checked on the same data (the recording's first minutes).
      await page.evaluate(() => (window as unknown as HookWindow).__citywall!.source!.pause());
    }, 240_000);
    afterAll(async () => {
      await context?.close();
    });

    for (const scene of SCENE_LIST) {
      it(`${scene.id} (${scene.title}): every panel has data and drew, text stays in its panel, nothing overflows`, async () => {
        await showScene(page, scene.id);
        expect(await page.getByTestId('scene-title').textContent()).toBe(scene.title);

        const panels = page.locator('[data-scene-layer] [data-testid^="panel-"]');
        const ids = await panels.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
        expect(ids.sort()).toEqual(scene.panels.map((p) => `panel-${p.id}`).sort());
        expect(await page.locator('[data-scene-layer] .panel__waiting').count(), 'panels still waiting for data').toBe(0);
        expect(await page.locator('[data-scene-layer] [data-stale="true"]').count(), 'stale panels at the start of the recording').toBe(0);

        const shot = await page.screenshot();
        writeFileSync(`${SHOTS}/${scene.id}-${size.label}.png`, shot);
        const png = decodePng(shot);
        for (const panel of await panels.all()) {
          const box = (await panel.boundingBox())!;
          const id = await panel.getAttribute('data-testid');
          // CSS px → the screenshot's device px.
          const d = size.dsf;
          const rect = { x: Math.round(box.x * d), y: Math.round(box.y * d), width: Math.round(box.width * d), height: Math.round(box.height * d) };
          // A panel frame on a flat ground with a title has few colours and little bright ink; drawn
          // figures, charts, rows and anti-aliased CJK text give many of both.
          expect(distinctColours(png, rect), `${id} drew (colours)`).toBeGreaterThan(40);
          expect(countPixels(png, rect, (r, g, b) => r + g + b > 360), `${id} has bright text or marks`).toBeGreaterThan(200 * size.scale * size.dsf);
        }
        expect((await findTextOutsidePanels(page)).join('\n')).toBe('');
        expect((await findOverflow(page)).join('\n')).toBe('');

        const pointLayers = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.map!.pointLayers.map((l) => l.id));
        expect(pointLayers).toEqual(scene.points.map((p) => p.id));
      });
    }

    it('stays on the local host without page errors or console errors', () => {
      expect(watch.foreignRequests).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    });
  });
}
