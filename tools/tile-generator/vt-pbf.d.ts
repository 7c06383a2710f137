/** Types for the part of vt-pbf (no bundled types) the generator uses. */
declare module 'vt-pbf' {
  export interface VtFeature {
    type: 1 | 2 | 3;
    geometry: unknown;
    tags: Record<string, unknown> | null;
    id?: number | string;
  }
  export function fromGeojsonVt(layers: Record<string, { features: readonly VtFeature[] }>, options?: { version?: number; extent?: number }): Uint8Array;
}
