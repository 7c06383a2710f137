import { describe, expect, it } from 'vitest';
import { MAX_WRONG, PairingDesk, WRONG_WINDOW_MS } from './pairing';
import { isLoopbackAddress } from './origins';
import { mimeType, resolveUnder } from './static-files';

function sequence(...codes: number[]): () => number {
  let i = 0;
  return () => codes[i++ % codes.length]!;
}

describe('pairing code', () => {
  it('is six digits, good once, and rotates after its lifetime', () => {
    let now = 0;
    const desk = new PairingDesk(() => now, 1000, sequence(42, 7, 7, 123456, 99));
    expect(desk.code).toBe('000042');
    expect(desk.check('000042')).toBe('ok');
    expect(desk.code).toBe('000007'); // rotated after use
    now = 1000; // 7 came out again on the next draw: a rotation always changes the code
    expect(desk.check('000007')).toBe('wrong');
    expect(desk.code).toBe('123456');
  });

  it('the MAX_WRONG-th wrong code within the window rotates it ("locked"); older misses expire', () => {
    let now = 0;
    const desk = new PairingDesk(() => now, 10 * WRONG_WINDOW_MS, sequence(1, 2, 3));
    for (let i = 0; i < MAX_WRONG - 1; i++) expect(desk.check('999999')).toBe('wrong');
    now += WRONG_WINDOW_MS; // the earlier misses fall out of the window
    expect(desk.check('999999')).toBe('wrong');
    expect(desk.code).toBe('000001');
    for (let i = 0; i < MAX_WRONG - 2; i++) expect(desk.check('999999')).toBe('wrong');
    expect(desk.check('999999')).toBe('locked');
    expect(desk.code).toBe('000002');
    expect(desk.check('000001')).toBe('wrong');
  });
});

describe('hub helpers', () => {
  it('knows loopback addresses in every notation', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['192.168.1.5', '::ffff:10.0.0.1', '', undefined, '1127.0.0.1']) expect(isLoopbackAddress(a)).toBe(false);
  });

  it('resolves static paths only under the root', () => {
    expect(resolveUnder('/srv/dist', '/')).toBe('/srv/dist/index.html');
    expect(resolveUnder('/srv/dist', '/assets/a.js')).toBe('/srv/dist/assets/a.js');
    for (const p of ['/../x', '/%2e%2e/x', '/a/../../x', '/%E0%A4%A', '/a%00b', '/..\\x']) expect(resolveUnder('/srv/dist', p)).toBeNull();
    expect(mimeType('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('a/b.unknown')).toBe('application/octet-stream');
  });
});
