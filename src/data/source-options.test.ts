import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORDING, readSourceOptions, type RecordedSourceOptions, type SourceOptions } from './source-options';
import { checkWallConfig, type WallConfig } from '../config/schema';

function recorded(o: SourceOptions): RecordedSourceOptions {
  if (o.kind !== 'recorded') throw new Error(`expected recorded, got ${o.kind}`);
  return o;
}
function config(value: unknown): WallConfig {
  const c = checkWallConfig(value);
  if (!c.ok) throw new Error(c.errors.join('; '));
  return c.config;
}
const LIVE = config({ mode: 'live', live: { url: 'https://feed.example.cn:8443', topics: { 'case.event': { pollSeconds: 3, staleAfterSeconds: 60 } } } });

const O = 'http://127.0.0.1:4173';

describe('readSourceOptions', () => {
  it('defaults to the recorded demo', () => {
    expect(readSourceOptions('', O)).toEqual({ kind: 'recorded', url: DEFAULT_RECORDING, speed: null, seekMinutes: null, notes: [] });
  });
  it('takes a same-origin recording, a speed and a seek', () => {
    const o = readSourceOptions('?recording=/recordings/other.ndjson&speed=4&seek=12.5', O);
    expect(o).toMatchObject({ url: '/recordings/other.ndjson', speed: 4, seekMinutes: 12.5, notes: [] });
  });
  it.each(['https://evil.example/x.ndjson', '//evil.example/x.ndjson', 'javascript:alert(1)', 'recordings/x.ndjson', '/\\evil.example'])(
    'refuses recording=%s and keeps the default',
    (bad) => {
      const o = recorded(readSourceOptions(`?recording=${encodeURIComponent(bad)}`, O));
      expect(o.url).toBe(DEFAULT_RECORDING);
      expect(o.notes[0]).toContain('refused');
    },
  );
  it('refuses nonsense speed and seek', () => {
    const o = recorded(readSourceOptions('?speed=fast&seek=-3', O));
    expect(o.speed).toBeNull();
    expect(o.seekMinutes).toBeNull();
    expect(o.notes).toHaveLength(2);
  });

  it('goes live when the config says so, with per-topic timing in ms and the host for the title bar', () => {
    const o = readSourceOptions('', O, LIVE);
    if (o.kind !== 'live') throw new Error('expected live');
    expect(o.host).toBe('feed.example.cn:8443');
    expect(o.live).toMatchObject({ url: 'https://feed.example.cn:8443', transport: 'socket.io', requestTimeoutMs: 8000, topics: { 'case.event': { pollMs: 3000, staleAfterMs: 60_000 } } });
  });
  it('?mode=demo (or any demo parameter) overrides a live config with a note; nothing in the URL can choose a server', () => {
    expect(readSourceOptions('?mode=demo', O, LIVE)).toMatchObject({ kind: 'recorded', url: DEFAULT_RECORDING });
    expect(readSourceOptions('?mode=demo', O, LIVE).notes[0]).toContain('not used');
    expect(readSourceOptions('?seek=3', O, LIVE)).toMatchObject({ kind: 'recorded', seekMinutes: 3 });
    const o = readSourceOptions('?mode=live&url=https://evil.example', O);
    expect(o.kind).toBe('recorded');
    expect(o.notes[0]).toContain('refused');
  });
  it('takes the demo recording and speed from the config', () => {
    const o = recorded(readSourceOptions('', O, config({ mode: 'demo', demo: { recording: '/recordings/b.ndjson', speed: 4 } })));
    expect(o).toMatchObject({ url: '/recordings/b.ndjson', speed: 4 });
  });
});
