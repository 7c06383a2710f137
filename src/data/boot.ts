/**
 * Start-up of the data side: read the config file (src/config), choose the source from it and the URL,
 * connect it to the stores, expose it as the `source` hook (tests pause/seek it), start it, and tell the
 * title bar which mode the wall is on. The Source is an engine object: markRaw, never in Pinia.
 * A missing or broken config never leaves the wall blank: it runs the shipped demo and says why.
 */
import { markRaw } from 'vue';
import type { Source } from '../../data-adapters/source';
import { loadWallConfig } from '../config/load';
import { setWallMode } from '../config/wall-mode';
import type { WallStores } from '../stores';
import { exposeHook } from '../wall-hooks';
import { connectSource } from './connect';
import { createSourceFromLocation, startSource, type ChosenSource } from './create-source';

export async function bootData(stores: WallStores): Promise<Source> {
  const loaded = await loadWallConfig();
  for (const error of loaded.errors) console.warn(`[citywall:config] ${error}`);
  let chosen: ChosenSource;
  try {
    chosen = createSourceFromLocation(window.location, loaded.config);
  } catch (err) {
    // Belt and braces: a config that passed the schema but still cannot build a source runs the demo.
    const error = `${err instanceof Error ? err.message : String(err)}`;
    console.warn(`[citywall:config] ${error}`);
    loaded.errors.push(error);
    chosen = createSourceFromLocation(window.location);
  }
  setWallMode({
    mode: chosen.options.kind === 'live' ? 'live' : 'demo',
    feedHost: chosen.options.kind === 'live' ? chosen.options.host : null,
    configErrors: loaded.errors,
  });
  const source = markRaw(chosen.source);
  const connection = connectSource(source, stores);
  exposeHook('source', source);
  exposeHook('connection', connection);
  exposeHook('config', { mode: chosen.options.kind, origin: loaded.origin, errors: loaded.errors });
  void startSource(chosen);
  return source;
}
