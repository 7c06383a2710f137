/**
 * Where a scene key pressed at this window goes when the window is one of several that show one wall.
 * Such a window must not switch by itself (its neighbours would not): the key goes to whoever owns the
 * wall's clock, which turns it into one scene / blackout command that every window applies at the same
 * master instant (electron/wall-command-flow.ts).
 *   bridge     inside the Electron kiosk: `wallCommand` to the main process. In tile mode and in span mode
 *              alike: span has one window, but one path keeps the main process's idea of the scene right
 *              (it restores it after a crash) and costs only the clock lead (150 ms) per key.
 *   broadcast  `?clock=broadcast` (tests without Electron): {type:'wall-command', from, cmd} on the
 *              "citywall-clock" BroadcastChannel, where the stand-in for the main process listens.
 *   null       a plain browser page: the keys switch this page as before.
 */
import { BRIDGE_KEY, type CitywallBridge, type KioskWallCommand } from '../../electron/bridge-types';
import { readKioskParams } from './viewport-params';

/** Same name as clock-client.ts BROADCAST_CHANNEL: the stand-in answers clock sync and wall commands on one channel. */
export const COMMAND_CHANNEL = 'citywall-clock';

export interface WallCommandMessage {
  type: 'wall-command';
  /** The window key (`?window=`) the key was pressed at. */
  from: string;
  cmd: KioskWallCommand;
}

export type WallCommandSink = (cmd: KioskWallCommand) => void;

export interface CommandRouteEnv {
  search: string;
  /** `window.citywallKiosk`, when the preload put it there. */
  bridge: unknown;
  /** The BroadcastChannel constructor, when the browser has one. */
  BroadcastChannel?: new (name: string) => Pick<BroadcastChannel, 'postMessage'>;
}

function pageEnv(): CommandRouteEnv {
  return {
    search: window.location.search,
    bridge: (window as unknown as Record<string, unknown>)[BRIDGE_KEY],
    BroadcastChannel: typeof BroadcastChannel === 'undefined' ? undefined : BroadcastChannel,
  };
}

function hasWallCommand(bridge: unknown): bridge is Pick<CitywallBridge, 'wallCommand'> {
  return typeof bridge === 'object' && bridge !== null && typeof (bridge as Partial<CitywallBridge>).wallCommand === 'function';
}

let pageSink: WallCommandSink | null | undefined;

/**
 * The sink for scene keys (next / prev / jump / overview / blackout) when this page is part of a wall
 * driven by one clock, else null (switch locally). For the page itself it is decided once, from how the
 * page was opened, and the same sink is returned on every call (cheap to call per key press).
 */
export function kioskCommandSink(env?: CommandRouteEnv): WallCommandSink | null {
  if (env) return createSink(env);
  if (pageSink === undefined) pageSink = createSink(pageEnv());
  return pageSink;
}

function createSink(env: CommandRouteEnv): WallCommandSink | null {
  const bridge = hasWallCommand(env.bridge) ? env.bridge : null;
  // The same test as install.ts: any bridge object makes this a kiosk window following the main process's clock.
  const params = readKioskParams(env.search, typeof env.bridge === 'object' && env.bridge !== null);
  if (params.clock === 'bridge') {
    // A bridge from a preload without wallCommand (an older kiosk build): keys stay local, as before.
    return bridge ? (cmd) => bridge.wallCommand(cmd) : null;
  }
  if (params.clock === 'broadcast' && env.BroadcastChannel) {
    const channel = new env.BroadcastChannel(COMMAND_CHANNEL);
    const from = params.windowKey;
    return (cmd) => channel.postMessage({ type: 'wall-command', from, cmd } satisfies WallCommandMessage);
  }
  return null;
}
