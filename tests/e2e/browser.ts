/**
 * Real headless Chromium (Debian's `chromium`) driven by playwright-core. WebGL2 runs in software
 * (SwiftShader). Background networking is off so Chromium itself makes no outside requests; every
 * request the *page* makes is recorded so tests can assert the wall stays on the local host.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface PageWatch {
  /** URLs requested from any host other than 127.0.0.1 / localhost. */
  foreignRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Records foreign requests (and aborts them, so a test never hangs on the closed network) and errors. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { foreignRequests: [], consoleErrors: [], pageErrors: [] };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
    watch.foreignRequests.push(url.href);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watch.pageErrors.push(String(err)));
  return watch;
}

/** `deviceScaleFactor` (default 1): below 1 the page lays out at `size` CSS px but draws fewer pixels. */
export async function openPage(browser: Browser, url: string, size: { width: number; height: number }, deviceScaleFactor = 1) {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor });
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, watch };
}
