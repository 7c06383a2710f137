import { describe, expect, it } from 'vitest';
import { defineScene, sceneSpecSchema, type SceneSpecInput } from './spec';
import { overview } from '../../scenes/overview';
import { SCENES } from '../../scenes';
import { staleness } from './stale';

describe('scene specs', () => {
  it('the overview validates and is registered', () => {
    expect(sceneSpecSchema.safeParse(overview).success).toBe(true);
    expect(SCENES.overview).toBe(overview);
    expect(overview.title).toBe('城市运行总览');
    expect(overview.panels.map((p) => p.id)).toEqual(['kpis', 'loop', 'units', 'channels', 'trend', 'rates', 'systems', 'volumes']);
  });

  it('a broken spec fails with every problem and its path', () => {
    const broken = {
      ...overview,
      id: 'broken',
      camera: { ...overview.camera, pitch: 30 },
      panels: [
        { id: 'a', kind: 'kpi', title: 'A', binding: 'rates.units', slot: 'top', order: 0, size: 'm' },
        { id: 'a', kind: 'pie3d', title: 'B', binding: 'cases.kpis', slot: 'left', order: 1, size: 's' },
        { id: 'c', kind: 'ranking', title: 'C', binding: 'cases.byUnit', slot: 'top', order: 2, size: 's' },
      ],
    } as unknown as SceneSpecInput;
    let message = '';
    try {
      defineScene(broken);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('scene "broken" is invalid');
    expect(message).toContain('camera.pitch');
    expect(message).toContain('panels.1.kind');
  });

  it('cross-field rules: binding fits the kind, slot fits the kind, ids are unique', () => {
    const base = overview.panels[0]!;
    const r = sceneSpecSchema.safeParse({
      ...overview,
      panels: [
        { ...base, binding: 'rates.units' },
        { ...base, slot: 'left' },
      ],
    });
    expect(r.success).toBe(false);
    const text = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(text).toContain('panels.0.binding: panel "kpis": kind "kpi" cannot show binding "rates.units"');
    expect(text).toContain('panels.1.slot');
    expect(text).toContain('panels.1.id: duplicate panel id "kpis"');
  });
});

describe('scene camera', () => {
  const parse = (camera: unknown) => sceneSpecSchema.safeParse({ ...overview, camera });
  const messages = (camera: unknown) => {
    const r = parse(camera);
    return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
  };

  it('the overview frames all units at the wall tilt', () => {
    expect(overview.camera).toEqual({ kind: 'fit-units', pitch: -55, heading: 0 });
  });

  it('accepts both kinds and fills in defaults', () => {
    expect(parse({ kind: 'fit-units' }).data?.camera).toEqual({ kind: 'fit-units', pitch: -55, heading: 0 });
    expect(parse({ kind: 'look-at', lon: 111.29, lat: 30.7, range: 40_000, pitch: -40, heading: 30 }).success).toBe(true);
    expect(parse({ kind: 'look-at', lon: 111.29, lat: 30.7, range: 40_000 }).data?.camera).toMatchObject({ pitch: -55, heading: 0 });
  });

  it('an unknown or missing kind (an old {lon, lat, height} camera) says which kinds exist', () => {
    for (const camera of [{ lon: 111.29, lat: 30.62, height: 42_000, heading: -15, pitch: -50 }, { kind: 'orbit' }]) {
      expect(messages(camera)).toContain('camera.kind: camera needs kind "fit-units" (frame all 13 units: pitch, heading) or "look-at" (lon, lat, range, pitch, heading)');
    }
  });

  it('bad fields name the field, its unit and its range', () => {
    expect(messages({ kind: 'look-at', lon: 111.29, lat: 30.7 })).toContain('camera.range');
    expect(messages({ kind: 'look-at', lon: 111.29, lat: 30.7, range: 10 })).toContain('camera.range: range: metres from the camera to the target, 500…3000000');
    expect(messages({ kind: 'look-at', lon: 211, lat: 30.7, range: 9000 })).toContain('camera.lon: lon: -180…180 degrees');
    expect(messages({ kind: 'fit-units', pitch: -20 })).toContain('camera.pitch: pitch: -90…-35 degrees for fit-units');
    expect(messages({ kind: 'fit-units', pitch: -55, height: 42_000 })).toMatch(/camera: Unrecognized key.*height/);
  });
});

describe('stale marks', () => {
  it('judges age on the data clock against the threshold', () => {
    expect(staleness(1_000, null, 5)).toBeNull();
    expect(staleness(null, 1_000, 5)).toEqual({ minutes: null });
    expect(staleness(0, 5 * 60_000, 5)).toBeNull();
    expect(staleness(0, 12 * 60_000 + 5, 5)).toEqual({ minutes: 12 });
  });
});
