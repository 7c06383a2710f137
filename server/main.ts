/**
 * CLI of the reference feed server:
 *   npm run feed -- [--port 4400] [--host 127.0.0.1] [--speed 1] [--origin <epoch ms>] [--seed N]
 *                   [--tick 50] [--retain 20000] [--test-hooks]
 * Prints the URL and a summary of the contract; Ctrl-C (SIGINT) or SIGTERM stops it. To continue the
 * same stream after a restart (same epoch, same seqs), pass the printed --origin again.
 */
import { parseArgs } from 'node:util';
import { FEED_API_PREFIX, FEED_NAMESPACE, MAX_RANGE_LIMIT, SOCKET_EVENTS } from '../data-adapters/feed-contract';
import { TOPICS } from '../data-adapters/schemas';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TICK_MS, FeedServer } from './feed-server';
import { TEST_HOOKS_PREFIX } from './rest';
import { DEFAULT_RETAIN, FEED_TOPICS } from './stream';

function integer(name: string, raw: string | undefined, fallback: number | undefined): number | undefined {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`--${name} must be an integer, got ${raw}`);
  return value;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      speed: { type: 'string' },
      origin: { type: 'string' },
      seed: { type: 'string' },
      tick: { type: 'string' },
      retain: { type: 'string' },
      'test-hooks': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log('npm run feed -- [--port 4400] [--host 127.0.0.1] [--speed 1] [--origin <epoch ms>] [--seed N] [--tick 50] [--retain 20000] [--test-hooks]');
    return;
  }
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`--speed must be a number > 0, got ${values.speed}`);
  const server = new FeedServer({
    port: integer('port', values.port, DEFAULT_PORT),
    host: values.host ?? DEFAULT_HOST,
    speed,
    originTime: integer('origin', values.origin, undefined),
    seed: integer('seed', values.seed, DEMO_SEED),
    tick: integer('tick', values.tick, DEFAULT_TICK_MS),
    retain: integer('retain', values.retain, DEFAULT_RETAIN),
    httpTestHooks: values['test-hooks'] ?? false,
  });

  server.start().then(
    () => {
      const api = `${server.url}${FEED_API_PREFIX}`;
      const lines = [
        `citywall reference feed server — ${server.url}`,
        `  epoch ${server.epoch}   origin ${server.originTime} (${new Date(server.originTime).toISOString()})   speed ×${server.stream.speed}   seed ${server.stream.seed}`,
        `  data time now ${new Date(server.dataNow()).toISOString()}; the 30-minute demo recording loops every ${server.stream.loopMs / 60_000 / server.stream.speed} real minutes`,
        '',
        'REST (JSON, CORS open for GET, Cache-Control: no-store):',
        `  GET ${api}/health`,
        `  GET ${api}/topics`,
        `  GET ${api}/snapshot/:topic              ETag "<epoch>:<seq>", If-None-Match → 304`,
        `  GET ${api}/events/:topic?after=N&limit=M  limit ≤ ${MAX_RANGE_LIMIT}`,
        `socket.io namespace ${FEED_NAMESPACE}: emit '${SOCKET_EVENTS.subscribe}' {topics, epoch?, after?} with ack; receive '${SOCKET_EVENTS.msg}' (one envelope) and '${SOCKET_EVENTS.msgs}' (a batch)`,
        'topics:',
        ...FEED_TOPICS.map((t) => `  ${t.padEnd(18)} ${TOPICS[t].kind.padEnd(8)} lastSeq ${server.lastSeq(t)}`),
        ...(values['test-hooks'] ? [`TEST HOOKS ON: POST ${server.url}${TEST_HOOKS_PREFIX}/inject | /flood | /kill`] : []),
        '',
        `Contract: docs/feed-contract.md. Same stream after a restart: npm run feed -- --origin ${server.originTime}${speed !== 1 ? ` --speed ${speed}` : ''}`,
        'Ctrl-C to stop.',
      ];
      console.log(lines.join('\n'));
    },
    (err: unknown) => {
      console.error(`feed server failed to start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) process.exit(1); // second Ctrl-C: do not wait
    stopping = true;
    console.log('\nstopping feed server…');
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
