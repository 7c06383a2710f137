/**
 * Scale-out and failover: several hubs share one Redis. socket.io's Redis adapter fans every room
 * broadcast (ClockCommands to the walls, HubState to everyone) out to the clients of every hub, and
 * carries serverSideEmit between the hubs (state replication and heartbeats, see hub.ts).
 *
 * Uses the `redis` package (v6: it has pSubscribe with buffer mode, which @socket.io/redis-adapter 8.3
 * detects as "redis v4 or later").
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

export interface RedisLink {
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

export async function connectRedis(url: string, logError: (m: string) => void): Promise<RedisLink> {
  // Give up quickly at start (a wrong URL should fail the start, not hang it); reconnect forever later.
  let started = false;
  const reconnectStrategy = (retries: number): number | Error =>
    !started && retries > 3 ? new Error(`redis: cannot connect to ${url}`) : Math.min(100 * 2 ** retries, 2000);
  const pub = createClient({ url, socket: { reconnectStrategy, connectTimeout: 3000 } });
  const sub = pub.duplicate();
  let reported = false;
  const onError = (err: unknown): void => {
    // The client retries by itself; one line per outage is enough.
    if (reported) return;
    reported = true;
    logError(`hub redis: ${err instanceof Error ? err.message : String(err)} (retrying; further errors not reported until it recovers)`);
  };
  const onReady = (): void => {
    reported = false;
  };
  for (const c of [pub, sub]) {
    c.on('error', onError);
    c.on('ready', onReady);
  }
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    await Promise.allSettled([pub.destroy(), sub.destroy()]);
    throw err;
  }
  started = true;
  return {
    adapter: createAdapter(pub, sub, { requestsTimeout: 2000 }),
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
