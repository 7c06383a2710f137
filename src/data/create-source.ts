/**
 * Picks the wall's source — recorded (demo) or live — from the config file and the page URL (rules in
 * source-options.ts) and logs what it chose. Stores never learn which one it is.
 */
import { createLiveSource } from '../../data-adapters/live/live-source';
import { createRecordedSource } from '../../data-adapters/recorded-source';
import type { Source } from '../../data-adapters/source';
import { DEFAULT_CONFIG, type WallConfig } from '../config/schema';
import { describeSourceOptions, readSourceOptions, type SourceOptions } from './source-options';

export interface ChosenSource {
  source: Source;
  options: SourceOptions;
}

export function createSourceFromLocation(
  loc: Pick<Location, 'search' | 'origin'> = window.location,
  config: WallConfig = DEFAULT_CONFIG,
): ChosenSource {
  const options = readSourceOptions(loc.search, loc.origin, config);
  for (const note of options.notes) console.warn(`[citywall:source] ${note}`);
  console.info(`[citywall:source] ${describeSourceOptions(options)}`);
  return { source: createSource(options), options };
}

export function createSource(options: SourceOptions): Source {
  switch (options.kind) {
    case 'recorded':
      return createRecordedSource({
        url: options.url,
        autoplay: true,
        loop: true,
        ...(options.speed !== null ? { speed: options.speed } : {}),
      });
    case 'live':
      return createLiveSource(options.live);
    default: {
      const never: never = options;
      throw new Error(`unknown source kind ${JSON.stringify(never)}`);
    }
  }
}

/** Start the source, then apply ?seek once the recording's time range is known. */
export async function startSource(chosen: ChosenSource): Promise<void> {
  const { source, options } = chosen;
  await source.start();
  if (options.kind === 'recorded' && options.seekMinutes !== null && source.seek && source.capabilities.has('seek')) {
    const { clock } = source.getState();
    const target = clock.startTime + options.seekMinutes * 60_000;
    source.seek(clock.endTime !== null ? Math.min(target, clock.endTime) : target);
  }
}
