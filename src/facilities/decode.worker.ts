/**
 * The facility decode worker: fetches the three Arrow files, decodes them into typed columns
 * (decode.ts) and transfers the buffers back — the main thread never parses or projects a facility.
 * One request per worker; load.ts terminates the worker after the reply.
 */
import { decodeFacilityTable, transferables, type FacilityColumns } from './decode';
import { FACILITY_FILES } from './schema';
import type { DecodeReply, DecodeRequest } from './protocol';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

self.addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const { baseUrl, frame } = event.data;
  const started = performance.now();
  const url = (kind: keyof typeof FACILITY_FILES) => new URL(FACILITY_FILES[kind], baseUrl).href;
  Promise.all([fetchBytes(url('manholes')), fetchBytes(url('streetlights')), fetchBytes(url('pipes'))])
    .then(([m, s, p]) => {
      const fetched = performance.now();
      const result: FacilityColumns = {
        manholes: decodeFacilityTable('manholes', m, frame),
        streetlights: decodeFacilityTable('streetlights', s, frame),
        pipes: decodeFacilityTable('pipes', p, frame),
      };
      const reply: DecodeReply = {
        type: 'decoded',
        result,
        timings: { fetchMs: fetched - started, decodeMs: performance.now() - fetched, bytes: m.byteLength + s.byteLength + p.byteLength },
      };
      self.postMessage(reply, { transfer: transferables([result.manholes, result.streetlights, result.pipes]) });
    })
    .catch((err: unknown) => {
      const reply: DecodeReply = { type: 'error', message: err instanceof Error ? err.message : String(err) };
      self.postMessage(reply);
    });
});
