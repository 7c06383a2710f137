import { describe, expect, it } from 'vitest';
import { optionKey } from './chart-updates';

describe('optionKey', () => {
  it('equal for options that differ only in formatter closures', () => {
    const a = { series: [{ type: 'bar' as const, data: [1, 2], label: { formatter: (p: unknown) => String(p) } }] };
    const b = { series: [{ type: 'bar' as const, data: [1, 2], label: { formatter: (p: unknown) => `${String(p)}` } }] };
    expect(optionKey(a)).toBe(optionKey(b));
  });
  it('differs when the data differs', () => {
    expect(optionKey({ series: [{ type: 'bar', data: [1, 2] }] })).not.toBe(optionKey({ series: [{ type: 'bar', data: [1, 3] }] }));
  });
});
