/**
 * Main-thread entry: `loadFacilities()` starts the decode worker, waits for the transferred columns and
 * returns them marked raw (STYLE lesson 7: typed arrays never become Vue proxies). The worker is ended
 * after its one reply, so nothing keeps the file bytes alive except the returned columns.
 */
import { markRaw } from 'vue';
import type { FacilityColumns, LonLatOrigin } from './decode';
import type { DecodeReply, DecodeRequest, DecodeTimings } from './protocol';
import { FACILITY_DIR, FACILITY_ORIGIN } from './schema';

export interface LoadFacilitiesOptions {
  /** Directory of the .arrow files; default `${BASE_URL}facilities/`. Relative to the page. */
  baseUrl?: string;
  /** ENU frame origin of the positions; default FACILITY_ORIGIN (= the map's DECK_ORIGIN). */
  frame?: LonLatOrigin;
  signal?: AbortSignal;
  /** Called with fetch/decode times (worker clock), e.g. for the bench or a log line. */
  onTimings?: (timings: DecodeTimings) => void;
}

export function loadFacilities(options: LoadFacilitiesOptions = {}): Promise<FacilityColumns> {
  const baseUrl = new URL(options.baseUrl ?? `${import.meta.env.BASE_URL}${FACILITY_DIR}`, location.href).href;
  const request: DecodeRequest = { baseUrl, frame: { ...(options.frame ?? FACILITY_ORIGIN) } };
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'facility-decode' });
  return new Promise<FacilityColumns>((resolve, reject) => {
    const done = () => {
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(options.signal?.reason ?? new DOMException('aborted', 'AbortError'));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    worker.addEventListener('message', (event: MessageEvent<DecodeReply>) => {
      done();
      const reply = event.data;
      if (reply.type === 'error') return reject(new Error(`facility decode failed: ${reply.message}`));
      options.onTimings?.(reply.timings);
      resolve(markRaw(reply.result));
    });
    worker.addEventListener('error', (event) => {
      done();
      reject(new Error(`facility decode worker error: ${event.message}`));
    });
    worker.postMessage(request);
  });
}
