/**
 * The remote's hub client against a real hub on 127.0.0.1: states on connect and after changes, commands
 * with their acks (refused without control), clock sync, and the refusals that send the page back to
 * pairing (a token the hub never issued, one that expired while connected). Node's socket.io client sends
 * no Origin by itself: the test adds the one the browser sends on the hub's page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHub, type Hub } from '../../server/hub/hub';
import { NOT_IN_CONTROL } from '../../server/hub/control';
import type { HubState, Toast } from '../presenter/protocol';
import { RemoteClient, unpairedReason, type LinkStatus } from './hub-client';
import { pair } from './pairing';

let hub: Hub;
const clients: RemoteClient[] = [];

beforeAll(async () => {
  hub = await startHub({ host: '127.0.0.1', port: 0, logError: () => {} });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(async () => {
  await hub?.close();
});

async function pairedToken(target: Hub, name: string): Promise<string> {
  const fetchWithOrigin: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: target.url } });
  const result = await pair(target.pairing().code, name, { base: target.url, fetch: fetchWithOrigin });
  if (!result.ok) throw new Error(`pairing failed: ${result.detail}`);
  return result.session.token;
}

function open(target: Hub, token: string) {
  const seen = { states: [] as HubState[], toasts: [] as Toast[], status: [] as LinkStatus[], unpaired: [] as string[] };
  const client = new RemoteClient({
    url: target.url,
    token,
    extraHeaders: { origin: target.url },
    onState: (s) => seen.states.push(s),
    onToast: (t) => seen.toasts.push(t),
    onStatus: (s) => seen.status.push(s),
    onUnpaired: (r) => seen.unpaired.push(r),
  });
  clients.push(client);
  return { client, seen };
}

const WAIT = { timeout: 10_000, interval: 20 };

describe('RemoteClient with a real hub', () => {
  it('gets the state at once, syncs its clock, and sends commands with their acks', async () => {
    const { client, seen } = open(hub, await pairedToken(hub, '张主任的手机'));
    await vi.waitFor(() => expect(seen.states.length).toBeGreaterThan(0), WAIT);
    expect(seen.status).toContain('connected');
    expect(client.state?.hubId).toBe(hub.hubId);
    await vi.waitFor(() => expect(client.clock.source).toBe('sync'), WAIT);
    // Same machine, same clock: the estimate is within the round trip.
    expect(Math.abs(client.clock.offset)).toBeLessThan(1000);

    expect(await client.send({ kind: 'next' })).toEqual({ ok: false, error: NOT_IN_CONTROL });
    expect(await client.send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(seen.toasts.some((t) => t.level === 'info')).toBe(true), WAIT);
    const before = hub.state().sceneId;
    expect(await client.send({ kind: 'next' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(client.state?.sceneId).not.toBe(before), WAIT);
    expect(client.state?.sceneId).toBe(hub.state().sceneId);
    // A malformed command never leaves the phone.
    expect(await client.send({ kind: 'goTo', sceneId: '' })).toMatchObject({ ok: false });
    expect(await client.send({ kind: 'control', action: 'release' })).toEqual({ ok: true });
  });

  it('goes back to pairing when the hub does not know the token', async () => {
    const { seen } = open(hub, 'forged.token');
    await vi.waitFor(() => expect(seen.unpaired).toHaveLength(1), WAIT);
    expect(seen.unpaired[0]).toBe(unpairedReason('unpaired'));
    expect(seen.states).toEqual([]);
  });

  it('goes back to pairing when the token expires, connected or not', async () => {
    const shortLived = await startHub({ host: '127.0.0.1', port: 0, tokenTtlMs: 400, logError: () => {} });
    try {
      const { seen } = open(shortLived, await pairedToken(shortLived, '手机'));
      // The hub drops the socket at expiry; the client asks again and hears why.
      await vi.waitFor(() => expect(seen.unpaired).toHaveLength(1), WAIT);
      expect(seen.unpaired[0]).toBe(unpairedReason('token expired'));
      expect(seen.unpaired[0]).toContain('过期');
    } finally {
      await shortLived.close();
    }
  });
});

describe('unpairedReason', () => {
  it('knows the hub’s refusals and leaves other errors alone', () => {
    expect(unpairedReason('unpaired')).toContain('配对');
    expect(unpairedReason('token expired')).toContain('过期');
    expect(unpairedReason('origin not allowed')).toBeNull();
    expect(unpairedReason('websocket error')).toBeNull();
  });
});
