/**
 * The kiosk's main process: reads the wall config, plans windows over the displays, opens hardened
 * frameless kiosk windows, keeps the displays awake, restarts what breaks (recovery-policy.ts), re-plans
 * on hot-plug, and drives every window from one clock (shared-clock.ts): data-clock alignment and, in step,
 * the scene keys pressed at any window (wall-command-flow.ts). All decisions live in the plain
 * modules next to this file; this file only wires them to Electron.
 *
 *   electron dist-electron/main.cjs [--config wall.config.json] [--dist ./dist] [--smoke]
 */
import { app, BrowserWindow, ipcMain, net, powerSaveBlocker, protocol, screen, session, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS, type ClockCommand, type Heartbeat, type OperatorPanelInfo, type OperatorReply, type RestoreState, type WallAction } from './bridge-types';
import { APP_BASE_URL, APP_HOST, APP_SCHEME, validateIpc, type InboundChannel } from './ipc-validate';
import { PinGate } from './operator';
import { diffPlans, planWindows, windowUrl, type DisplayInfo, type PlannedWindow, type WallPlan } from './plan-windows';
import { parseGpuState, RecoveryPolicy, SOFTWARE_RENDERING_SWITCHES, type RecoveryAction } from './recovery-policy';
import { contentSecurityPolicy, hardenContents, hardenSession, parseCombo, secureWebPreferences } from './security';
import { MasterClock } from './shared-clock';
import { WALL_SCENE_IDS } from './scene-ids';
import { WallCommandFlow, type FlowWindow } from './wall-command-flow';
import { parseWallConfigText, type WallConfig } from './wall-config';

const log = (msg: string) => console.log(`[citywall:kiosk] ${new Date().toISOString()} ${msg}`);

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const SMOKE = process.argv.includes('--smoke');
const DIST = path.resolve(arg('dist') ?? path.join(__dirname, '..', 'dist'));

function loadConfig(): WallConfig {
  const candidates = [arg('config'), process.env.CITYWALL_CONFIG, path.join(app.getPath('userData'), 'wall.config.json'), path.join(process.resourcesPath ?? '', 'wall.config.json'), path.join(__dirname, '..', 'electron', 'wall.config.example.json')];
  const file = candidates.find((f): f is string => !!f && existsSync(f));
  if (!file) throw new Error(`no wall config found (tried ${candidates.filter(Boolean).join(', ')})`);
  const r = parseWallConfigText(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(`the wall config is invalid:\n  ${r.errors.join('\n  ')}`);
  log(`wall config ${file}`);
  return r.config;
}

// ---- Before ready: single instance, GPU fallback, privileged scheme -------------------------------
if (!app.requestSingleInstanceLock()) {
  log('another kiosk is already running: exiting');
  app.exit(0);
}
app.on('second-instance', () => log('a second instance was started and refused'));

const gpuStateFile = path.join(app.getPath('userData'), 'gpu-state.json');
const gpuState = parseGpuState(existsSync(gpuStateFile) ? JSON.parse(readFileSync(gpuStateFile, 'utf8')) : null);
if (gpuState.softwareRendering) {
  log('software rendering (earlier GPU process crashes); delete gpu-state.json to try the GPU again');
  for (const [name, value] of SOFTWARE_RENDERING_SWITCHES) app.commandLine.appendSwitch(name, value);
}
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

let config: WallConfig;
try {
  config = loadConfig();
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e));
  app.exit(2);
  throw e;
}

const recovery = new RecoveryPolicy(
  {
    heartbeatTimeoutMs: config.recovery.heartbeatTimeoutMs,
    startupGraceMs: config.recovery.startupGraceMs,
    unresponsiveTimeoutMs: config.recovery.heartbeatTimeoutMs,
    gpuCrashLimit: config.recovery.gpuCrashLimit,
    gpuCrashWindowMs: config.recovery.gpuCrashWindowMinutes * 60_000,
    reloadLoopLimit: config.recovery.reloadLoopLimit,
    reloadLoopWindowMs: config.recovery.reloadLoopWindowMinutes * 60_000,
    softReloadAtHour: config.recovery.softReloadAtHour,
  },
  gpuState,
);
const clock = new MasterClock(() => performance.timeOrigin + performance.now(), config.clockLeadMs);
const pinGate = new PinGate(config.operator.pinHash);
const combo = parseCombo(config.operator.combo);

interface KioskWindow {
  plan: PlannedWindow;
  win: BrowserWindow;
  lastState: RestoreState | null;
  mapReady: boolean;
}
const windows = new Map<string, KioskWindow>();
let plan: WallPlan | null = null;

const flowWindows = (): FlowWindow[] =>
  [...windows.values()]
    .filter((kw) => !kw.win.isDestroyed())
    .map((kw) => ({ key: kw.plan.key, contentsId: kw.win.webContents.id, mapReady: kw.mapReady, lastState: kw.lastState, send: (cmd) => kw.win.webContents.send(CHANNELS.onClockCommand, cmd) }));
/** Scene keys at any window → one scene / blackout command for every window, on the master clock. */
const wallFlow = new WallCommandFlow({
  clock,
  sceneIds: WALL_SCENE_IDS,
  windows: flowWindows,
  monotonicNow: () => performance.now(),
  wallNow: () => Date.now(),
  // Reports may show the old scene for the lead, a late window and the renderer's 1 s save period.
  settleMs: config.clockLeadMs + 2000,
  log,
});

function byContents(wc: WebContents): KioskWindow | undefined {
  for (const w of windows.values()) if (!w.win.isDestroyed() && w.win.webContents.id === wc.id) return w;
  return undefined;
}

// ---- Windows ----------------------------------------------------------------------------------
function createWindow(p: PlannedWindow, restore: RestoreState | null): KioskWindow {
  const tile = config.mode === 'tile';
  const win = new BrowserWindow({
    ...p.bounds,
    frame: false,
    show: false,
    // Tile: true full screen on its own display. Span: one frameless window over the union of displays.
    kiosk: tile,
    fullscreen: tile,
    enableLargerThanScreen: !tile,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    autoHideMenuBar: true,
    backgroundColor: '#010714',
    title: `citywall ${p.key}`,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  const kw: KioskWindow = { plan: p, win, lastState: restore, mapReady: false };
  windows.set(p.key, kw);
  const wc = win.webContents;
  hardenContents(wc, () => openOperator(kw), combo, (m) => log(`${p.key}: ${m}`));
  wc.on('did-finish-load', () => {
    void wc.insertCSS('*, *::before, *::after { cursor: none !important; }');
    recovery.windowLoaded(p.key, Date.now());
  });
  wc.on('render-process-gone', (_e, details) => {
    log(`${p.key}: renderer gone (${details.reason}, exit ${details.exitCode})`);
    perform(recovery.rendererGone(p.key, details.reason, Date.now()));
  });
  win.on('unresponsive', () => {
    log(`${p.key}: unresponsive`);
    recovery.unresponsive(p.key, Date.now());
  });
  win.on('responsive', () => recovery.responsive(p.key));
  win.once('ready-to-show', () => win.showInactive());
  win.on('closed', () => {
    if (windows.get(p.key)?.win === win) windows.delete(p.key);
    recovery.windowClosed(p.key);
  });
  recovery.windowLoaded(p.key, Date.now());
  void win.loadURL(windowUrl(APP_BASE_URL, plan!, p, config.app));
  // A recreated window brings its last state: the wall's scene, if the main process did not know it yet.
  wallFlow.learn();
  return kw;
}

function reload(key: string, reason: string): void {
  const kw = windows.get(key);
  if (!kw || kw.win.isDestroyed()) return;
  log(`${key}: reload (${reason}), restoring data clock ${kw.lastState?.dataClock ?? '-'}`);
  kw.mapReady = false;
  void kw.win.loadURL(windowUrl(APP_BASE_URL, plan!, kw.plan, config.app));
}

function recreate(key: string, reason: string): void {
  const kw = windows.get(key);
  if (!kw) return;
  log(`${key}: recreate window (${reason})`);
  const { plan: p, lastState } = kw;
  windows.delete(key);
  if (!kw.win.isDestroyed()) kw.win.destroy();
  createWindow(p, lastState);
}

function perform(actions: RecoveryAction[]): void {
  for (const a of actions) {
    switch (a.kind) {
      case 'reload':
        reload(a.window, a.reason);
        break;
      case 'recreate':
        recreate(a.window, a.reason);
        break;
      case 'software-rendering':
        log(`switching to software rendering: ${a.reason}; relaunching`);
        writeFileSync(gpuStateFile, JSON.stringify(recovery.gpuState));
        app.relaunch();
        app.exit(0);
        break;
      default: {
        const never: never = a;
        throw new Error(`unknown action ${JSON.stringify(never)}`);
      }
    }
  }
}

function applyPlan(next: WallPlan): void {
  for (const w of next.warnings) log(`plan: ${w}`);
  const diff = diffPlans(plan, next);
  plan = next;
  for (const key of diff.close) {
    const kw = windows.get(key);
    windows.delete(key);
    if (kw && !kw.win.isDestroyed()) kw.win.destroy();
  }
  for (const p of diff.change) {
    const kw = windows.get(p.key);
    if (!kw) continue;
    kw.plan = p;
    kw.win.setBounds(p.bounds);
    reload(p.key, 'display layout changed');
  }
  for (const p of diff.open) createWindow(p, null);
  log(`plan: ${next.mode} ${next.wall.width}x${next.wall.height}, windows ${next.windows.map((w) => w.key).join(' ') || '(none)'}`);
}

const displays = (): DisplayInfo[] => screen.getAllDisplays().map((d) => ({ id: d.id, label: d.label, bounds: d.bounds, scaleFactor: d.scaleFactor }));

let replanTimer: NodeJS.Timeout | undefined;
function replanSoon(why: string): void {
  // Hot-plug fires several events while the OS settles; plan once it is quiet.
  clearTimeout(replanTimer);
  replanTimer = setTimeout(() => {
    log(`re-plan: ${why}`);
    applyPlan(planWindows(displays(), config));
  }, 1500);
}

// ---- The shared clock ------------------------------------------------------------------------------
function broadcast(action: WallAction): ClockCommand {
  return wallFlow.broadcast(action);
}

/** Once every window has drawn its map, bring their data clocks to one instant (they loaded at different times). */
let aligned = false;
function alignWhenAllReady(): void {
  if (aligned || !plan || plan.windows.length === 0) return;
  const all = [...windows.values()];
  if (all.length < plan.windows.length || !all.every((w) => w.mapReady)) return;
  const t = all[0]!.lastState?.dataClock;
  if (t === null || t === undefined) return;
  aligned = true;
  broadcast({ kind: 'seek', dataTime: t, pause: all[0]!.lastState!.paused });
  // And one scene on every window (they opened on their own; a recreated one restored its last scene).
  wallFlow.realign();
  log(`windows aligned at data clock ${new Date(t).toISOString()}`);
  if (SMOKE) {
    console.log(`CITYWALL_SMOKE ${JSON.stringify({ windows: all.map((w) => w.plan.key), wall: plan.wall })}`);
    setTimeout(() => app.quit(), 500);
  }
}

// ---- IPC -----------------------------------------------------------------------------------------
function checked<C extends InboundChannel>(channel: C, event: IpcMainEvent | IpcMainInvokeEvent, payload: unknown) {
  const r = validateIpc(channel, event, payload);
  if (!r.ok) log(`refused IPC: ${r.reason}`);
  return r;
}

function installIpc(): void {
  ipcMain.handle(CHANNELS.hello, (event, payload: unknown) => {
    if (!checked(CHANNELS.hello, event, payload).ok) return null;
    const kw = byContents(event.sender);
    if (!kw) return null;
    return { windowKey: kw.plan.key, heartbeatMs: config.recovery.heartbeatMs, restore: kw.lastState };
  });
  ipcMain.on(CHANNELS.heartbeat, (event, payload: unknown) => {
    const r = checked(CHANNELS.heartbeat, event, payload);
    const kw = byContents(event.sender);
    if (!r.ok || !kw) return;
    const beat: Heartbeat = r.value;
    kw.lastState = beat.state;
    recovery.heartbeat(kw.plan.key, Date.now());
    wallFlow.learn();
    if (beat.mapReady && !kw.mapReady) {
      kw.mapReady = true;
      // A window that came back after a crash is brought to the others' clock.
      if (aligned) {
        const other = [...windows.values()].find((w) => w !== kw && w.mapReady && w.lastState?.dataClock != null);
        if (other?.lastState?.dataClock != null) broadcast({ kind: 'seek', dataTime: other.lastState.dataClock, pause: other.lastState.paused });
        wallFlow.realign(kw.plan.key);
      } else alignWhenAllReady();
    }
  });
  // A scene key at any window: checked (sender, schema, rate), then scheduled for every window.
  ipcMain.on(CHANNELS.wallCommand, (event, payload: unknown) => void wallFlow.receive(event, payload));
  ipcMain.handle(CHANNELS.clockSync, (event, payload: unknown) => {
    const r = checked(CHANNELS.clockSync, event, payload);
    return r.ok ? clock.syncReply(r.value) : null;
  });
  ipcMain.handle(CHANNELS.operatorSubmit, (event, payload: unknown): OperatorReply => {
    const r = checked(CHANNELS.operatorSubmit, event, payload);
    if (!r.ok) return { ok: false, message: 'refused' };
    const verdict = pinGate.check(r.value.pin, Date.now());
    if (verdict === 'locked') return { ok: false, message: '错误次数过多，请 5 分钟后再试 (locked)' };
    if (verdict === 'wrong') return { ok: false, message: 'PIN 错误 (wrong PIN)' };
    log(`operator: ${r.value.action}`);
    if (r.value.action === 'exit') setTimeout(() => app.quit(), 100);
    if (r.value.action === 'reload') for (const key of windows.keys()) reload(key, 'operator');
    return { ok: true, message: 'OK' };
  });
}

function openOperator(kw: KioskWindow): void {
  if (!plan) return;
  const info: OperatorPanelInfo = { windows: plan.windows.map((w) => ({ key: w.key, viewport: w.viewport })), wall: plan.wall, mode: plan.mode, warnings: plan.warnings };
  kw.win.webContents.send(CHANNELS.onOperatorOpen, info);
}

// ---- Serving the built app at app://citywall/ -----------------------------------------------------------
function installProtocol(): void {
  const csp = contentSecurityPolicy(config.app.connectOrigins);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(DIST, rel);
    // No path may leave the dist folder.
    if (file !== DIST && !file.startsWith(DIST + path.sep)) return new Response('forbidden', { status: 403 });
    if (!existsSync(file)) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

// ---- Start ---------------------------------------------------------------------------------------
app.on('window-all-closed', () => {
  // Hot-plug can briefly leave no display; keep running and re-plan instead of quitting.
  log('all windows closed');
});
app.on('child-process-gone', (_e, details) => {
  if (details.type !== 'GPU') return;
  log(`GPU process gone (${details.reason})`);
  perform(recovery.gpuProcessGone(details.reason, Date.now()));
  writeFileSync(gpuStateFile, JSON.stringify(recovery.gpuState));
});
app.on('web-contents-created', (_e, contents) => {
  // Every web contents, including any we did not create ourselves, is denied new windows and webviews.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  mkdirSync(app.getPath('userData'), { recursive: true });
  installProtocol();
  hardenSession(session.defaultSession, config.app.connectOrigins, log);
  installIpc();
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  log(`display sleep blocked: ${powerSaveBlocker.isStarted(blocker)}`);
  recovery.startedAt(Date.now());
  applyPlan(planWindows(displays(), config));
  screen.on('display-added', () => replanSoon('display added'));
  screen.on('display-removed', () => replanSoon('display removed'));
  screen.on('display-metrics-changed', (_e, _d, changed) => replanSoon(`display metrics changed (${changed.join(', ')})`));
  setInterval(() => perform(recovery.tick(Date.now())), 1000);
  if (SMOKE) setTimeout(() => {
    console.error('CITYWALL_SMOKE_TIMEOUT');
    app.exit(3);
  }, 120_000);
});
