import { Attribute } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { applyStatusToLayer, statusColorAttribute, uploadStatusRanges, type SubBufferAttribute } from './deck-status';
import { colorsByCode, DEFAULT_STATUS_PALETTE, MANHOLE_TYPE_COLORS } from './palette';
import { FacilityStatusBuffer } from './status-buffer';

const N = 10_000;

function changedBytes(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) out.push(i);
  return out;
}

/** A luma.gl device stand-in that records buffer writes (deck.gl's Attribute only creates and writes buffers here). */
function recordingDevice() {
  const writes: { byteOffset: number; byteLength: number }[] = [];
  const device = {
    type: 'webgl',
    createBuffer(props: { byteLength?: number; data?: ArrayBufferView }) {
      return {
        props,
        byteLength: props.byteLength ?? props.data?.byteLength ?? 0,
        write(data: ArrayBufferView, byteOffset = 0) {
          writes.push({ byteOffset, byteLength: data.byteLength });
        },
        destroy() {},
      };
    },
  };
  return { device, writes };
}

describe('FacilityStatusBuffer', () => {
  it('colours rows by status, normal rows from normalColors', () => {
    const status = new Uint8Array([0, 1, 2, 3, 0]);
    const types = new Uint8Array([0, 1, 2, 3, 4]);
    const buf = new FacilityStatusBuffer(status, { normalColors: colorsByCode(types, MANHOLE_TYPE_COLORS) });
    expect([...buf.colors.subarray(0, 4)]).toEqual([...MANHOLE_TYPE_COLORS[0]!]);
    expect([...buf.colors.subarray(4, 8)]).toEqual([...DEFAULT_STATUS_PALETTE[1]!]);
    expect([...buf.colors.subarray(16, 20)]).toEqual([...MANHOLE_TYPE_COLORS[4]!]);
  });

  it('changes only the 4 bytes of the changed row, in place, and reports just that row', () => {
    const status = new Uint8Array(N);
    const buf = new FacilityStatusBuffer(status);
    const colors = buf.colors;
    const before = colors.slice();
    expect(buf.set(4321, 1)).toBe(true);
    expect(buf.colors).toBe(colors); // same array: deck.gl's data reference never changes
    expect(status[4321]).toBe(1); // the table's own status column is the truth panels read
    expect(changedBytes(before, colors)).toEqual([4321 * 4, 4321 * 4 + 1, 4321 * 4 + 2, 4321 * 4 + 3]);
    expect(buf.version).toBe(1);
    expect(buf.takeDirtyRanges()).toEqual([{ startRow: 4321, endRow: 4322 }]);
    expect(buf.takeDirtyRanges()).toEqual([]);
    expect(buf.set(4321, 1)).toBe(false); // unchanged status: nothing to upload
    expect(buf.hasDirty()).toBe(false);
  });

  it('coalesces neighbouring rows and keeps distant ones apart', () => {
    const buf = new FacilityStatusBuffer(new Uint8Array(N), { mergeGap: 8 });
    buf.setMany([9000, 10, 12, 11, 30, 9001], [1, 2, 3, 1, 2, 3]);
    expect(buf.takeDirtyRanges()).toEqual([
      { startRow: 10, endRow: 13 },
      { startRow: 30, endRow: 31 },
      { startRow: 9000, endRow: 9002 },
    ]);
  });

  it('collapses a burst beyond maxTracked into one range (still no rebuild)', () => {
    const buf = new FacilityStatusBuffer(new Uint8Array(N), { maxTracked: 4 });
    for (const row of [500, 100, 900, 300, 700, 200]) buf.set(row, 2);
    expect(buf.takeDirtyRanges()).toEqual([{ startRow: 100, endRow: 901 }]);
  });

  it('rejects rows and codes out of range', () => {
    const buf = new FacilityStatusBuffer(new Uint8Array(3));
    expect(() => buf.set(3, 1)).toThrow(RangeError);
    expect(() => buf.set(0, 9)).toThrow(RangeError);
  });
});

describe("deck.gl partial upload (a real deck.gl Attribute, recording device)", () => {
  it('writes only the changed rows into the GPU buffer, from the same array', () => {
    const buf = new FacilityStatusBuffer(new Uint8Array(N));
    const { device, writes } = recordingDevice();
    const attribute = new Attribute(device as never, { id: 'instanceFillColors', size: 4, type: 'unorm8', accessor: 'getFillColor', defaultValue: [0, 0, 0, 255] });
    // What the layer does with data.attributes.getFillColor on its first update: one full upload.
    attribute.setData(statusColorAttribute(buf));
    expect(attribute.value).toBe(buf.colors);
    expect(writes).toEqual([{ byteOffset: 0, byteLength: N * 4 }]);
    writes.length = 0;

    buf.set(17, 1);
    buf.set(18, 3);
    buf.set(7000, 2);
    const bytes = uploadStatusRanges(attribute as unknown as SubBufferAttribute, buf, buf.takeDirtyRanges());
    expect(bytes).toBe(12);
    expect(writes).toEqual([
      { byteOffset: 17 * 4, byteLength: 8 },
      { byteOffset: 7000 * 4, byteLength: 4 },
    ]);
  });

  it('copies into deck.gl’s own values when it holds a copy, and waits for a layer that has not drawn yet', () => {
    const buf = new FacilityStatusBuffer(new Uint8Array(100));
    const copy = buf.colors.slice();
    const writes: [number, number][] = [];
    const attribute: SubBufferAttribute = { size: 4, value: copy, updateSubBuffer: ({ startOffset = 0, endOffset = 0 } = {}) => void writes.push([startOffset, endOffset]) };
    buf.set(5, 1);
    uploadStatusRanges(attribute, buf, buf.takeDirtyRanges());
    expect([...copy.subarray(20, 24)]).toEqual([...DEFAULT_STATUS_PALETTE[1]!]);
    expect(writes).toEqual([[20, 24]]);

    buf.set(6, 1);
    let redraws = 0;
    const layer = { getAttributeManager: () => null, setNeedsRedraw: () => void (redraws += 1) };
    expect(applyStatusToLayer(layer as never, 'instanceFillColors', buf)).toBe(-1);
    expect(buf.hasDirty()).toBe(true); // kept for the next try
    expect(redraws).toBe(0);
  });
});

describe('FacilityStatusBuffer with two vertices per row (pipes as GL lines)', () => {
  it('writes the row colour to both vertices and uploads both', () => {
    const status = new Uint8Array([0, 0, 0]);
    const buf = new FacilityStatusBuffer(status, { verticesPerRow: 2 });
    expect(buf.colors.length).toBe(3 * 2 * 4);
    expect(buf.bytesPerRow).toBe(8);
    buf.set(1, 1);
    const alarm = Array.from(buf.colors.subarray(8, 12));
    expect(Array.from(buf.colors.subarray(12, 16))).toEqual(alarm);
    expect(alarm).not.toEqual(Array.from(buf.colors.subarray(0, 4)));
    const writes: [number, number][] = [];
    const bytes = uploadStatusRanges({ size: 4, value: buf.colors, updateSubBuffer: (o) => writes.push([o!.startOffset!, o!.endOffset!]) }, buf, buf.takeDirtyRanges());
    expect(writes).toEqual([[8, 16]]);
    expect(bytes).toBe(8);
  });
});
