import { describe, expect, it } from 'vitest';
import type { KioskWallCommand } from '../../electron/bridge-types';
import { COMMAND_CHANNEL, kioskCommandSink, type WallCommandMessage } from './command-route';
import { BROADCAST_CHANNEL } from './clock-client';

function fakeChannels() {
  const posted: { name: string; msg: unknown }[] = [];
  class Channel {
    constructor(readonly name: string) {}
    postMessage(msg: unknown) {
      posted.push({ name: this.name, msg });
    }
  }
  return { posted, Channel: Channel as unknown as new (name: string) => Pick<BroadcastChannel, 'postMessage'> };
}

const TILE = '?wall=3840x1080&viewport=1920,0,1920,1080&window=r0c1&kiosk=1';

describe('kioskCommandSink', () => {
  it('in the kiosk, sends every scene key to the main process over the bridge', () => {
    const sent: KioskWallCommand[] = [];
    const { posted, Channel } = fakeChannels();
    const sink = kioskCommandSink({ search: TILE, bridge: { wallCommand: (c: KioskWallCommand) => sent.push(c) }, BroadcastChannel: Channel });
    expect(sink).not.toBeNull();
    sink!({ kind: 'next' });
    sink!({ kind: 'jump', index: 4 });
    sink!({ kind: 'blackout' });
    expect(sent).toEqual([{ kind: 'next' }, { kind: 'jump', index: 4 }, { kind: 'blackout' }]);
    expect(posted).toEqual([]); // the bridge wins over ?clock=broadcast, as for the clock itself
  });

  it('in span mode (one window over the whole wall) too: one path', () => {
    const sent: KioskWallCommand[] = [];
    const sink = kioskCommandSink({ search: '?wall=7680x2160&viewport=0,0,7680,2160&window=span&kiosk=1', bridge: { wallCommand: (c: KioskWallCommand) => sent.push(c) } });
    sink!({ kind: 'prev' });
    expect(sent).toEqual([{ kind: 'prev' }]);
  });

  it('with ?clock=broadcast (tests without Electron), posts a wall-command on the clock channel, from this window', () => {
    const { posted, Channel } = fakeChannels();
    const sink = kioskCommandSink({ search: `${TILE}&clock=broadcast`, bridge: undefined, BroadcastChannel: Channel });
    sink!({ kind: 'overview' });
    expect(posted).toEqual([{ name: BROADCAST_CHANNEL, msg: { type: 'wall-command', from: 'r0c1', cmd: { kind: 'overview' } } satisfies WallCommandMessage }]);
    expect(COMMAND_CHANNEL).toBe(BROADCAST_CHANNEL);
  });

  it('a plain browser page, a browser without BroadcastChannel, or a bridge without wallCommand: keys stay local', () => {
    const { Channel } = fakeChannels();
    expect(kioskCommandSink({ search: '', bridge: undefined, BroadcastChannel: Channel })).toBeNull();
    expect(kioskCommandSink({ search: TILE, bridge: undefined, BroadcastChannel: Channel })).toBeNull();
    expect(kioskCommandSink({ search: `${TILE}&clock=broadcast`, bridge: undefined })).toBeNull();
    expect(kioskCommandSink({ search: TILE, bridge: { hello: () => null }, BroadcastChannel: Channel })).toBeNull();
    expect(kioskCommandSink({ search: `${TILE}&clock=broadcast`, bridge: { hello: () => null }, BroadcastChannel: Channel })).toBeNull();
  });

  it('for the page itself, decides once and hands out the same sink on every call (the key router asks per key)', () => {
    const sent: KioskWallCommand[] = [];
    const g = globalThis as unknown as { window?: unknown };
    const before = g.window;
    g.window = { location: { search: TILE }, citywallKiosk: { wallCommand: (c: KioskWallCommand) => sent.push(c) } };
    try {
      const sink = kioskCommandSink();
      expect(sink).not.toBeNull();
      expect(kioskCommandSink()).toBe(sink);
      sink!({ kind: 'next' });
      expect(sent).toEqual([{ kind: 'next' }]);
    } finally {
      g.window = before;
    }
  });
});
