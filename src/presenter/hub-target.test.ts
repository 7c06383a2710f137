import { describe, expect, it } from 'vitest';
import { chooseHub, detectHub, HELLO_PATH, tabWallId } from './hub-target';

const AUTO = { hub: 'auto', tour: 'off' } as const;

describe('chooseHub', () => {
  it('follows the config, and the URL overrides it', () => {
    expect(chooseHub('', AUTO).target).toEqual({ kind: 'auto' });
    expect(chooseHub('', { ...AUTO, hub: 'off' }).target).toEqual({ kind: 'off' });
    expect(chooseHub('', { ...AUTO, hub: 'http://10.0.0.9:4500/x' }).target).toEqual({ kind: 'url', url: 'http://10.0.0.9:4500' });
    expect(chooseHub('?hub=off', AUTO).target).toEqual({ kind: 'off' });
    expect(chooseHub('?hub=http%3A%2F%2F127.0.0.1%3A9', { ...AUTO, hub: 'off' }).target).toEqual({ kind: 'url', url: 'http://127.0.0.1:9' });
  });

  it('refuses a hub parameter that is no http(s) URL, keeping the config', () => {
    const c = chooseHub('?hub=javascript:alert(1)', { ...AUTO, hub: 'off' });
    expect(c.target).toEqual({ kind: 'off' });
    expect(c.notes[0]).toMatch(/hub=.* refused/);
  });

  it('takes the wall key and id from the URL, else the config / nothing; refuses odd ids', () => {
    expect(chooseHub('?wallKey=k1&wallId=left-1', { ...AUTO, wallKey: 'cfg' })).toMatchObject({ wallKey: 'k1', wallId: 'left-1', notes: [] });
    expect(chooseHub('', { ...AUTO, wallKey: 'cfg' })).toMatchObject({ wallKey: 'cfg', wallId: null });
    const bad = chooseHub('?wallId=%3Cscript%3E', AUTO);
    expect(bad.wallId).toBeNull();
    expect(bad.notes[0]).toMatch(/wallId=.* refused/);
  });
});

describe('detectHub', () => {
  const reply = (body: string, status = 200, type = 'application/json') => () => Promise.resolve(new Response(body, { status, headers: { 'content-type': type } }));

  it('a JSON {hub: true} from the hello path is a hub', async () => {
    let asked = '';
    const fetchImpl = ((url: string) => {
      asked = url;
      return reply('{"hub":true,"hubId":"h1"}')();
    }) as unknown as typeof fetch;
    expect(await detectHub('http://127.0.0.1:4500', fetchImpl)).toBe(true);
    expect(asked).toBe(`http://127.0.0.1:4500${HELLO_PATH}`);
  });

  it('a static server’s index.html, a 404, other JSON or a network error are not', async () => {
    expect(await detectHub('http://x', reply('<!doctype html><html></html>', 200, 'text/html') as unknown as typeof fetch)).toBe(false);
    expect(await detectHub('http://x', reply('{"hub":true}', 404) as unknown as typeof fetch)).toBe(false);
    expect(await detectHub('http://x', reply('{"hub":"yes"}') as unknown as typeof fetch)).toBe(false);
    expect(await detectHub('http://x', reply('not json') as unknown as typeof fetch)).toBe(false);
    expect(await detectHub('http://x', (() => Promise.reject(new Error('down'))) as unknown as typeof fetch)).toBe(false);
  });

  it('does not ask from a page that is not served over http(s) (the kiosk’s app://, a file)', async () => {
    let asked = 0;
    const fetchImpl = (() => {
      asked++;
      return reply('{"hub":true}')();
    }) as unknown as typeof fetch;
    expect(await detectHub('app://citywall', fetchImpl)).toBe(false);
    expect(await detectHub('null', fetchImpl)).toBe(false);
    expect(asked).toBe(0);
  });
});

describe('tabWallId', () => {
  it('makes one id per tab and keeps it across reloads', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const a = tabWallId(storage, () => 0.5);
    expect(a).toMatch(/^wall-[0-9a-f]{6}$/);
    expect(tabWallId(storage, () => 0.1)).toBe(a);
    expect(tabWallId(null, () => 0.1)).not.toBe(a);
  });
});
