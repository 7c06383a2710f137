/**
 * Build the app once into bench-dist/ (not dist/: other engineers' dev servers and e2e runs use that)
 * and serve it with `vite preview` on 127.0.0.1 at a free port, as tests/e2e/global-setup.ts does, so
 * the bench measures exactly the files `npm run demo` ships.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUT_DIR = 'bench-dist';

export async function buildApp(): Promise<void> {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
}

export interface Served {
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveBuild(): Promise<Served> {
  for (const page of ['index.html', 'map-harness.html']) {
    if (!existsSync(join(ROOT, OUT_DIR, page))) throw new Error(`${OUT_DIR}/${page} is missing: run without --no-build first`);
  }
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    build: { outDir: OUT_DIR },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') {
    await server.close();
    throw new Error('vite preview has no port');
  }
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
