/**
 * The presenter remote on a phone-sized page (390x844 @2x, touch) against a real hub started in-process,
 * serving the built app: pairing by the code a presenter reads off the wall (and a wrong code refused),
 * the scene grid with every thumbnail loaded, 下一页 moving the hub, a second remote refused until the
 * first hands control over, rehearsal previewing the next step's notes without changing the hub, and the
 * presenter notes staying off the wall.
 *
 * Everything waits on conditions (the hub's state, elements), never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, watchPage, type PageWatch } from './browser';
import { startHub, type Hub } from '../../server/hub/hub';
import { NOT_IN_CONTROL } from '../../server/hub/control';
import { SCENE_LIST, SCENES } from '../../scenes';
import { TOURS } from '../../scenes/tours';
import { SESSION_KEY } from '../../src/remote/session';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;
const briefing = TOURS.briefing!;

interface Remote {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
}

let hub: Hub;
let browser: Browser;
const remotes: Remote[] = [];

beforeAll(async () => {
  hub = await startHub({ host: '127.0.0.1', port: 0, distDir: process.env.E2E_OUT_DIR ?? 'dist', logError: () => {} });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  for (const r of remotes) await r.context.close();
  await browser?.close();
  await hub?.close();
});

async function openRemote(): Promise<Remote> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(`${hub.url}/remote.html`, { waitUntil: 'load' });
  const remote = { context, page, watch };
  remotes.push(remote);
  return remote;
}

/** Type the code shown on the wall (the hub's current one), as a presenter would. */
async function pair(page: Page, name: string, code = hub.pairing().code): Promise<void> {
  await page.getByTestId('pair-code').fill(code);
  await page.getByTestId('pair-name').fill(name);
  await page.getByTestId('pair-submit').tap();
}

async function pairAndConnect(page: Page, name: string): Promise<string> {
  await pair(page, name);
  await page.getByTestId('link-status').and(page.locator('[data-link="connected"]')).waitFor({ timeout: 15_000 });
  await page.getByTestId('current-scene').waitFor();
  const session = await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);
  return (JSON.parse(session!) as { clientId: string }).clientId;
}

async function waitForHub(predicate: () => boolean, what: string): Promise<void> {
  await expect.poll(predicate, { timeout: 15_000, message: what }).toBe(true);
}

/** A refused request (the wrong code's 403) is logged by Chromium as a console error; nothing else may be. */
function unexpectedConsoleErrors(watch: PageWatch): string[] {
  return watch.consoleErrors.filter((e) => !/status of 403/.test(e));
}

describe('presenter remote', () => {
  let a: Remote;
  let b: Remote;
  let aId: string;
  let bId: string;

  it('refuses a wrong code and stays unpaired', async () => {
    a = await openRemote();
    await a.page.getByTestId('pairing').waitFor();
    const right = hub.pairing().code;
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await pair(a.page, '张主任的手机', wrong);
    const error = a.page.getByTestId('pair-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('配对码错误');
    expect(await a.page.getByTestId('remote-main').count()).toBe(0);
    expect(await a.page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBeNull();
    // The code input asks phones for the numeric keypad.
    expect(await a.page.getByTestId('pair-code').getAttribute('inputmode')).toBe('numeric');
  });

  it('pairs with the code on the wall and lists every scene with its thumbnail', async () => {
    aId = await pairAndConnect(a.page, '张主任的手机');
    expect(await a.page.getByTestId('current-scene').getAttribute('data-scene')).toBe(hub.state().sceneId);

    const tiles = a.page.locator('[data-testid^="scene-tile-"]');
    expect(await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(SCENE_LIST.map((s) => `scene-tile-${s.id}`));
    await a.page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid="scene-grid"] img')].every((img) => img.complete));
    const widths = await a.page
      .getByTestId('scene-grid')
      .locator('img')
      .evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((img) => img.naturalWidth));
    expect(widths).toHaveLength(SCENE_LIST.length);
    for (const w of widths) expect(w).toBeGreaterThan(0);
    expect(await a.page.getByTestId('scene-thumb-text').count(), 'text tiles instead of thumbnails').toBe(0);

    // Touch targets: every button on the page is at least 48 px tall.
    const heights = await a.page.locator('button:visible').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);
  });

  it('takes control and moves the wall with 下一页', async () => {
    await a.page.getByTestId('control-take').tap();
    await waitForHub(() => hub.state().controller?.clientId === aId, 'first remote holds control');
    await a.page.getByTestId('control-badge').filter({ hasText: '控制中' }).waitFor();

    const before = hub.state().sceneId;
    const expected = hub.state().nextSceneId;
    await a.page.getByTestId('next').tap();
    await waitForHub(() => hub.state().sceneId !== before, 'hub scene changed after 下一页');
    expect(hub.state().sceneId).toBe(expected);
    await a.page.locator(`[data-testid="current-scene"][data-scene="${expected}"]`).waitFor();
  });

  it('refuses a second remote until the first hands control over', async () => {
    b = await openRemote();
    bId = await pairAndConnect(b.page, '李秘书的平板');
    expect(bId).not.toBe(aId);

    const before = hub.state().sceneId;
    await b.page.getByTestId('next').tap();
    await b.page.getByTestId('notice').filter({ hasText: NOT_IN_CONTROL }).waitFor();
    expect(hub.state().sceneId).toBe(before);

    await b.page.getByTestId('control-take').tap();
    await b.page.getByTestId('handover-waiting').waitFor();
    await waitForHub(() => hub.state().handover?.toClientId === bId, 'handover pending');
    expect(hub.state().controller?.clientId).toBe(aId);

    const dialog = a.page.getByTestId('handover-dialog');
    await dialog.waitFor();
    expect(await a.page.getByTestId('handover-name').textContent()).toBe('李秘书的平板');
    await a.page.getByTestId('handover-accept').tap();
    await waitForHub(() => hub.state().controller?.clientId === bId, 'second remote holds control');
    await dialog.waitFor({ state: 'detached' });
    await b.page.getByTestId('control-badge').filter({ hasText: /^\s*控制中\s*$/ }).waitFor();

    const now = hub.state().sceneId;
    await b.page.getByTestId('scene-tile-flood').tap();
    await waitForHub(() => hub.state().sceneId === 'flood', 'second remote goes to a scene');
    expect(now).not.toBe('flood');
  });

  it('runs a tour with the step notes on the remote, and rehearses the next step without touching the hub', async () => {
    const page = b.page;
    await page.getByTestId('tour-select').selectOption(briefing.id);
    await page.getByTestId('tour-start').tap();
    await waitForHub(() => hub.state().tour?.tourId === briefing.id && hub.state().sceneId === briefing.steps[0]!.scene, 'briefing tour started');
    const notes = page.getByTestId('step-notes');
    await notes.filter({ hasText: briefing.steps[0]!.notes.slice(0, 20) }).waitFor();
    expect(await page.getByTestId('tour-step').textContent()).toContain(`1/${briefing.steps.length}`);
    expect(await page.getByTestId('tour-countdown').textContent()).toMatch(/\d+:\d\d/);

    const held = hub.state();
    await page.getByTestId('rehearsal-toggle').tap();
    const preview = page.getByTestId('rehearsal-notes');
    await preview.filter({ hasText: briefing.steps[1]!.notes.slice(0, 20) }).waitFor();
    await page.getByTestId('rehearsal-next').tap();
    await preview.filter({ hasText: briefing.steps[2]!.notes.slice(0, 20) }).waitFor();
    const third = briefing.steps[2]!;
    expect(await page.getByTestId('rehearsal-title').textContent()).toContain(third.title ?? SCENES[third.scene]!.title);
    // Nothing was sent: the hub is on the same revision, scene and step.
    expect(hub.state().rev).toBe(held.rev);
    expect(hub.state().sceneId).toBe(held.sceneId);
    expect(hub.state().tour?.index).toBe(0);
    // The notes are the remote's alone: they are not in the state every wall receives.
    expect(JSON.stringify(hub.state())).not.toContain(briefing.steps[0]!.notes.slice(0, 20));
  });

  it('keeps the presenter notes off a wall page', async () => {
    const { context, page } = await openPage(browser, `${hub.url}/`, { width: 960, height: 540 });
    try {
      await page.waitForFunction(() => (window as { __citywall?: { scenes?: unknown } }).__citywall?.scenes !== undefined, null, { timeout: 60_000 });
      await waitForHub(() => hub.state().walls.length > 0, 'the wall joined the hub');
      const text = await page.evaluate(() => document.body.innerText);
      for (const step of briefing.steps.slice(0, 3)) expect(text).not.toContain(step.notes.slice(0, 20));
    } finally {
      await context.close();
    }
  });

  it('stays on the local host without page errors', () => {
    for (const r of remotes) {
      expect(r.watch.foreignRequests).toEqual([]);
      expect(r.watch.pageErrors).toEqual([]);
      expect(unexpectedConsoleErrors(r.watch)).toEqual([]);
    }
  });
});
