import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { connectSource } from './connect';
import { createFakeSource } from './fake-source';
import { snapshotFigures, useWallStores } from '../stores';
import { MIN, T0, baselineMsg, event, eventMsg, msg } from '../stores/fixtures';

beforeEach(() => setActivePinia(createPinia()));

describe('connectSource', () => {
  it('feeds every store from one Source and mirrors its state', async () => {
    const stores = useWallStores();
    const src = createFakeSource(T0);
    const conn = connectSource(src, stores);
    expect(stores.source.kind).toBe('recorded');
    await src.start();
    src.push([
      baselineMsg(),
      msg('rates.units', { asOf: T0, units: [{ unitId: 'xiling', response: 99, completion: 97, satisfaction: 95 }] }, T0),
      msg('industry.systems', { asOf: T0, systems: [{ id: 'szcg', state: 'degraded', lastHeartbeat: T0, keyFigure: { label: '在线', value: 1, unit: '人' } }] }, T0),
      msg('data.volumes', { asOf: T0, tables: 40, sources: [{ id: 'yijie', records: 2_240_000, todayIncrement: 5 }] }, T0),
      eventMsg(event('c1', 'discover', T0 + MIN)),
    ]);
    src.setState({ clock: { ...src.getState().clock, currentTime: T0 + 2 * MIN }, health: { accepted: 5, rejected: 2, rejectedByTopic: { x: 2 }, lastError: 'x: bad' } });
    const f = snapshotFigures(stores);
    expect(f).toMatchObject({ casesToday: 106, cumulativeHandled: 860_600, overdueOpen: 7, healthRejected: 2, status: 'playing', kind: 'recorded', clock: T0 + 2 * MIN });
    expect(f.cityRates?.response).toBe(99);
    expect(f.systems).toEqual({ online: 0, degraded: 1, offline: 0, total: 1 });
    expect(f.dataRecords).toBe(2_240_000);
    expect(stores.source.lastError).toBe('x: bad');
    expect(conn.batches).toBe(1);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });

  it('reset() empties everything and a backfill rebuilds it, flagged', () => {
    const stores = useWallStores();
    const src = createFakeSource(T0);
    connectSource(src, stores);
    src.push([baselineMsg(), eventMsg(event('c1', 'discover', T0 + MIN))]);
    src.rebuild([baselineMsg()]);
    expect(stores.cases.today).toBe(105);
    expect(stores.cases.ticker).toHaveLength(0);
    expect(stores.rates.city).toBeNull();
    src.rebuild([]);
    expect(stores.cases.hasData).toBe(false);
    src.push([baselineMsg(), eventMsg(event('c2', 'discover', T0 + MIN))], true);
    expect(stores.cases.lastBatchBackfill).toBe(true);
    expect(stores.cases.ticker[0]?.backfill).toBe(true);
  });

  it('one reactive update per batch: the cases state object changes once for a batch of many events', () => {
    const stores = useWallStores();
    const src = createFakeSource(T0);
    connectSource(src, stores);
    src.push([baselineMsg()]);
    const before = stores.cases.state;
    src.push(Array.from({ length: 50 }, (_, i) => eventMsg(event(`b${i}`, 'discover', T0 + (i + 1) * 1000))));
    expect(stores.cases.state).not.toBe(before);
    expect(stores.cases.today).toBe(155);
  });

  it('stops delivering after disconnect', () => {
    const stores = useWallStores();
    const src = createFakeSource(T0);
    connectSource(src, stores).disconnect();
    src.push([baselineMsg()]);
    expect(stores.cases.hasData).toBe(false);
  });
});
