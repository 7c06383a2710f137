import { describe, expect, it } from 'vitest';
import { parseWallViewport, readKioskParams } from './viewport-params';
import { chooseRestore, parseRestoreState, readStored, STORAGE_KEY, writeStored } from './restore-state';
import { reloadDelay } from './context-loss';

describe('kiosk URL parameters', () => {
  it('reads the wall and this window’s viewport', () => {
    const p = readKioskParams('?wall=3840x1080&viewport=1920,0,1920,1080&window=r0c1&clock=broadcast', false);
    expect(p).toEqual({ wallViewport: { wall: { width: 3840, height: 1080 }, viewport: { x: 1920, y: 0, width: 1920, height: 1080 } }, windowKey: 'r0c1', clock: 'broadcast', notes: [] });
    expect(readKioskParams('', false)).toMatchObject({ wallViewport: null, windowKey: 'wall', clock: 'none' });
    expect(readKioskParams('?clock=broadcast', true).clock).toBe('bridge');
  });
  it('refuses bad values whole, with a note', () => {
    const notes: string[] = [];
    expect(parseWallViewport('3840x1080', '1920,0,2000,1080', notes)).toBeNull();
    expect(parseWallViewport('wide', '0,0,1,1', notes)).toBeNull();
    expect(parseWallViewport('3840x1080', '0,0,-1,5', notes)).toBeNull();
    expect(notes).toHaveLength(3);
    expect(notes[0]).toContain('not inside the 3840x1080 wall');
    expect(parseWallViewport('7680x2160', null)).toEqual({ wall: { width: 7680, height: 2160 }, viewport: { x: 0, y: 0, width: 7680, height: 2160 } });
  });
});

describe('restore state', () => {
  const s = { dataClock: 1000, paused: true, camera: { kind: 'fit-units' }, sceneId: 'flood', savedAt: 50_000 };
  it('round-trips through storage and rejects junk', () => {
    const mem = new Map<string, string>();
    const storage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v) };
    writeStored(storage, s);
    expect(readStored(storage)).toEqual(s);
    mem.set(STORAGE_KEY, '{not json');
    expect(readStored(storage)).toBeNull();
    expect(parseRestoreState({ dataClock: 'x', paused: true, savedAt: 1 })).toBeNull();
  });
  it('keeps the scene on show, and drops a malformed scene id (the wall then opens its default scene)', () => {
    expect(parseRestoreState({ ...s, sceneId: 'parking' })?.sceneId).toBe('parking');
    expect(parseRestoreState({ ...s, sceneId: '<img src=x>' })?.sceneId).toBeNull();
    expect(parseRestoreState({ dataClock: 1, paused: false, camera: null, savedAt: 1 })?.sceneId).toBeNull();
  });
  it('restores the newest recent snapshot, from the page or the main process', () => {
    const older = { ...s, savedAt: 40_000, dataClock: 900 };
    expect(chooseRestore(60_000, older, s)).toEqual(s);
    expect(chooseRestore(60_000, null, older)).toEqual(older);
    expect(chooseRestore(60_000 + 7 * 3600_000, s)).toBeNull();
    expect(chooseRestore(60_000, { ...s, dataClock: null })).toBeNull();
  });
  it('context-loss reloads back off when they repeat', () => {
    expect([1, 2, 3, 4, 5, 10].map(reloadDelay)).toEqual([0, 0, 2000, 4000, 8000, 30_000]);
  });
});
