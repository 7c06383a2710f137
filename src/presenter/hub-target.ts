/**
 * Which presenter hub this wall joins, from the config file's `presenter` section and the page URL:
 *   ?hub=off | auto | <http(s) URL>   overrides the config's `presenter.hub` (default "auto")
 *   ?wallKey=…                        overrides `presenter.wallKey`
 *   ?wallId=…                         this wall's name in the hub's list (default: a random id kept for
 *                                     the browser tab's life, so a reload is the same wall)
 * "auto" asks the page's own origin (GET /api/presenter/hello): a hub serves the wall, a plain static
 * server does not. Pure, except `detectHub`, which takes its fetch.
 */
import type { PresenterConfig } from '../config/schema';

export const HELLO_PATH = '/api/presenter/hello';

export type HubTarget = { kind: 'off' } | { kind: 'auto' } | { kind: 'url'; url: string };

export interface HubChoice {
  target: HubTarget;
  wallKey: string | undefined;
  wallId: string | null;
  /** Refused parameters, for the console. */
  notes: string[];
}

const WALL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

function httpUrl(s: string): string | null {
  if (!/^https?:\/\/[^/\s]+(\/.*)?$/.test(s) || !URL.canParse(s)) return null;
  return new URL(s).origin;
}

function targetOf(value: string): HubTarget | null {
  if (value === 'off' || value === 'auto') return { kind: value };
  const url = httpUrl(value);
  return url ? { kind: 'url', url } : null;
}

export function chooseHub(search: string, config: PresenterConfig): HubChoice {
  const params = new URLSearchParams(search);
  const notes: string[] = [];
  let target = targetOf(config.hub) ?? { kind: 'auto' as const };
  const hubParam = params.get('hub');
  if (hubParam !== null) {
    const asked = targetOf(hubParam);
    if (asked) target = asked;
    else notes.push(`hub=${JSON.stringify(hubParam.slice(0, 80))} refused: expected off, auto or an http(s) URL`);
  }
  const keyParam = params.get('wallKey');
  const wallKey = keyParam !== null && keyParam.length > 0 && keyParam.length <= 200 ? keyParam : config.wallKey;
  if (keyParam !== null && wallKey !== keyParam) notes.push('wallKey refused: 1 to 200 characters');
  const idParam = params.get('wallId');
  let wallId: string | null = null;
  if (idParam !== null) {
    if (WALL_ID.test(idParam)) wallId = idParam;
    else notes.push(`wallId=${JSON.stringify(idParam.slice(0, 80))} refused: letters, digits, . _ - (up to 80)`);
  }
  return { target, wallKey, wallId, notes };
}

/**
 * Is the page served by a hub? Only a JSON {hub: true} counts: a static server answers the path with its
 * index.html (200) or a 404, and neither may be mistaken for a hub. Only http(s) pages ask (the kiosk's
 * app:// pages have no hub behind them; theirs is configured). No Accept header: a static server with an
 * SPA fallback (vite preview) then answers with its index.html rather than a 404 the console would log.
 * Never throws.
 */
export async function detectHub(origin: string, fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init)): Promise<boolean> {
  if (!/^https?:\/\//.test(origin)) return false;
  try {
    const res = await fetchImpl(`${origin}${HELLO_PATH}`, { cache: 'no-store' });
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('application/json')) return false;
    const body = (await res.json()) as unknown;
    return typeof body === 'object' && body !== null && (body as { hub?: unknown }).hub === true;
  } catch {
    return false;
  }
}

/** A random wall id for this tab (kept in sessionStorage, so a reload rejoins as the same wall). */
export function tabWallId(storage: Pick<Storage, 'getItem' | 'setItem'> | null, random: () => number = Math.random): string {
  const key = 'citywall.wallId';
  const kept = storage?.getItem(key);
  if (kept && WALL_ID.test(kept)) return kept;
  const id = `wall-${Math.floor(random() * 0xffffff).toString(16).padStart(6, '0')}`;
  try {
    storage?.setItem(key, id);
  } catch {
    /* private mode: a new id per load is fine */
  }
  return id;
}
