/**
 * Facility colours on the dark navy wall (DESIGN "Look of the wall"): normal rows recede, anything that
 * needs attention stands out. Indexed by FACILITY_STATUSES code.
 */
export type Rgba = readonly [number, number, number, number];

export const DEFAULT_STATUS_PALETTE: readonly Rgba[] = [
  [64, 196, 255, 150], // normal: cyan, half-transparent
  [255, 77, 79, 255], // alarm: red
  [140, 150, 165, 200], // offline: grey
  [255, 170, 0, 255], // repair: amber
];

/** Normal-state colours per manhole type (MANHOLE_TYPES order), used via StatusBufferOptions.normalColors. */
export const MANHOLE_TYPE_COLORS: readonly Rgba[] = [
  [64, 160, 255, 150], // water supply: blue
  [90, 220, 200, 150], // drainage: teal
  [255, 210, 90, 150], // gas: yellow
  [200, 130, 255, 150], // power: violet
  [120, 230, 120, 150], // telecom: green
];

/** RGBA per row from a Uint8 code column and a colour per code. */
export function colorsByCode(codes: Uint8Array, colors: readonly Rgba[]): Uint8Array {
  const out = new Uint8Array(codes.length * 4);
  for (let i = 0; i < codes.length; i += 1) {
    const c = colors[codes[i] as number];
    if (!c) throw new RangeError(`code ${codes[i]} at row ${i} has no colour`);
    out.set(c, i * 4);
  }
  return out;
}
