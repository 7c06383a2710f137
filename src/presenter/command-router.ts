/**
 * Where a key pressed at this wall PC goes (clicker, keyboard): the wall never switches by itself when
 * other screens must switch with it.
 *   (a) linked to a presenter hub and online → `wall:cmd` to the hub, which schedules the change for every
 *       wall at one master instant (this PC included);
 *   (b) else inside the kiosk's tile mode → the kiosk main process, which does the same for its windows;
 *   (c) else → this page alone (scene store, local curtain).
 * A hub that is offline falls through to (b)/(c): the presenter's clicker keeps working on this PC, and
 * the wall rejoins the hub's scene when the link is back. I (panel info) and P (pairing card) are about
 * this screen only and always stay local.
 */
import type { KioskWallCommand } from '../../electron/bridge-types';
import type { SceneCommand } from '../scene/keyboard';
import type { WallKeyCommand } from './hub-link';
import type { CommandAck } from './protocol';

export type Route = 'hub' | 'kiosk' | 'local';

export interface RouterDeps {
  /** The hub link when it is online, else null. */
  hub(): { command(cmd: WallKeyCommand): Promise<CommandAck>; blackout: boolean } | null;
  kioskSink(): ((cmd: KioskWallCommand) => void) | null;
  sceneIds(): readonly string[];
  runLocal(cmd: SceneCommand): void;
  toggleLocalBlackout(): void;
  togglePairing(): void;
  log(message: string): void;
}

/** The hub's form of a scene key; null for keys that are not the hub's business or point nowhere. */
export function hubCommandFor(cmd: SceneCommand, ids: readonly string[], blackoutOn: boolean): WallKeyCommand | null {
  switch (cmd.kind) {
    case 'next':
      return { kind: 'next' };
    case 'prev':
      return { kind: 'prev' };
    case 'jump': {
      const id = Number.isInteger(cmd.index) && cmd.index >= 0 ? ids[cmd.index] : undefined;
      return id === undefined ? null : { kind: 'goTo', sceneId: id };
    }
    case 'overview':
      return ids[0] === undefined ? null : { kind: 'goTo', sceneId: ids[0] };
    case 'blackout':
      return { kind: 'blackout', on: !blackoutOn };
    default:
      return null;
  }
}

/** The kiosk main process's form of a scene key (it knows the scene list and the curtain's state). */
export function kioskCommandFor(cmd: SceneCommand): KioskWallCommand | null {
  switch (cmd.kind) {
    case 'next':
    case 'prev':
    case 'overview':
    case 'blackout':
      return { kind: cmd.kind };
    case 'jump':
      return { kind: 'jump', index: cmd.index };
    default:
      return null;
  }
}

export function routeCommand(cmd: SceneCommand, deps: RouterDeps): Route {
  if (cmd.kind === 'toggleInfo') {
    deps.runLocal(cmd);
    return 'local';
  }
  if (cmd.kind === 'togglePairing') {
    deps.togglePairing();
    return 'local';
  }
  const hub = deps.hub();
  if (hub) {
    const hubCmd = hubCommandFor(cmd, deps.sceneIds(), hub.blackout);
    if (hubCmd) {
      void hub.command(hubCmd).then((ack) => {
        if (!ack.ok) deps.log(`the hub refused ${hubCmd.kind}: ${ack.error}`);
      });
    }
    return 'hub';
  }
  const sink = deps.kioskSink();
  const kioskCmd = sink ? kioskCommandFor(cmd) : null;
  if (sink && kioskCmd) {
    sink(kioskCmd);
    return 'kiosk';
  }
  if (cmd.kind === 'blackout') deps.toggleLocalBlackout();
  else deps.runLocal(cmd);
  return 'local';
}
