import { describe, expect, it } from 'vitest';
import { clearSession, lastDeviceName, loadSession, saveSession, SESSION_KEY } from './session';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

const session = { token: 'abc.def', clientId: 'c-1', expiresAt: 10_000, name: '张主任的手机' };

describe('remote session storage', () => {
  it('keeps a pairing until it expires, then drops it with the reason', () => {
    const storage = memoryStorage();
    expect(loadSession(storage, 0)).toEqual({ session: null, reason: null });
    saveSession(storage, session);
    expect(loadSession(storage, 9_999)).toEqual({ session, reason: null });
    const expired = loadSession(storage, 10_000);
    expect(expired.session).toBeNull();
    expect(expired.reason).toContain('过期');
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    // The device name is offered again at the next pairing.
    expect(lastDeviceName(storage)).toBe('张主任的手机');
  });

  it('drops a malformed entry instead of using it', () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, '{"token": 42}');
    expect(loadSession(storage, 0)).toEqual({ session: null, reason: null });
    expect(storage.getItem(SESSION_KEY)).toBeNull();
    storage.setItem(SESSION_KEY, 'not json');
    expect(loadSession(storage, 0).session).toBeNull();
  });

  it('works without storage (blocked in private mode)', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadSession(blocked, 0)).toEqual({ session: null, reason: null });
    expect(() => saveSession(blocked, session)).not.toThrow();
    expect(() => clearSession(blocked)).not.toThrow();
    expect(lastDeviceName(blocked)).toBe('');
  });
});
