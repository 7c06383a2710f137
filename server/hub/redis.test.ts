/**
 * Scale-out and failover with a real Redis server on loopback (Debian's redis-server, started here on a
 * free port, no persistence): two hubs on one Redis. One remote command reaches walls on both hubs as the
 * same ClockCommand; a client failing over to the surviving hub sees the current state at once; the tour
 * continues on the surviving hub. Without redis-server this FAILS (it is not skipped): CI installs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOURS } from '../../scenes/tours';
import { startHub, type Hub, type HubOptions } from './hub';
import { Client, connectRemote, connectWall, eventually, pair } from './test-helpers';

const REDIS_BIN = process.env.REDIS_SERVER ?? 'redis-server';
let redis: ChildProcess | null = null;
let redisUrl = '';
/** Why Redis could not start: every test fails with it (a throwing beforeAll would only skip them). */
let startError: Error | null = null;

function needRedis(): void {
  if (startError) throw startError;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

beforeAll(async () => {
  try {
    await startRedis();
  } catch (err) {
    startError = err instanceof Error ? err : new Error(String(err));
  }
}, 15_000);

async function startRedis(): Promise<void> {
  const probe = spawnSync(REDIS_BIN, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `redis-server not found (${REDIS_BIN}): the Redis scale-out test needs a real Redis on loopback. ` +
        'Install it (Debian: apt-get install redis-server; .ci/run does this) or set REDIS_SERVER to its path.',
    );
  }
  const port = await freePort();
  const child = spawn(REDIS_BIN, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  redis = child;
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${out}`));
    });
  });
  redisUrl = `redis://127.0.0.1:${port}`;
}

afterAll(async () => {
  if (!redis || redis.exitCode !== null) return;
  const exited = new Promise((r) => redis!.once('exit', r));
  redis.kill('SIGTERM');
  await exited;
});

const SECRET = 'shared-by-every-hub';

async function pairOfHubs(extra: HubOptions = {}): Promise<[Hub, Hub]> {
  needRedis();
  const common: HubOptions = { redisUrl, secret: SECRET, heartbeatMs: 150, peerTimeoutMs: 600, logError: () => {}, ...extra };
  const h1 = await startHub({ ...common, hubId: 'hub-a' });
  const h2 = await startHub({ ...common, hubId: 'hub-b' });
  // Both subscribed and talking before the test drives them.
  await eventually(() => h1.peers().includes('hub-b') && h2.peers().includes('hub-a'), 'the hubs to hear each other');
  return [h1, h2];
}

describe('several hubs behind one Redis', () => {
  it('one command reaches walls on both hubs as the same ClockCommand; failover shows the current state', async () => {
    const [h1, h2] = await pairOfHubs({ controlGraceMs: 300 });
    const clients: Client[] = [];
    try {
      const wallA = await connectWall(h1.url);
      const wallB = await connectWall(h2.url);
      clients.push(wallA, wallB);
      const { token, clientId } = await pair(h1, '主讲');
      const remote = await connectRemote(h1.url, token);
      clients.push(remote);
      expect(await remote.send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
      expect(await remote.send({ kind: 'goTo', sceneId: 'flood' })).toEqual({ ok: true });
      const cA = await wallA.until(() => wallA.commands.find((c) => c.action.kind === 'scene'), 'wall A command');
      const cB = await wallB.until(() => wallB.commands.find((c) => c.action.kind === 'scene'), 'wall B command');
      expect(cB).toEqual(cA);
      expect(cA.action).toMatchObject({ kind: 'scene', sceneId: 'flood' });
      // Hub 2 holds the same state (replicated), and its walls got hub 1's broadcast of it.
      await wallB.untilState((s) => s.sceneId === 'flood' && s.controller?.clientId === clientId, 'state on wall B');
      await eventually(() => h2.state().rev === h1.state().rev && h2.state().sceneId === 'flood', 'state replicated to hub 2');

      // The controller is on hub 1 only: hub 2 must find it there (not revoke control after the grace).
      const until = Date.now() + 700;
      await eventually(() => Date.now() > until, 'more than the control grace');
      expect(h1.state().controller?.clientId).toBe(clientId);
      expect(h2.state().controller?.clientId).toBe(clientId);

      // Hub 1 goes away. The remote (same token: shared secret) and a new wall come back on hub 2.
      await h1.close();
      const wallC = await connectWall(h2.url);
      const remote2 = await connectRemote(h2.url, token);
      clients.push(wallC, remote2);
      expect(wallC.states[0]).toMatchObject({ sceneId: 'flood', controller: { clientId } });
      expect(remote2.states[0]?.sceneId).toBe('flood');
      // Still in control on hub 2, and commands from there reach hub 2's walls.
      expect(await remote2.send({ kind: 'next' })).toEqual({ ok: true });
      const next = await wallC.until(() => wallC.commands.find((c) => c.action.kind === 'scene'), 'command after failover');
      expect(next.action).toMatchObject({ kind: 'scene', sceneId: 'parking' });
    } finally {
      for (const c of clients) c.close();
      await Promise.all([h1.close(), h2.close()]);
    }
  });

  it('the tour keeps running on the surviving hub when the hub running it stops', async () => {
    const scale = 0.01;
    const [h1, h2] = await pairOfHubs({ dwellScale: scale, leadMs: 100 });
    const clients: Client[] = [];
    try {
      const wallB = await connectWall(h2.url);
      clients.push(wallB);
      const { token } = await pair(h1, '主讲');
      const remote = await connectRemote(h1.url, token);
      clients.push(remote);
      expect(await remote.send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
      expect(await remote.send({ kind: 'tour', action: 'start', tourId: 'demo' })).toEqual({ ok: true });
      await wallB.until(() => wallB.commands.filter((c) => c.action.kind === 'scene').length >= 2, 'two steps from hub 1');
      // A hub joining later (with a boot tour of its own) adopts the running state instead of resetting it.
      const h3 = await startHub({ redisUrl, secret: SECRET, hubId: 'hub-c', tourId: 'briefing', dwellScale: scale, logError: () => {} });
      try {
        expect(h3.state().tour?.tourId).toBe('demo');
        expect(h3.state().controller?.name).toBe('主讲');
      } finally {
        await h3.close();
      }
      await h1.close();
      const seen = wallB.commands.length;
      // Hub 2 takes the tour over and its walls keep getting the steps, in tour order.
      const more = await wallB.until(() => wallB.commands.length >= seen + 2 && wallB.commands.slice(seen), 'steps from hub 2');
      const tour = TOURS.demo!;
      const ids = tour.steps.map((s) => s.scene);
      for (let i = 1; i < more.length; i++) {
        const prev = (more[i - 1]!.action as { sceneId: string }).sceneId;
        const cur = (more[i]!.action as { sceneId: string }).sceneId;
        expect(cur).toBe(ids[(ids.indexOf(prev) + 1) % ids.length]);
      }
      expect(h2.audit.some((e) => e.what === 'tour' && e.detail.includes('hub-a'))).toBe(true);
    } finally {
      for (const c of clients) c.close();
      await Promise.all([h1.close(), h2.close()]);
    }
  });
});
