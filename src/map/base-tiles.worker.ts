/**
 * The base map's tile worker: fetches one tile (local files only), decodes the MVT and projects it to
 * GPU-ready arrays (base-tiles-decode.ts), then transfers the buffers back. Long-lived: one worker
 * serves every tile of the page, requests are answered in any order and matched by `id`.
 */
import { decodeBaseTile, decodeBuildingTile, type BuildingMesh, type DecodedBaseTile } from './base-tiles-decode';
import type { TileKey } from './base-tiles-math';

export interface TileRequest {
  id: number;
  url: string;
  kind: 'base' | 'buildings';
  tile: TileKey;
  frame: { lon: number; lat: number };
}

export type TileReply =
  | { id: number; type: 'base'; result: DecodedBaseTile; bytes: number }
  | { id: number; type: 'buildings'; result: BuildingMesh; bytes: number }
  | { id: number; type: 'error'; message: string };

self.addEventListener('message', (event: MessageEvent<TileRequest>) => {
  const { id, url, kind, tile, frame } = event.data;
  fetch(url)
    .then(async (res) => {
      if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (kind === 'base') {
        const result = decodeBaseTile(bytes, tile, frame);
        const transfer = result.roads ? [result.roads.arterial.positions.buffer, result.roads.arterial.colors.buffer, result.roads.local.positions.buffer, result.roads.local.colors.buffer] : [];
        const reply: TileReply = { id, type: 'base', result, bytes: bytes.byteLength };
        self.postMessage(reply, { transfer });
      } else {
        const result = decodeBuildingTile(bytes, tile, frame);
        const reply: TileReply = { id, type: 'buildings', result, bytes: bytes.byteLength };
        self.postMessage(reply, { transfer: [result.positions.buffer, result.normals.buffer, result.colors.buffer] });
      }
    })
    .catch((err: unknown) => {
      const reply: TileReply = { id, type: 'error', message: err instanceof Error ? err.message : String(err) };
      self.postMessage(reply);
    });
});
