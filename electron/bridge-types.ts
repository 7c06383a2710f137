/**
 * The one typed bridge between a kiosk window and the main process (after Foxglove's desktop/preload).
 * The preload exposes exactly `CitywallBridge` at `window.citywallKiosk`; the renderer uses the same
 * interface; the main process validates every payload against the schema of its channel
 * (ipc-validate.ts). One function per channel; `ipcRenderer` itself is never handed to the page.
 *
 * Types only plus two constants: this file is imported by the preload (bundled), the renderer and the
 * main process, so it must stay free of Node, Electron and DOM imports.
 */

/** Wall pixels (the logical wall canvas measured in physical panel pixels). */
export interface PxRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a window needs to put the scene back after a crash, a context loss or a soft reload. */
export interface RestoreState {
  /** The data clock (ms since epoch) the wall showed; null before the source knew its time. */
  dataClock: number | null;
  paused: boolean;
  /** The map view (scene camera) as the map hook reports it; opaque to the shell. */
  camera: unknown;
  /** The scene on show (scenes/index.ts id); absent in snapshots from before scenes could switch. */
  sceneId?: string | null;
  /** Renderer wall-clock time of the snapshot (ms since epoch). */
  savedAt: number;
}

export interface KioskHello {
  /** This window's key in the plan ("r0c1", "span"). */
  windowKey: string;
  /** Heartbeat period the main process expects (ms). */
  heartbeatMs: number;
  /** State the main process kept from this window's last heartbeat before it was reloaded; else null. */
  restore: RestoreState | null;
}

export interface Heartbeat {
  seq: number;
  mapReady: boolean;
  state: RestoreState;
}

export interface ClockSyncReply {
  /** The follower's local send time, echoed. */
  t0: number;
  /** The master clock when the main process answered (ms). */
  master: number;
}

/** What the shared clock tells every window to do at one master instant. */
export type WallAction =
  | { kind: 'seek'; dataTime: number; pause: boolean }
  | { kind: 'pause' }
  | { kind: 'play' }
  | { kind: 'camera'; view: unknown }
  /** A visible cue (operator "identify windows", tests): every window flashes its key at the instant. */
  | { kind: 'mark'; label: string }
  /** Show a scene (scenes/index.ts id), optionally flying to a tour step's camera and highlighting. */
  | { kind: 'scene'; sceneId: string; camera?: unknown; highlight?: { panelId?: string; unitId?: string } | null }
  | { kind: 'blackout'; on: boolean }
  /** Focus a unit, an alarm or a panel (null clears). Shape: FocusTarget in src/presenter/protocol.ts. */
  | { kind: 'focus'; target: { type: 'unit'; unitId: string } | { type: 'alarm'; alarmId: string } | { type: 'panel'; panelId: string } | null }
  | { kind: 'speed'; speed: number }
  /** Briefing alerts: show the banner of an alert, or take it down (opened: go to its scene, deferred). */
  | { kind: 'banner'; alert: { id: string; severity: string; title: string; detail: string } | null };

export interface ClockCommand {
  id: number;
  /** Master-clock instant (ms) at which every window applies the action. */
  applyAt: number;
  action: WallAction;
}

/**
 * A key at any kiosk window that changes what the whole wall shows. In tile mode the window does not switch
 * by itself: the main process turns it into a ClockCommand (scene / blackout) that every window applies at
 * the same master instant.
 */
export type KioskWallCommand =
  | { kind: 'next' }
  | { kind: 'prev' }
  /** Zero-based position in the scene list. */
  | { kind: 'jump'; index: number }
  | { kind: 'overview' }
  | { kind: 'blackout' };

export type OperatorAction = 'exit' | 'reload' | 'close';

export interface OperatorRequest {
  pin: string;
  action: OperatorAction;
}

export interface OperatorReply {
  ok: boolean;
  message: string;
}

export interface OperatorPanelInfo {
  windows: { key: string; viewport: PxRect }[];
  wall: { width: number; height: number };
  mode: 'span' | 'tile';
  warnings: string[];
}

export type Unsubscribe = () => void;

/** Exposed at `window.citywallKiosk` by electron/preload.ts. */
export interface CitywallBridge {
  /** invoke 'kiosk:hello': who am I, and what to restore. */
  hello(): Promise<KioskHello>;
  /** send 'kiosk:heartbeat': I am alive, and this is my state. */
  heartbeat(beat: Heartbeat): void;
  /** invoke 'clock:sync': one sample for the offset estimate. */
  clockSync(t0: number): Promise<ClockSyncReply>;
  /** on 'clock:command' (main → window). */
  onClockCommand(listener: (cmd: ClockCommand) => void): Unsubscribe;
  /** on 'operator:open' (main → window, after the operator key combination). */
  onOperatorOpen(listener: (info: OperatorPanelInfo) => void): Unsubscribe;
  /** invoke 'operator:submit': PIN plus what to do; the main process checks the PIN. */
  operatorSubmit(req: OperatorRequest): Promise<OperatorReply>;
  /** send 'wall:command': a scene key pressed in this window, for every window of the wall. */
  wallCommand(cmd: KioskWallCommand): void;
}

export const BRIDGE_KEY = 'citywallKiosk';

/** The IPC channel of each bridge function: the complete list, nothing else is listened to. */
export const CHANNELS = {
  hello: 'kiosk:hello',
  heartbeat: 'kiosk:heartbeat',
  clockSync: 'clock:sync',
  onClockCommand: 'clock:command',
  onOperatorOpen: 'operator:open',
  operatorSubmit: 'operator:submit',
  wallCommand: 'wall:command',
} as const satisfies Record<keyof CitywallBridge, string>;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
