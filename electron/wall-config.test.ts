import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWallConfig, parseWallConfigText } from './wall-config';

const example = JSON.parse(readFileSync('electron/wall.config.example.json', 'utf8')) as Record<string, unknown>;

describe('wall config', () => {
  it('accepts the shipped example (4x2 tile grid) and fills defaults', () => {
    const r = parseWallConfig(example);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.mode).toBe('tile');
    expect(r.config.layout).toMatchObject({ kind: 'grid', cols: 4, rows: 2 });
    expect(r.config.operator.combo).toBe('Control+Alt+Shift+K');
  });

  it('fills defaults for a minimal LED-wall config', () => {
    const r = parseWallConfig({ version: 1, mode: 'span', layout: { kind: 'grid', cols: 1, rows: 1 }, operator: { pinHash: example.operator && (example.operator as { pinHash: string }).pinHash } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.recovery.heartbeatTimeoutMs).toBe(8000);
    expect(r.config.clockLeadMs).toBe(150);
    expect(r.config.layout.kind === 'grid' && r.config.layout.bezel).toEqual({ unit: 'px', x: 0, y: 0 });
  });

  it('reports every problem at once, each with its path and what was expected', () => {
    const r = parseWallConfig({ ...example, mode: 'mirror', layout: { kind: 'grid', cols: 0, rows: 2.5, bezel: { unit: 'mm', x: 3 } }, operator: { pinHash: '1234' }, colour: 'blue' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.join('\n');
    expect(text).toContain('mode: expected mode "span" (one window across displays) or "tile" (one window per display)');
    expect(text).toMatch(/layout\.cols: expected cols ≥ 1/);
    expect(text).toMatch(/layout\.rows: expected rows: an integer from 1 to 16/);
    expect(text).toContain('layout.bezel.pixelPitchMm: bezels in mm need pixelPitchMm');
    expect(text).toContain('operator.pinHash: expected "scrypt:<salt>:<hash>" from electron/hash-pin.mjs');
    expect(text).toContain('(root): unknown key(s) "colour"');
    expect(r.errors.length).toBeGreaterThanOrEqual(6);
  });

  it('explicit layouts: duplicate keys and viewports outside the wall are named', () => {
    const r = parseWallConfig({
      ...example,
      layout: {
        kind: 'explicit',
        wall: { width: 3840, height: 1080 },
        displays: [
          { key: 'left', match: { index: 0 }, viewport: { x: 0, y: 0, width: 1920, height: 1080 } },
          { key: 'left', match: { index: 1 }, viewport: { x: 1920, y: 0, width: 2000, height: 1080 } },
        ],
      },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.join('\n');
    expect(text).toContain('layout.displays[1].key: duplicate key "left"');
    expect(text).toContain('layout.displays[1].viewport: viewport 1920,0 2000x1080 reaches outside the 3840x1080 wall');
    // (Cross-field checks run once every field is valid: a bad match is reported on its own.)
    const bad = parseWallConfig({ ...example, layout: { kind: 'explicit', wall: { width: 10, height: 10 }, displays: [{ key: 'x', match: { port: 'HDMI-1' }, viewport: { x: 0, y: 0, width: 10, height: 10 } }] } });
    expect(bad.ok === false && bad.errors.join('\n')).toContain('layout.displays[0].match: expected a display match');
  });

  it('a JSON syntax error names the line', () => {
    const r = parseWallConfigText('{\n  "version": 1,\n  "mode": "tile",,\n}', 'wall.config.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatch(/^wall\.config\.json: not valid JSON at line 3/);
  });

  it('the wrong version is refused', () => {
    const r = parseWallConfig({ ...example, version: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('version: expected version 1');
  });
});
