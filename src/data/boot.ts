/**
 * Start-up of the data side: choose the source from the URL, connect it to the stores, expose it as the
 * `source` hook (tests pause/seek it), start it. The Source is an engine object: markRaw, never in Pinia.
 */
import { markRaw } from 'vue';
import type { Source } from '../../data-adapters/source';
import type { WallStores } from '../stores';
import { exposeHook } from '../wall-hooks';
import { connectSource } from './connect';
import { createSourceFromLocation, startSource } from './create-source';

export function bootData(stores: WallStores): Source {
  const chosen = createSourceFromLocation();
  const source = markRaw(chosen.source);
  const connection = connectSource(source, stores);
  exposeHook('source', source);
  exposeHook('connection', connection);
  void startSource(chosen);
  return source;
}
