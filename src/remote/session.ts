/**
 * The remote's pairing, kept in localStorage so a reload (or the phone locking its screen) does not ask for
 * a new code. What is stored is read back as untrusted (another page version, a hand edit) and checked;
 * an expired token is dropped with the reason, so the pairing screen can say why it came back.
 */
import { z } from 'zod';

export const SESSION_KEY = 'citywall.remote.session';
/** The last device name typed, offered again on the next pairing. */
export const DEVICE_NAME_KEY = 'citywall.remote.deviceName';

const sessionSchema = z.object({
  token: z.string().min(1).max(4096),
  clientId: z.string().min(1).max(80),
  expiresAt: z.number().finite(),
  name: z.string().max(40),
});
export type RemoteSession = z.infer<typeof sessionSchema>;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type LoadedSession = { session: RemoteSession; reason: null } | { session: null; reason: string | null };

/** The stored session if it is well formed and not expired at `now` (epoch ms). */
export function loadSession(storage: Store, now: number): LoadedSession {
  let raw: string | null;
  try {
    raw = storage.getItem(SESSION_KEY);
  } catch {
    return { session: null, reason: null }; // storage blocked (private mode): pair every time
  }
  if (raw === null) return { session: null, reason: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const result = sessionSchema.safeParse(parsed);
  if (!result.success) {
    clearSession(storage);
    return { session: null, reason: null };
  }
  if (result.data.expiresAt <= now) {
    clearSession(storage);
    return { session: null, reason: '配对已过期，请重新输入大屏上的配对码' };
  }
  return { session: result.data, reason: null };
}

export function saveSession(storage: Store, session: RemoteSession): void {
  try {
    storage.setItem(SESSION_KEY, JSON.stringify(session));
    storage.setItem(DEVICE_NAME_KEY, session.name);
  } catch {
    // Storage full or blocked: the session still works until the page reloads.
  }
}

export function clearSession(storage: Store): void {
  try {
    storage.removeItem(SESSION_KEY);
  } catch {
    // nothing stored, nothing to clear
  }
}

export function lastDeviceName(storage: Store): string {
  try {
    return (storage.getItem(DEVICE_NAME_KEY) ?? '').slice(0, 40);
  } catch {
    return '';
  }
}
