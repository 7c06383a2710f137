/**
 * Picks the wall's source from the page URL (rules in source-options.ts) and logs what it chose.
 * Only the recorded source exists today; live REST / socket.io sources plug in here by kind.
 */
import { createRecordedSource } from '../../data-adapters/recorded-source';
import type { Source } from '../../data-adapters/source';
import { describeSourceOptions, readSourceOptions, type SourceOptions } from './source-options';

export interface ChosenSource {
  source: Source;
  options: SourceOptions;
}

export function createSourceFromLocation(loc: Pick<Location, 'search' | 'origin'> = window.location): ChosenSource {
  const options = readSourceOptions(loc.search, loc.origin);
  for (const note of options.notes) console.warn(`[citywall:source] ${note}`);
  console.info(`[citywall:source] ${describeSourceOptions(options)}`);
  const source = createRecordedSource({
    url: options.url,
    autoplay: true,
    loop: true,
    ...(options.speed !== null ? { speed: options.speed } : {}),
  });
  return { source, options };
}

/** Start the source, then apply ?seek once the recording's time range is known. */
export async function startSource(chosen: ChosenSource): Promise<void> {
  const { source, options } = chosen;
  await source.start();
  if (options.seekMinutes !== null && source.seek && source.capabilities.has('seek')) {
    const { clock } = source.getState();
    const target = clock.startTime + options.seekMinutes * 60_000;
    source.seek(clock.endTime !== null ? Math.min(target, clock.endTime) : target);
  }
}
