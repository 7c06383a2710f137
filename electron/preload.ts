/**
 * The preload of every kiosk window (sandboxed, context-isolated): exposes exactly `CitywallBridge` at
 * `window.citywallKiosk`, one function per IPC channel (after Foxglove's desktop/preload). The page never
 * sees `ipcRenderer`, the event objects or any channel it could name itself. Bundled to one CommonJS
 * file (sandboxed preloads cannot require local modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, CHANNELS, type CitywallBridge, type ClockCommand, type OperatorPanelInfo } from './bridge-types';

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  // Only the payload crosses into the page, never the IPC event (it carries `sender`).
  const handler = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const bridge: CitywallBridge = {
  hello: () => ipcRenderer.invoke(CHANNELS.hello),
  heartbeat: (beat) => ipcRenderer.send(CHANNELS.heartbeat, beat),
  clockSync: (t0) => ipcRenderer.invoke(CHANNELS.clockSync, t0),
  onClockCommand: (listener) => subscribe<ClockCommand>(CHANNELS.onClockCommand, listener),
  onOperatorOpen: (listener) => subscribe<OperatorPanelInfo>(CHANNELS.onOperatorOpen, listener),
  operatorSubmit: (req) => ipcRenderer.invoke(CHANNELS.operatorSubmit, req),
  wallCommand: (cmd) => ipcRenderer.send(CHANNELS.wallCommand, cmd),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
