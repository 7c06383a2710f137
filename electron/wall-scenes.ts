/**
 * The main process's view of what the whole wall shows (the scene on show, blackout on or off) and how a
 * scene key pressed at any window changes it. In tile mode no window switches by itself: the key goes to
 * the main process, this decides the one WallAction, and the shared clock has every window apply it at
 * the same master instant. Navigation is the renderer's own (src/scene/scene-nav.ts): next/previous wrap,
 * a jump past the end is no jump, the first scene is the overview.
 *
 * Pure: no Electron, no clock. `sceneIds` is the scene list in briefing order (electron/scene-ids.ts).
 */
import type { KioskWallCommand, WallAction } from './bridge-types';
import { sceneAt, stepScene } from '../src/scene/scene-nav';

export interface WallScenesState {
  /** The scene the wall shows; null until a window reported one (then navigation counts from the overview). */
  sceneId: string | null;
  blackout: boolean;
}

export const INITIAL_WALL_SCENES: WallScenesState = { sceneId: null, blackout: false };

export interface WallCommandResult {
  state: WallScenesState;
  /** What every window applies; null when the command changes nothing (a jump past the end, the scene on show). */
  action: WallAction | null;
}

function show(state: WallScenesState, sceneId: string | null): WallCommandResult {
  if (sceneId === null || sceneId === state.sceneId) return { state, action: null };
  return { state: { ...state, sceneId }, action: { kind: 'scene', sceneId } };
}

export function applyWallCommand(state: WallScenesState, cmd: KioskWallCommand, sceneIds: readonly string[]): WallCommandResult {
  if (cmd.kind === 'blackout') {
    const on = !state.blackout;
    return { state: { ...state, blackout: on }, action: { kind: 'blackout', on } };
  }
  // A scene key while the wall is dark brings the picture back first, without moving on (as a presentation
  // program does): the presenter sees where the wall is before the next press changes it.
  if (state.blackout) return { state: { ...state, blackout: false }, action: { kind: 'blackout', on: false } };
  if (sceneIds.length === 0) return { state, action: null };
  // An unknown or not yet reported scene counts as the overview (stepScene does the same).
  const current = state.sceneId !== null && sceneIds.includes(state.sceneId) ? state.sceneId : (sceneIds[0] as string);
  switch (cmd.kind) {
    case 'next':
      return show(state, stepScene(sceneIds, current, 1));
    case 'prev':
      return show(state, stepScene(sceneIds, current, -1));
    case 'jump':
      return show(state, sceneAt(sceneIds, cmd.index));
    case 'overview':
      return show(state, sceneIds[0] as string);
    default: {
      const never: never = cmd;
      throw new Error(`unknown wall command ${JSON.stringify(never)}`);
    }
  }
}

/** A scene the wall reported (restore state, heartbeat): kept only when it is one of ours. */
export function withReportedScene(state: WallScenesState, sceneId: string | null | undefined, sceneIds: readonly string[]): WallScenesState {
  if (typeof sceneId !== 'string' || !sceneIds.includes(sceneId) || sceneId === state.sceneId) return state;
  return { ...state, sceneId };
}
