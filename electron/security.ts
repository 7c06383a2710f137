/**
 * The renderer hardening of Electron's security checklist, in one place: web preferences, the CSP sent
 * with every app response, navigation / new-window / permission / download / webview denial, blocked
 * keyboard shortcuts (zoom, reload, dev tools) and the operator key combination. The decisions are plain
 * functions (tested under Node); `hardenSession` / `hardenContents` only wire them to Electron objects.
 */
import type { Input, Session, WebContents, WebPreferences } from 'electron';
import { APP_HOST, APP_SCHEME, isAppUrl } from './ipc-validate';

/**
 * Strict CSP: only our own origin. 'wasm-unsafe-eval' for Cesium's WebAssembly decoders (no JS eval);
 * 'unsafe-inline' for styles only (Vue style bindings, Cesium's widget styles), never for scripts.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  const self = "'self'";
  return [
    `default-src ${self}`,
    `script-src ${self} 'wasm-unsafe-eval'`,
    `worker-src ${self} blob:`,
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data: blob:`,
    `font-src ${self} data:`,
    `connect-src ${[self, 'data:', 'blob:', ...connectOrigins].join(' ')}`,
    `media-src ${self}`,
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: false,
    zoomFactor: 1,
    // Tile windows must keep animating in step even when the OS thinks they are covered.
    backgroundThrottling: false,
    safeDialogs: true,
    disableDialogs: true,
    autoplayPolicy: 'no-user-gesture-required',
  };
}

/** Requests the app's pages may make: our own scheme, data/blob URLs; plus configured live origins. */
export function isAllowedRequest(url: string, connectOrigins: readonly string[] = []): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const u = new URL(url);
    if (u.protocol === 'devtools:') return false;
    return connectOrigins.includes(u.origin);
  } catch {
    return false;
  }
}

/** Navigation is allowed only within the app (a soft reload, a changed query); everything else is denied. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'alt' | 'shift' | 'meta'>;

/** Shortcuts a wall never honours: zoom, reload, dev tools, print, find, save, view source, full screen toggle. */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (['f5', 'f11', 'f12', 'browserback', 'browserforward', 'browserrefresh'].includes(key)) return true;
  if (mod && ['r', 'p', 'f', 's', 'u', 'o', 'n', 't', 'w', 'g', 'j', 'h', '=', '+', '-', '_', '0', 'add', 'subtract'].includes(key)) return true;
  if (mod && input.shift && ['i', 'j', 'c', 'delete'].includes(key)) return true;
  if (input.alt && ['arrowleft', 'arrowright', 'home', 'f4'].includes(key)) return true;
  return false;
}

export interface Combo {
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  key: string;
}

/** "Control+Alt+Shift+K" → its modifiers and key (config validation guarantees the shape). */
export function parseCombo(accelerator: string): Combo {
  const parts = accelerator.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  const has = (...names: string[]) => parts.some((p) => names.includes(p));
  return { control: has('Control', 'Ctrl'), alt: has('Alt'), shift: has('Shift'), meta: has('Meta', 'Super'), key };
}

export function isCombo(input: KeyInput, combo: Combo): boolean {
  return (input.type === 'keyDown' || input.type === 'rawKeyDown') && input.key.toLowerCase() === combo.key && input.control === combo.control && input.alt === combo.alt && input.shift === combo.shift && input.meta === combo.meta;
}

/** Session-wide: CSP on every app response, requests off-app blocked, permissions and downloads denied. */
export function hardenSession(session: Session, connectOrigins: readonly string[], log: (msg: string) => void): void {
  const csp = contentSecurityPolicy(connectOrigins);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, connectOrigins);
    if (!allowed) log(`blocked request ${details.url.slice(0, 160)}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`denied permission request "${permission}"`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** Per window: no new windows, no navigation away, no webviews, no zoom, blocked shortcuts. */
export function hardenContents(contents: WebContents, onOperatorCombo: () => void, combo: Combo, log: (msg: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    log(`denied window.open ${url.slice(0, 160)}`);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log(`denied navigation to ${url.slice(0, 160)}`);
    }
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  void contents.setVisualZoomLevelLimits(1, 1);
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.on('before-input-event', (event, input) => {
    if (isCombo(input, combo)) {
      event.preventDefault();
      onOperatorCombo();
    } else if (isBlockedShortcut(input)) event.preventDefault();
  });
}

export const APP_ORIGIN_TEXT = `${APP_SCHEME}://${APP_HOST}`;
