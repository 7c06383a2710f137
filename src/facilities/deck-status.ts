/**
 * The deck.gl half of live status: hand the status buffer's colours to a layer as a binary attribute,
 * then push only the changed rows to the GPU.
 *
 * Why not deck's own invalidation: for an attribute supplied in `data.attributes`, deck.gl 9 re-uploads
 * only when the typed array *reference* changes (Attribute.setBinaryValue), and then the whole buffer;
 * `attributeManager.invalidate(name, {startRow, endRow})` and `_dataDiff` ranges are dropped for such an
 * attribute (setBinaryValue clears needsUpdate when the reference is unchanged). They do work for
 * accessor-computed attributes, but that means calling a JS accessor per row on the first build. So the
 * data stays binary and stable, and the changed ranges go straight to `Attribute.updateSubBuffer`
 * (deck.gl's own partial write, `buffer.write(value.subarray(start, end), byteOffset)`), followed by
 * `layer.setNeedsRedraw()`.
 *
 * Requirements on the layer: the colour attribute must be fed from `statusColorAttribute(buffer)` and the
 * `data` object must stay the same between renders (a new data object is a full rebuild).
 */
import type { Layer } from '@deck.gl/core';
import type { DirtyRange, FacilityStatusBuffer } from './status-buffer';

/** The part of deck.gl's `Attribute` this module uses (structural, so tests can pass a real one). */
export interface SubBufferAttribute {
  readonly size: number;
  value: unknown;
  updateSubBuffer(opts?: { startOffset?: number; endOffset?: number }): void;
}

/** For `data.attributes.getFillColor` / `getColor`: our RGBA array, normalised 0..255 → 0..1. */
export function statusColorAttribute(buffer: FacilityStatusBuffer): { value: Uint8Array; size: 4; normalized: true } {
  return { value: buffer.colors, size: 4, normalized: true };
}

/**
 * Uploads `ranges` of the buffer's colours into the attribute's GPU buffer; returns the bytes written.
 * If deck.gl holds its own copy of the values (it does when it had to transform them), the ranges are
 * copied into that copy first, so the result is right either way.
 */
export function uploadStatusRanges(attribute: SubBufferAttribute, buffer: FacilityStatusBuffer, ranges: readonly DirtyRange[]): number {
  if (attribute.size !== 4) throw new Error(`colour attribute has size ${attribute.size}, expected 4 (RGBA)`);
  const own = attribute.value;
  const shared = own === buffer.colors;
  if (!shared && !(own instanceof Uint8Array && own.length >= buffer.colors.length)) {
    throw new Error('colour attribute does not hold RGBA bytes for every row: was it fed from statusColorAttribute()?');
  }
  let bytes = 0;
  for (const { startRow, endRow } of ranges) {
    const startOffset = startRow * buffer.bytesPerRow;
    const endOffset = endRow * buffer.bytesPerRow;
    if (!shared) (own as Uint8Array).set(buffer.colors.subarray(startOffset, endOffset), startOffset);
    attribute.updateSubBuffer({ startOffset, endOffset });
    bytes += endOffset - startOffset;
  }
  return bytes;
}

/**
 * Applies the buffer's pending changes to a live layer: `attributeName` is the layer's colour attribute
 * (`colors` for the facility GL layers, `instanceFillColors` for ScatterplotLayer). Returns the bytes
 * uploaded, or -1 when the layer has no such attribute yet (not drawn once: keep the changes pending).
 */
export function applyStatusToLayer(layer: Layer, attributeName: string, buffer: FacilityStatusBuffer): number {
  const attribute = layer.getAttributeManager()?.getAttributes()[attributeName] as SubBufferAttribute | undefined;
  if (!attribute || attribute.value == null) return -1;
  const bytes = uploadStatusRanges(attribute, buffer, buffer.takeDirtyRanges());
  if (bytes > 0) layer.setNeedsRedraw();
  return bytes;
}
