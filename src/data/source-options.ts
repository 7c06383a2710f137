/**
 * Which source the wall runs: the config file (src/config) chooses demo or live; the page URL may still
 * override for demonstrations. Pure, so the rules are unit-tested:
 *   (none)                      what the config says (no config: the recorded demo, /recordings/yichang-demo.ndjson)
 *   ?mode=demo                  the demo even when the config says live (a rehearsal on the live wall)
 *   ?recording=<path>           another recording (implies demo); a same-origin path only ("/recordings/x.ndjson")
 *   ?speed=N                    replay speed, 0.1–100 (implies demo; default: the config's, else the source's own)
 *   ?seek=<minutes>             start that many minutes into the recording (implies demo)
 * The URL can never point the wall at another live server: that is the config file's job alone.
 * A parameter that is refused is reported in `notes` and ignored, never half-applied.
 */
import { DEFAULT_CONFIG, DEFAULT_RECORDING, liveSourceOptions, type WallConfig } from '../config/schema';
import type { LiveSourceOptions } from '../../data-adapters/live/live-source';

export { DEFAULT_RECORDING };

export interface RecordedSourceOptions {
  kind: 'recorded';
  url: string;
  speed: number | null;
  seekMinutes: number | null;
  notes: string[];
}

export interface LiveChoice {
  kind: 'live';
  live: LiveSourceOptions;
  /** host[:port] of the feed, for the title bar. */
  host: string;
  notes: string[];
}

export type SourceOptions = RecordedSourceOptions | LiveChoice;

export function readSourceOptions(search: string, origin: string, config: WallConfig = DEFAULT_CONFIG): SourceOptions {
  const params = new URLSearchParams(search);
  const modeParam = params.get('mode');
  const notes: string[] = [];
  if (modeParam !== null && modeParam !== 'demo') {
    notes.push(`mode=${JSON.stringify(modeParam.slice(0, 20))} refused: only mode=demo can be asked for in the URL (live comes from the config file)`);
  }
  const demoAsked = modeParam === 'demo' || ['recording', 'speed', 'seek'].some((k) => params.has(k));
  if (config.mode === 'live' && !demoAsked) return liveChoice(config, notes);
  const recorded = readRecordedOptions(params, origin, config);
  recorded.notes.unshift(...notes);
  return recorded;
}

function liveChoice(config: Extract<WallConfig, { mode: 'live' }>, notes: string[]): LiveChoice {
  return { kind: 'live', live: liveSourceOptions(config.live), host: new URL(config.live.url).host, notes };
}

function readRecordedOptions(params: URLSearchParams, origin: string, config: WallConfig): RecordedSourceOptions {
  const notes: string[] = [];
  if (config.mode === 'live') notes.push('the URL asks for the demo: the live feed of the config file is not used');
  const demo = config.demo;
  let url = demo?.recording ?? DEFAULT_RECORDING;

  const recording = params.get('recording');
  if (recording !== null) {
    const sameOriginPath = /^\/(?!\/)[^\\]*$/.test(recording);
    let resolved: URL | null = null;
    try {
      resolved = new URL(recording, origin);
    } catch {
      resolved = null;
    }
    if (sameOriginPath && resolved && resolved.origin === new URL(origin).origin) {
      url = resolved.pathname + resolved.search;
    } else {
      notes.push(`recording=${JSON.stringify(recording.slice(0, 80))} refused: only a same-origin path such as /recordings/x.ndjson`);
    }
  }

  let speed: number | null = demo && demo.speed !== 1 ? demo.speed : null;
  const speedParam = params.get('speed');
  if (speedParam !== null) {
    const n = Number(speedParam);
    if (Number.isFinite(n) && n >= 0.1 && n <= 100) speed = n;
    else notes.push(`speed=${JSON.stringify(speedParam.slice(0, 20))} refused: expected a number from 0.1 to 100`);
  }

  let seekMinutes: number | null = null;
  const seekParam = params.get('seek');
  if (seekParam !== null) {
    const n = Number(seekParam);
    if (Number.isFinite(n) && n >= 0) seekMinutes = n;
    else notes.push(`seek=${JSON.stringify(seekParam.slice(0, 20))} refused: expected minutes ≥ 0`);
  }

  return { kind: 'recorded', url, speed, seekMinutes, notes };
}

export function describeSourceOptions(o: SourceOptions): string {
  if (o.kind === 'live') return `live ${o.live.transport ?? 'socket.io'} ${o.live.url}`;
  const parts = [`recorded ${o.url}`];
  if (o.speed !== null) parts.push(`speed ${o.speed}×`);
  if (o.seekMinutes !== null) parts.push(`seek +${o.seekMinutes} min`);
  return parts.join(', ');
}
