/**
 * Growable typed columns for the generator: rows are appended column by column, never as objects, and
 * `finish()` returns exact-length typed arrays ready for Arrow.
 */
type Ctor = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | Float32ArrayConstructor;
type Typed = Uint8Array | Uint16Array | Uint32Array | Float32Array;

export const COLUMN_CTORS: Readonly<Record<string, Ctor>> = {
  Uint8: Uint8Array,
  Uint16: Uint16Array,
  Uint32: Uint32Array,
  Float32: Float32Array,
};

export class ColumnSet<K extends string> {
  private readonly arrays = new Map<K, Typed>();
  private readonly ctors = new Map<K, Ctor>();
  private n = 0;
  private capacity = 1024;

  constructor(types: Readonly<Record<K, string>>) {
    for (const [name, type] of Object.entries(types) as [K, string][]) {
      const ctor = COLUMN_CTORS[type];
      if (!ctor) throw new Error(`column ${name}: unsupported type ${type}`);
      this.ctors.set(name, ctor);
      this.arrays.set(name, new ctor(this.capacity));
    }
  }

  get length(): number {
    return this.n;
  }

  /** Starts a new row and returns its index; fill it with `set`. */
  addRow(): number {
    if (this.n === this.capacity) {
      this.capacity *= 2;
      for (const [name, old] of this.arrays) {
        const ctor = this.ctors.get(name) as Ctor;
        const grown = new ctor(this.capacity);
        grown.set(old);
        this.arrays.set(name, grown);
      }
    }
    return this.n++;
  }

  set(name: K, row: number, value: number): void {
    (this.arrays.get(name) as Typed)[row] = value;
  }

  /** Drops the last row (used when a placed point fails the final checks). */
  undoRow(): void {
    this.n -= 1;
  }

  finish(): Record<K, Typed> {
    const out = {} as Record<K, Typed>;
    for (const [name, arr] of this.arrays) out[name] = arr.slice(0, this.n);
    return out;
  }
}
