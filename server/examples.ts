/**
 * Prints the examples of docs/feed-contract.md from a real feed server (fixed origin, so the output is
 * the same every time):  npx tsx server/examples.ts
 */
import { FEED_API_PREFIX } from '../data-adapters/feed-contract';
import { TOPICS } from '../data-adapters/schemas';
import { FeedServer } from './feed-server';
import { FEED_TOPICS } from './stream';

const ORIGIN = Date.UTC(2027, 2, 1, 0, 0); // 2027-03-01 08:00 Asia/Shanghai
const server = new FeedServer({ port: 0, originTime: ORIGIN, tick: 'manual', now: () => ORIGIN + 10 * 60_000 });
await server.start();
const get = async (path: string): Promise<unknown> => (await fetch(`${server.url}${FEED_API_PREFIX}${path}`)).json();
const out: Record<string, unknown> = {};
out.topics = await get('/topics');
for (const topic of FEED_TOPICS) {
  out[topic] = TOPICS[topic].kind === 'snapshot' ? await get(`/snapshot/${topic}`) : await get(`/events/${topic}?after=4&limit=1`);
}
out.errors = { badLimit: await get('/events/case.event?limit=0'), unknown: await get('/snapshot/nope') };
console.log(JSON.stringify(out, null, 2));
await server.stop();
