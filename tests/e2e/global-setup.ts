/**
 * Builds the app once and serves the built files with `vite preview` on 127.0.0.1 (a random free port)
 * for every e2e file. The tests run against exactly what `npm run demo` serves.
 * E2E_OUT_DIR lets parallel developers build elsewhere than dist/; E2E_SKIP_BUILD reuses a build.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  const outDir = process.env.E2E_OUT_DIR ?? 'dist';
  if (!process.env.E2E_SKIP_BUILD) await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, build: { outDir }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  return async () => {
    await server?.close();
  };
}
