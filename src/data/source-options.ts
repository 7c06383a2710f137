/**
 * Which source the wall runs, read from the page URL. Pure, so the rules are unit-tested:
 *   (none)                      the recorded demo, /recordings/yichang-demo.ndjson
 *   ?recording=<path>           another recording; a same-origin path only ("/recordings/x.ndjson")
 *   ?speed=N                    replay speed, 0.1–100 (default: the recorded source's own default)
 *   ?seek=<minutes>             start that many minutes into the recording
 * A parameter that is refused is reported in `notes` and ignored, never half-applied.
 */
export const DEFAULT_RECORDING = '/recordings/yichang-demo.ndjson';

export interface SourceOptions {
  kind: 'recorded';
  url: string;
  speed: number | null;
  seekMinutes: number | null;
  notes: string[];
}

export function readSourceOptions(search: string, origin: string): SourceOptions {
  const params = new URLSearchParams(search);
  const notes: string[] = [];
  let url = DEFAULT_RECORDING;

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

  let speed: number | null = null;
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
  const parts = [`recorded ${o.url}`];
  if (o.speed !== null) parts.push(`speed ${o.speed}×`);
  if (o.seekMinutes !== null) parts.push(`seek +${o.seekMinutes} min`);
  return parts.join(', ');
}
