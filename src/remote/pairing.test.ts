/**
 * Pairing against a real hub on 127.0.0.1 (server/hub): the reply and status turn into what the presenter
 * is told. Node's fetch sends no Origin by itself, so the test adds the one a browser on the hub's page sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../../server/hub/hub';
import { classifyPairError, pair, pairFailureMessage } from './pairing';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub({ host: '127.0.0.1', port: 0, logError: () => {} });
});
afterAll(async () => {
  await hub?.close();
});

function fetchFrom(origin: string): typeof fetch {
  return (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin } });
}

function wrongCode(): string {
  return String((Number(hub.pairing().code) + 1) % 1_000_000).padStart(6, '0');
}

describe('pairing with a real hub', () => {
  it('pairs with the code on the wall and returns the token to keep', async () => {
    const result = await pair(hub.pairing().code, ' 张主任的手机 ', { base: hub.url, fetch: fetchFrom(hub.url) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session.name).toBe('张主任的手机');
    expect(result.session.token.length).toBeGreaterThan(10);
    expect(result.session.expiresAt).toBeGreaterThan(Date.now());
  });

  it('says the code is wrong, then that there were too many tries', async () => {
    const first = await pair(wrongCode(), '手机', { base: hub.url, fetch: fetchFrom(hub.url) });
    expect(first).toMatchObject({ ok: false, failure: 'wrong-code', message: pairFailureMessage('wrong-code') });
    let last = first;
    for (let i = 0; i < 10 && last.ok === false && last.failure === 'wrong-code'; i++) {
      last = await pair(wrongCode(), '手机', { base: hub.url, fetch: fetchFrom(hub.url) });
    }
    expect(last).toMatchObject({ ok: false, failure: 'too-many' });
  });

  it('refuses a page from another origin', async () => {
    const result = await pair(hub.pairing().code, '手机', { base: hub.url, fetch: fetchFrom('http://evil.example') });
    expect(result).toMatchObject({ ok: false, failure: 'refused' });
  });

  it('checks the code and name before asking the hub', async () => {
    let asked = false;
    const spy: typeof fetch = async () => {
      asked = true;
      return new Response('{}');
    };
    expect(await pair('12345', '手机', { fetch: spy })).toMatchObject({ ok: false, failure: 'invalid' });
    expect(await pair('123456', '  ', { fetch: spy })).toMatchObject({ ok: false, failure: 'invalid' });
    expect(asked).toBe(false);
  });

  it('reports an unreachable hub as a network problem', async () => {
    const down = await startHub({ host: '127.0.0.1', port: 0, logError: () => {} });
    const url = down.url;
    await down.close();
    expect(await pair('123456', '手机', { base: url, fetch: fetchFrom(url) })).toMatchObject({ ok: false, failure: 'network' });
  });
});

describe('pairing without a hub', () => {
  it('says so when the page is not served by a hub (no pairing answer at all)', async () => {
    const staticServer: typeof fetch = async () => new Response('<!doctype html><title>404</title>', { status: 404, headers: { 'content-type': 'text/html' } });
    expect(await pair('123456', '手机', { fetch: staticServer })).toMatchObject({ ok: false, failure: 'no-hub', detail: 'HTTP 404' });
  });
});

describe('classifyPairError', () => {
  it('reads the status first, then the words', () => {
    expect(classifyPairError(429, '')).toBe('too-many');
    expect(classifyPairError(403, '配对码错误 / wrong code')).toBe('wrong-code');
    expect(classifyPairError(403, '来源不被允许 / origin not allowed')).toBe('refused');
    expect(classifyPairError(400, '请求无效 / bad request: code: code: the 6 digits shown on the wall')).toBe('invalid');
    expect(classifyPairError(200, 'code expired')).toBe('expired');
    expect(classifyPairError(500, 'boom')).toBe('server');
  });
});
