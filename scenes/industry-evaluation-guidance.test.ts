import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sceneSpecSchema } from '../src/scene/spec';
import { EVALUATION_BINDINGS } from '../src/scene/bind/evaluation';
import { GUIDANCE_BINDINGS } from '../src/scene/bind/guidance';
import { INDUSTRY_BINDINGS } from '../src/scene/bind/industry';
import { SCENE_LIST, SCENES } from '.';
import { evaluation } from './evaluation';
import { guidance } from './guidance';
import { industry } from './industry';

describe('industry, evaluation and guidance scenes', () => {
  it.each([industry, evaluation, guidance])('$id validates, is registered and keeps the layout readable', (scene) => {
    expect(sceneSpecSchema.safeParse(scene).success).toBe(true);
    expect(SCENES[scene.id]).toBe(scene);
    for (const side of ['left', 'right'] as const) expect(scene.panels.filter((p) => p.slot === side).length).toBeLessThanOrEqual(4);
    for (const strip of ['top', 'bottom'] as const) expect(scene.panels.filter((p) => p.slot === strip).length).toBeLessThanOrEqual(1);
  });

  it('name the source system of every binding they add', () => {
    for (const [id, b] of Object.entries({ ...INDUSTRY_BINDINGS, ...EVALUATION_BINDINGS, ...GUIDANCE_BINDINGS })) expect(b.source, id).toBeTruthy();
  });

  it('sit in the agreed order after the overview', () => {
    const ids = SCENE_LIST.map((s) => s.id);
    expect(ids.indexOf('overview')).toBe(0);
    expect(ids.indexOf('industry')).toBeLessThan(ids.indexOf('evaluation'));
    expect(ids.indexOf('evaluation')).toBeLessThan(ids.indexOf('guidance'));
  });
});

describe('their bindings on the demo recording', () => {
  it('select data from the newest snapshots of the shipped recording', () => {
    const [head, ...lines] = readFileSync(new URL('../public/recordings/yichang-demo.ndjson', import.meta.url), 'utf8').trimEnd().split('\n');
    const rec = { header: JSON.parse(head ?? '{}') as { endTime: number } };
    const latest = new Map<string, { asOf: number }>();
    for (const line of lines) {
      const l = JSON.parse(line) as { topic: string; payload: { asOf: number } };
      latest.set(l.topic, l.payload);
    }
    const stores = {
      topics: { latest: (t: string) => latest.get(t) ?? null, asOf: (t: string) => latest.get(t)?.asOf ?? null },
    } as unknown as Parameters<(typeof INDUSTRY_BINDINGS)['industry.table']['select']>[0];
    const all = { ...INDUSTRY_BINDINGS, ...EVALUATION_BINDINGS, ...GUIDANCE_BINDINGS };
    for (const [id, b] of Object.entries(all)) {
      const data = b.select(stores);
      expect(data, id).not.toBeNull();
      expect(b.lastDataTime(stores), id).toBe(rec.header.endTime);
    }
    const table = INDUSTRY_BINDINGS['industry.table'].select(stores);
    expect(table?.rows).toHaveLength(19);
    const departments = EVALUATION_BINDINGS['evaluation.departments'].select(stores);
    expect(departments?.rows).toHaveLength(89);
    expect(new Set(departments?.rows.map((r) => r.cells.name)).size).toBe(89);
  });
});
