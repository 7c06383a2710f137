import { describe, expect, it } from 'vitest';
import { chooseRestore, MAX_AGE_MS, storedSnapshotApplies } from './restore-state';

const snap = (savedAt: number, sceneId = 'command') => ({ dataClock: 1000, paused: false, camera: null, sceneId, savedAt });

describe('restore state', () => {
  it("uses the window's own snapshot only after a reload, not after navigating to another URL", () => {
    expect(storedSnapshotApplies('reload')).toBe(true);
    expect(storedSnapshotApplies('navigate')).toBe(false);
    expect(storedSnapshotApplies('back_forward')).toBe(false);
    expect(storedSnapshotApplies(undefined)).toBe(false);
  });

  it('restores the newest recent snapshot and nothing too old', () => {
    const now = 10 * MAX_AGE_MS;
    expect(chooseRestore(now, snap(now - 5000, 'flood'), snap(now - 1000, 'parking'))?.sceneId).toBe('parking');
    expect(chooseRestore(now, snap(now - MAX_AGE_MS - 1), null)).toBeNull();
    expect(chooseRestore(now, null, null)).toBeNull();
  });
});
