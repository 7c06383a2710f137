/**
 * The packaging config (electron-builder.yml), read and validated by electron-builder's own code against
 * its own schema, as `npm run kiosk:dist` would before building. Building the installers needs the
 * Electron release archives (fetched from the internet), so here the config is checked, not built.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's config loading and validation (app-builder-lib and builder-util are its engine,
// installed with it).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';

const quiet = new DebugLogger(false);
const load = (dir: string, file: string) => getConfig(dir, file, null);

interface BuilderConfig {
  extraMetadata?: { main?: string };
  /** electron-builder normalises the file list into filter sets. */
  files?: { filter: string[] }[];
  extraResources?: { from: string; to: string }[];
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
  win?: { target: { target: string; arch: string[] }[] };
  linux?: { target: { target: string; arch: string[] }[] };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own validation', async () => {
    const config = await load(process.cwd(), 'electron-builder.yml');
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('the same validation refuses a misspelt key (the check above can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citywall-builder-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"x","version":"1.0.0"}');
    writeFileSync(join(dir, 'electron-builder.yml'), readFileSync('electron-builder.yml', 'utf8').replace('electronFuses:', 'electronFusez:'));
    const config = await load(dir, join(dir, 'electron-builder.yml'));
    await expect(validateConfiguration(config, quiet)).rejects.toThrow(/electronFusez/);
  });

  it('builds an NSIS installer for Windows and an AppImage for Linux, from the bundled kiosk main process', async () => {
    const config = (await load(process.cwd(), 'electron-builder.yml')) as BuilderConfig;
    expect(config.win?.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux?.target.map((t) => t.target)).toEqual(['AppImage']);
    // The entry point is what `npm run kiosk:build` writes (esbuild → dist-electron/*.cjs).
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts['kiosk:build']).toMatch(/electron\/main\.ts .*--outdir=dist-electron .*--out-extension:\.js=\.cjs/);
    expect(scripts['kiosk:dist']).toMatch(/kiosk:build && electron-builder --config electron-builder\.yml/);
    expect(config.extraMetadata?.main).toBe('dist-electron/main.cjs');
    expect(config.files?.flatMap((f) => f.filter)).toEqual(expect.arrayContaining(['dist/**', 'dist-electron/**', '!**/*.map']));
    // The default wall config shipped beside the app exists (an installer replaces it with the site's).
    for (const r of config.extraResources ?? []) expect(() => readFileSync(r.from)).not.toThrow();
  });

  it('sets the fuses of Electron\'s security checklist in the packaged binary', async () => {
    const config = (await load(process.cwd(), 'electron-builder.yml')) as BuilderConfig;
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });
});
