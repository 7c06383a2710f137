import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORDING, readSourceOptions } from './source-options';

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
      const o = readSourceOptions(`?recording=${encodeURIComponent(bad)}`, O);
      expect(o.url).toBe(DEFAULT_RECORDING);
      expect(o.notes[0]).toContain('refused');
    },
  );
  it('refuses nonsense speed and seek', () => {
    const o = readSourceOptions('?speed=fast&seek=-3', O);
    expect(o.speed).toBeNull();
    expect(o.seekMinutes).toBeNull();
    expect(o.notes).toHaveLength(2);
  });
});
