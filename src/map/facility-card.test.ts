import { describe, expect, it } from 'vitest';
import { buildFacilityCard, cardPosition, plainText, type CardCase, type CardFacility } from './facility-card';
import { inspectionDay } from '../facilities/schema';

const NOW = Date.UTC(2026, 10, 26, 1, 36);
const TODAY = inspectionDay(NOW);
const gasManhole: CardFacility = { kind: 'manholes', id: 1_056_149, type: 'gas', status: 'alarm', lon: 111.306775, lat: 30.730671, unit: 'xiling', inspectedDay: TODAY - 40 };

const rowsOf = (c: ReturnType<typeof buildFacilityCard>) => Object.fromEntries(c.rows.map((r) => [r.id, r]));

describe('buildFacilityCard', () => {
  it('shows code, Chinese type, status with its tone, district, inspection and position', () => {
    const card = buildFacilityCard({ facility: gasManhole, now: NOW, openCases: [] });
    const r = rowsOf(card);
    expect(card.code).toBe('JG1056149');
    expect(card.title).toBe('井盖 JG1056149');
    expect(r.type!.value).toBe('燃气井盖');
    expect(r.status).toMatchObject({ value: '告警', tone: 'alert' });
    expect(r.unit!.value).toBe('西陵区');
    expect(r.inspected).toMatchObject({ tone: 'normal' });
    expect(r.inspected!.value).toContain('40天前');
    expect(r.position!.value).toBe('111.306775, 30.730671');
    expect(card.links).toEqual([]);
  });

  it('highlights an overdue inspection (> 365 days)', () => {
    const r = rowsOf(buildFacilityCard({ facility: { ...gasManhole, inspectedDay: TODAY - 400 }, now: NOW, openCases: [] }));
    expect(r.inspected).toMatchObject({ tone: 'alert' });
    expect(r.inspected!.value).toContain('已超期');
  });

  it('gives pipe extras: material, diameter, install year (old pipes flagged)', () => {
    const pipe: CardFacility = { kind: 'pipes', id: 1_000_002, type: 'gas', status: 'repair', lon: 111.3, lat: 30.7, material: 'steel', diameter: 200, installYear: 1990 };
    const card = buildFacilityCard({ facility: pipe, now: NOW, openCases: [] });
    const r = rowsOf(card);
    expect(card.code).toBe('GX1000002');
    expect(r.type!.value).toBe('燃气管线');
    expect(r.status).toMatchObject({ value: '维修中', tone: 'warn' });
    expect(r.material!.value).toBe('钢管');
    expect(r.diameter!.value).toBe('DN200');
    expect(r.installYear).toMatchObject({ value: '1990年（36年）', tone: 'warn' });
  });

  it('streetlights: lamp type and watts', () => {
    const card = buildFacilityCard({ facility: { kind: 'streetlights', id: 2_000_010, type: 'led', status: 'offline', lon: 111.3, lat: 30.7, watts: 150 }, now: NOW, openCases: [] });
    expect(rowsOf(card).type!.value).toBe('LED路灯 150W');
    expect(rowsOf(card).status).toMatchObject({ value: '离线', tone: 'offline' });
  });

  it('links open cases within 30 m or naming the code, and alarms on it, each case once', () => {
    const cases: CardCase[] = [
      { caseId: 'GAS-20261126-001', address: '西陵区 夷陵大道 燃气阀井 JG1056149', lon: 111.306775, lat: 30.730671, stage: 'dispatch' },
      { caseId: 'YC-NEAR', address: '西陵区 珍珠路', lon: 111.306775 + 0.0002, lat: 30.730671, stage: 'handle' }, // ~19 m east
      { caseId: 'YC-FAR', address: '西陵区 东山大道', lon: 111.306775 + 0.001, lat: 30.730671, stage: 'handle' }, // ~96 m
      { caseId: 'YC-NAMED', address: '井盖 JG1056149 松动', lon: 111.4, lat: 30.6, stage: 'register' },
    ];
    const alarms = [
      { id: 'LL1', kind: '可燃气体浓度超限', place: '燃气阀井 JG1056149', lon: 111.306775, lat: 30.730671, state: 'ticketed', caseId: 'GAS-20261126-001' },
      { id: 'LL2', kind: '管网液位超限', place: '排水检查井', lon: 111.306775, lat: 30.730671, state: 'pending', caseId: null },
    ];
    const card = buildFacilityCard({ facility: gasManhole, now: NOW, openCases: cases, alarms });
    expect(card.links.map((l) => l.id)).toEqual(['case:GAS-20261126-001', 'case:YC-NEAR', 'case:YC-NAMED', 'alarm:LL2']);
    expect(card.links[0]!.text).toContain('派单');
    expect(card.linkCount).toBe(4);
  });

  it('keeps hostile feed text as flat, capped text', () => {
    const hostile = '<img src=x onerror=alert(1)>\n<script>steal()</script>\u2028' + 'x'.repeat(200);
    const card = buildFacilityCard({
      facility: gasManhole,
      now: NOW,
      openCases: [{ caseId: 'YC-1', address: hostile, lon: gasManhole.lon, lat: gasManhole.lat, stage: '<b>' }],
    });
    const text = card.links[0]!.text;
    expect(text).not.toMatch(/[\n\u2028]/);
    expect(text.length).toBeLessThanOrEqual(40);
    expect(text.startsWith('YC-1 <b> <img src=x onerror=alert(1)>')).toBe(true); // literal text, shown as such
    expect(plainText('a\u0000b\tc')).toBe('a b c');
  });

  it('survives odd codes: unknown type and status show plainly', () => {
    const card = buildFacilityCard({ facility: { ...gasManhole, type: 'hydrant', status: 'melted' as never }, now: NOW, openCases: [] });
    expect(rowsOf(card).type!.value).toBe('hydrant井盖');
    expect(rowsOf(card).status!.value).toBe('正常');
  });
});

describe('cardPosition', () => {
  it('puts the card right of the point, flips left at the edge, stays inside the box', () => {
    expect(cardPosition(100, 300, { w: 1000, h: 600 }, { w: 400, h: 200 })).toEqual({ left: 116, top: 200 });
    expect(cardPosition(900, 10, { w: 1000, h: 600 }, { w: 400, h: 200 })).toEqual({ left: 484, top: 0 });
    expect(cardPosition(100, 590, { w: 1000, h: 600 }, { w: 400, h: 200 }).top).toBe(400);
  });
});
