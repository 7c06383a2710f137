/**
 * The window's side of the shared clock: a ClockFollower (electron/shared-clock.ts) fed by a transport,
 * applying each command to the wall at its master instant. Transports:
 *   bridge     the kiosk's main process (sync samples over `clockSync`, commands over `onClockCommand`)
 *   broadcast  a BroadcastChannel named "citywall-clock": the test stand-in for the main process, which
 *              answers {type:'sync'} with {type:'sync-reply'} and posts {type:'command', cmd}
 * Local time is performance.timeOrigin + performance.now(): epoch-based and monotonic within the page.
 * The presenter's kinds (scene, blackout, focus, speed, banner) are applied by src/presenter/ (wall-deps.ts),
 * the same code the presenter hub's commands go through, so the kiosk's main process can send them too.
 */
import type { CitywallBridge, ClockCommand, WallAction } from '../../electron/bridge-types';
import { ClockFollower, type Applied } from '../../electron/shared-clock';
import { hooks, seekTo, setCamera } from './wall-access';
import { applyOnWall } from '../presenter/wall-deps';

export const BROADCAST_CHANNEL = 'citywall-clock';

export type BroadcastMessage =
  | { type: 'sync'; from: string; t0: number }
  | { type: 'sync-reply'; to: string; t0: number; master: number }
  | { type: 'command'; cmd: ClockCommand };

export interface ClockClient {
  follower: ClockFollower;
  /** What each window did: for a seek, the data time it actually went to (after lateness compensation). */
  applied: (Applied & { action: WallAction['kind']; seekTo: number | null })[];
  close(): void;
}

export const localNow = () => performance.timeOrigin + performance.now();

function showMark(label: string): void {
  const el = document.createElement('div');
  el.dataset.testid = 'kiosk-mark';
  el.textContent = label;
  el.style.cssText = 'position:fixed;left:50%;top:50%;transform:translate(-50%,-50%);z-index:10000;padding:24px 48px;font:700 64px sans-serif;color:#fff;background:rgba(8,145,178,.9);border:3px solid #fff;pointer-events:none';
  document.body.appendChild(el);
  setTimeout(() => el.remove(), 2000);
}

/**
 * Apply one command. `lateMs` is how far past its master instant this window got to it: a main thread
 * busy in a (software-rendered) frame can be late, so a seek that resumes play goes to where the
 * timeline stands *now* (dataTime + late × speed). Every window then shows the same data time for the
 * same master instant, however late each one was. Returns the data time sought, if any.
 */
export function applyAction(action: WallAction, windowKey: string, lateMs = 0): number | null {
  switch (action.kind) {
    case 'seek': {
      const speed = hooks().source?.getState().clock.speed ?? 1;
      const target = action.pause ? action.dataTime : action.dataTime + Math.max(0, lateMs) * speed;
      seekTo(target, action.pause);
      return target;
    }
    case 'pause':
      hooks().source?.pause?.();
      break;
    case 'play':
      hooks().source?.play?.();
      break;
    case 'camera':
      void setCamera(action.view);
      break;
    case 'mark':
      showMark(`${action.label} · ${windowKey}`);
      break;
    case 'scene':
    case 'blackout':
    case 'focus':
    case 'speed':
    case 'banner':
      try {
        // What shows at once (scene, curtain, banner) is applied before this returns; flights follow.
        void Promise.resolve(applyOnWall(action)).catch((err: unknown) => console.warn('[citywall:kiosk] presenter action failed', err));
      } catch (err) {
        console.warn('[citywall:kiosk] presenter action failed', err);
      }
      break;
    default: {
      const never: never = action;
      console.warn('[citywall:kiosk] unknown clock action', never);
    }
  }
  return null;
}

export function startClockClient(kind: 'bridge' | 'broadcast', windowKey: string, bridge: CitywallBridge | null): ClockClient {
  const applied: ClockClient['applied'] = [];
  const follower = new ClockFollower({ now: localNow, setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (h) => clearTimeout(h as number) }, (cmd, a) => {
    const seekTo = applyAction(cmd.action, windowKey, a.lateMs);
    applied.push({ ...a, action: cmd.action.kind, seekTo });
    if (applied.length > 100) applied.shift();
  });
  const closers: (() => void)[] = [];
  const sampleBurst = (send: (t0: number) => void) => {
    for (let i = 0; i < 5; i++) setTimeout(() => send(localNow()), i * 50);
  };
  if (kind === 'bridge' && bridge) {
    const sync = (t0: number) => void bridge.clockSync(t0).then((r) => r && follower.addSample({ t0: r.t0, master: r.master, t1: localNow() }));
    sampleBurst(sync);
    const timer = setInterval(() => sampleBurst(sync), 60_000);
    closers.push(() => clearInterval(timer), bridge.onClockCommand((cmd) => follower.receive(cmd)));
  } else if (kind === 'broadcast' && typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(BROADCAST_CHANNEL);
    channel.onmessage = (e: MessageEvent<BroadcastMessage>) => {
      const m = e.data;
      if (m.type === 'sync-reply' && m.to === windowKey) follower.addSample({ t0: m.t0, master: m.master, t1: localNow() });
      if (m.type === 'command') follower.receive(m.cmd);
    };
    const sync = (t0: number) => channel.postMessage({ type: 'sync', from: windowKey, t0 } satisfies BroadcastMessage);
    sampleBurst(sync);
    const timer = setInterval(() => sampleBurst(sync), 10_000);
    closers.push(() => clearInterval(timer), () => channel.close());
  }
  return { follower, applied, close: () => closers.forEach((c) => c()) };
}
