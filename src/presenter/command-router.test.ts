import { describe, expect, it } from 'vitest';
import type { KioskWallCommand } from '../../electron/bridge-types';
import type { SceneCommand } from '../scene/keyboard';
import { hubCommandFor, routeCommand, type RouterDeps } from './command-router';
import type { WallKeyCommand } from './hub-link';
import type { CommandAck } from './protocol';

const IDS = ['overview', 'command', 'industry'];

function setup(opts: { hub?: boolean; blackout?: boolean; kiosk?: boolean; ack?: CommandAck } = {}) {
  const sent: WallKeyCommand[] = [];
  const kiosk: KioskWallCommand[] = [];
  const local: SceneCommand[] = [];
  const logs: string[] = [];
  let localBlackout = false;
  let pairingToggles = 0;
  const deps: RouterDeps = {
    hub: () =>
      opts.hub
        ? {
            blackout: opts.blackout ?? false,
            command: (c) => {
              sent.push(c);
              return Promise.resolve(opts.ack ?? { ok: true });
            },
          }
        : null,
    kioskSink: () => (opts.kiosk ? (c) => kiosk.push(c) : null),
    sceneIds: () => IDS,
    runLocal: (c) => local.push(c),
    toggleLocalBlackout: () => {
      localBlackout = !localBlackout;
    },
    togglePairing: () => {
      pairingToggles += 1;
    },
    log: (m) => logs.push(m),
  };
  return { deps, sent, kiosk, local, logs, localBlackout: () => localBlackout, pairingToggles: () => pairingToggles };
}

describe('hubCommandFor', () => {
  it('turns positions into scene ids and the blackout toggle into the opposite of the hub’s state', () => {
    expect(hubCommandFor({ kind: 'jump', index: 2 }, IDS, false)).toEqual({ kind: 'goTo', sceneId: 'industry' });
    expect(hubCommandFor({ kind: 'jump', index: 9 }, IDS, false)).toBeNull();
    expect(hubCommandFor({ kind: 'overview' }, IDS, false)).toEqual({ kind: 'goTo', sceneId: 'overview' });
    expect(hubCommandFor({ kind: 'blackout' }, IDS, false)).toEqual({ kind: 'blackout', on: true });
    expect(hubCommandFor({ kind: 'blackout' }, IDS, true)).toEqual({ kind: 'blackout', on: false });
    expect(hubCommandFor({ kind: 'toggleInfo' }, IDS, false)).toBeNull();
  });
});

describe('routeCommand', () => {
  it('linked: scene keys and blackout go to the hub and the wall does not switch by itself', () => {
    const s = setup({ hub: true, kiosk: true, blackout: true });
    for (const c of [{ kind: 'next' }, { kind: 'prev' }, { kind: 'jump', index: 1 }, { kind: 'overview' }, { kind: 'blackout' }] as SceneCommand[]) {
      expect(routeCommand(c, s.deps)).toBe('hub');
    }
    expect(s.sent).toEqual([{ kind: 'next' }, { kind: 'prev' }, { kind: 'goTo', sceneId: 'command' }, { kind: 'goTo', sceneId: 'overview' }, { kind: 'blackout', on: false }]);
    expect(s.local).toEqual([]);
    expect(s.kiosk).toEqual([]);
    expect(s.localBlackout()).toBe(false);
  });

  it('a key past the scene list on a hub sends nothing and switches nothing', () => {
    const s = setup({ hub: true });
    expect(routeCommand({ kind: 'jump', index: 7 }, s.deps)).toBe('hub');
    expect(s.sent).toEqual([]);
    expect(s.local).toEqual([]);
  });

  it('logs a refusal from the hub', async () => {
    const s = setup({ hub: true, ack: { ok: false, error: 'no' } });
    routeCommand({ kind: 'next' }, s.deps);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.logs).toEqual(['the hub refused next: no']);
  });

  it('kiosk tile mode without a hub: the main process gets it', () => {
    const s = setup({ kiosk: true });
    expect(routeCommand({ kind: 'jump', index: 4 }, s.deps)).toBe('kiosk');
    expect(routeCommand({ kind: 'blackout' }, s.deps)).toBe('kiosk');
    expect(s.kiosk).toEqual([{ kind: 'jump', index: 4 }, { kind: 'blackout' }]);
    expect(s.local).toEqual([]);
  });

  it('standalone: the scene store and the local curtain', () => {
    const s = setup();
    expect(routeCommand({ kind: 'next' }, s.deps)).toBe('local');
    expect(routeCommand({ kind: 'blackout' }, s.deps)).toBe('local');
    expect(s.local).toEqual([{ kind: 'next' }]);
    expect(s.localBlackout()).toBe(true);
    routeCommand({ kind: 'blackout' }, s.deps);
    expect(s.localBlackout()).toBe(false);
  });

  it('I and P stay on this screen whatever the wall is linked to', () => {
    const s = setup({ hub: true, kiosk: true });
    expect(routeCommand({ kind: 'toggleInfo' }, s.deps)).toBe('local');
    expect(routeCommand({ kind: 'togglePairing' }, s.deps)).toBe('local');
    expect(s.local).toEqual([{ kind: 'toggleInfo' }]);
    expect(s.pairingToggles()).toBe(1);
    expect(s.sent).toEqual([]);
    expect(s.kiosk).toEqual([]);
  });
});
