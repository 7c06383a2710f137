/**
 * Scene thumbnails for the presenter remote (public/thumbnails/<id>.webp, 480x270, < 40 KB each).
 *
 *   npm run thumbnails                      # builds into a temp dir, serves it, shoots every scene
 *   npx tsx tools/thumbnails.ts --dist /tmp/dist-remote [--no-build] [--only overview,flood]
 *   npx tsx tools/thumbnails.ts --url http://127.0.0.1:4173   # a wall already being served
 *
 * Each scene is opened on its own (`/?scene=<id>`) in headless Chromium (tests/e2e/browser.ts flags) at
 * 1920x1080 — what a wall shows — and shot once `window.__citywall.scenes.whenComplete(id)` says its panels
 * drew, the crossfade ended and the map landed. The data source is paused first so every panel holds still.
 * The 1920x1080 PNG is scaled down and encoded to WebP by the browser itself (canvas, high-quality
 * smoothing): no image library to add. Quality steps down until the file is under the size budget.
 *
 * Re-run after changing a scene's look; src/remote/thumbnails.test.ts fails when a scene has no thumbnail.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser';
import { SCENE_LIST } from '../scenes';

const THUMB_WIDTH = 480;
const THUMB_HEIGHT = 270;
const MAX_BYTES = 40 * 1024;
const OUT_DIR = resolve('public/thumbnails');

interface Args {
  dist: string | null;
  url: string | null;
  build: boolean;
  only: string[] | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dist: null, url: null, build: true, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--dist') args.dist = value();
    else if (a === '--url') args.url = value().replace(/\/$/, '');
    else if (a === '--no-build') args.build = false;
    else if (a === '--only') args.only = value().split(',').filter(Boolean);
    else throw new Error(`unknown argument ${a} (use --dist DIR, --url URL, --no-build, --only id,id)`);
  }
  return args;
}

interface HookWindow {
  __citywall?: {
    scenes?: { whenComplete(id?: string): Promise<unknown>; current: string };
    source?: { pause(): void };
  };
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

async function shootScene(context: BrowserContext, base: string, id: string): Promise<Buffer> {
  // A fresh page per scene: the wall opens on it as it would on the wall PC, with nothing left from the last.
  const page = await context.newPage();
  try {
    return await shootOn(page, base, id);
  } finally {
    await page.close();
  }
}

async function shootOn(page: Page, base: string, id: string): Promise<Buffer> {
  await page.goto(`${base}/?scene=${encodeURIComponent(id)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as HookWindow).__citywall?.scenes !== undefined, null, { timeout: 120_000 });
  await withTimeout(
    page.evaluate((target) => (window as unknown as HookWindow).__citywall!.scenes!.whenComplete(target), id),
    180_000,
    `scene ${id} did not complete within 180 s`,
  );
  const current = await page.evaluate(() => (window as unknown as HookWindow).__citywall!.scenes!.current);
  if (current !== id) throw new Error(`asked for scene ${id}, the wall shows ${current}`);
  await page.evaluate(() => (window as unknown as HookWindow).__citywall?.source?.pause());
  return page.screenshot({ type: 'png' });
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Scale a PNG down to the thumbnail size and encode it as WebP in the browser, under MAX_BYTES. */
async function encodeThumb(encoder: Page, png: Buffer): Promise<Buffer> {
  const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
  for (const quality of [0.82, 0.74, 0.66, 0.58, 0.5, 0.42]) {
    const webp = await encoder.evaluate(
      async ({ src, width, height, q }) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d')!;
        ctx.imageSmoothingEnabled = true;
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(img, 0, 0, width, height);
        return canvas.toDataURL('image/webp', q);
      },
      { src: dataUrl, width: THUMB_WIDTH, height: THUMB_HEIGHT, q: quality },
    );
    if (!webp.startsWith('data:image/webp;base64,')) throw new Error('this Chromium cannot encode WebP');
    const bytes = Buffer.from(webp.slice(webp.indexOf(',') + 1), 'base64');
    if (bytes.length <= MAX_BYTES) return bytes;
  }
  throw new Error(`thumbnail stays over ${MAX_BYTES} bytes even at low quality`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const ids = SCENE_LIST.map((s) => s.id).filter((id) => !args.only || args.only.includes(id));
  if (args.only) for (const id of args.only) if (!SCENE_LIST.some((s) => s.id === id)) throw new Error(`no scene "${id}"`);

  let server: PreviewServer | null = null;
  let tempDist: string | null = null;
  let base = args.url;
  if (!base) {
    if (!args.dist) tempDist = mkdtempSync(join(tmpdir(), 'citywall-thumbs-'));
    const dist = args.dist ?? tempDist!;
    if (args.build) await build({ logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, build: { outDir: dist }, logLevel: 'warn' });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('preview server has no port');
    base = `http://127.0.0.1:${address.port}`;
  }

  mkdirSync(OUT_DIR, { recursive: true });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    // Offline like the wall: anything off the local host is refused rather than waited for.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname) ? route.continue() : route.abort();
    });
    const encoder = await context.newPage();
    for (const id of ids) {
      const started = Date.now();
      const webp = await encodeThumb(encoder, await shootScene(context, base, id));
      writeFileSync(join(OUT_DIR, `${id}.webp`), webp);
      console.log(`${id}.webp  ${(webp.length / 1024).toFixed(1)} KB  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await browser?.close();
    await server?.close();
    if (tempDist) rmSync(tempDist, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
