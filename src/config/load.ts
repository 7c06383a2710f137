/**
 * Reads public/citywall.config.json at start. Never throws and never leaves the wall blank:
 * - no file (404)            → the demo defaults, no error (a fresh checkout is a demo);
 * - unreadable / bad JSON / invalid → the demo defaults AND an error the wall shows in its title bar,
 *   so a typo on a live wall is visible at once instead of silently showing recorded data as if live.
 */
import { CONFIG_URL, DEFAULT_CONFIG, checkWallConfig, type WallConfig } from './schema';

export interface LoadedConfig {
  config: WallConfig;
  /** Where it came from: the file, or the defaults (no file, or a bad one). */
  origin: 'file' | 'default';
  /** Why the file was not used, one line per problem; empty when fine. */
  errors: string[];
}

export async function loadWallConfig(fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init), url = CONFIG_URL): Promise<LoadedConfig> {
  let res: Response;
  try {
    res = await fetchImpl(url, { cache: 'no-store' });
  } catch (err) {
    return fallback(`${url}: could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
  if (res.status === 404) return { config: DEFAULT_CONFIG, origin: 'default', errors: [] };
  if (!res.ok) return fallback(`${url}: HTTP ${res.status}`);
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    return fallback(`${url}: could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
  // A dev server answers unknown paths with index.html: that is "no file", not a broken one.
  if (/^\s*</.test(text)) return { config: DEFAULT_CONFIG, origin: 'default', errors: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return fallback(`${url}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const checked = checkWallConfig(value);
  if (!checked.ok) return { config: DEFAULT_CONFIG, origin: 'default', errors: checked.errors.map((e) => `${url}: ${e}`) };
  return { config: checked.config, origin: 'file', errors: [] };
}

function fallback(error: string): LoadedConfig {
  return { config: DEFAULT_CONFIG, origin: 'default', errors: [error] };
}
