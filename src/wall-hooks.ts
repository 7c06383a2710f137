/**
 * A small, read-mostly window into the running wall, at `window.__citywall`, for the end-to-end tests,
 * the bench and an operator's console. Each module exposes its own part under its own name; nothing
 * here is needed for the wall to run.
 */
type Hooks = Record<string, unknown>;

declare global {
  interface Window {
    __citywall?: Hooks;
  }
}

export function exposeHook(name: string, value: unknown): void {
  if (typeof window === 'undefined') return;
  window.__citywall ??= {};
  window.__citywall[name] = value;
}
