import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIT_GEO_NAME } from '../../data-adapters/domain';
import { loadRiver, loadUnits } from './geojson';

/** The shipped files over real HTTP on 127.0.0.1; `failNext` answers the next request with a 500. */
let server: Server;
let base = '';
const requests: string[] = [];
let failNext = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (failNext) {
      failNext = false;
      res.writeHead(500).end();
      return;
    }
    try {
      res.writeHead(200, { 'content-type': 'application/geo+json' }).end(readFileSync(`public${req.url}`));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('geojson loaders', () => {
  it('fetch and parse a file once per page: a rebuilt map gets the same parsed shapes without a request', async () => {
    const first = await loadUnits(base);
    expect(first).toHaveLength(Object.keys(UNIT_GEO_NAME).length);
    const again = await loadUnits(base);
    expect(again).toBe(first);
    expect(requests.filter((u) => u.endsWith('yichang-counties.geojson'))).toHaveLength(1);
  });

  it('do not keep a failed load: the next map asks again', async () => {
    failNext = true;
    await expect(loadRiver(base)).rejects.toThrow(/HTTP 500/);
    const river = await loadRiver(base);
    expect(river.coordinates.length).toBeGreaterThan(10);
    expect(requests.filter((u) => u.endsWith('yangtze-traced.geojson'))).toHaveLength(2);
  });
});
