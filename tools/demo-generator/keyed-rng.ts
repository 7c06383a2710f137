/**
 * Streams keyed by many similar labels (department ids d01…d89, dates, hours). Alea's seeding mixes a
 * label's last characters weakly: `Rng.derive(seed, 'x', 'd01')` and `…'d02'` start with nearly the
 * same draw, so a value drawn per key would come out in lockstep. Hashing the labels first (32-bit
 * FNV-1a with a murmur finaliser, integer arithmetic only) puts a well-mixed key in front.
 */
import { Rng } from './random';

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Like Rng.derive, but independent across keys that differ only in their last characters. */
export function keyedRng(seed: number, ...labels: readonly (string | number)[]): Rng {
  const key = labels.map(String).join(':');
  return Rng.derive(seed, hash32(`${seed}:${key}`).toString(36), key);
}
