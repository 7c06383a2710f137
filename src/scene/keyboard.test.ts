import { describe, expect, it } from 'vitest';
import { commandForKey, listenForSceneKeys, type KeyInput, type SceneCommand } from './keyboard';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  repeat: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...extra,
});

describe('commandForKey', () => {
  it('maps clicker and arrow keys to next / previous', () => {
    expect(commandForKey(key('ArrowRight'))).toEqual({ kind: 'next' });
    expect(commandForKey(key('PageDown'))).toEqual({ kind: 'next' });
    expect(commandForKey(key('ArrowLeft'))).toEqual({ kind: 'prev' });
    expect(commandForKey(key('PageUp'))).toEqual({ kind: 'prev' });
  });
  it('maps digits to positions: 1–9 are the first nine, 0 the tenth', () => {
    expect(commandForKey(key('1'))).toEqual({ kind: 'jump', index: 0 });
    expect(commandForKey(key('9'))).toEqual({ kind: 'jump', index: 8 });
    expect(commandForKey(key('0'))).toEqual({ kind: 'jump', index: 9 });
  });
  it('maps Esc to the overview and I (either case) to the panel info toggle', () => {
    expect(commandForKey(key('Escape'))).toEqual({ kind: 'overview' });
    expect(commandForKey(key('i'))).toEqual({ kind: 'toggleInfo' });
    expect(commandForKey(key('I'))).toEqual({ kind: 'toggleInfo' });
  });
  it('maps B (either case) and the full stop to the blackout toggle, P to the pairing card', () => {
    expect(commandForKey(key('b'))).toEqual({ kind: 'blackout' });
    expect(commandForKey(key('B'))).toEqual({ kind: 'blackout' });
    expect(commandForKey(key('.'))).toEqual({ kind: 'blackout' });
    expect(commandForKey(key('p'))).toEqual({ kind: 'togglePairing' });
    expect(commandForKey(key('P'))).toEqual({ kind: 'togglePairing' });
    // A held blank button must not flicker the wall; Shift+B is the browser's or the kiosk's.
    expect(commandForKey(key('b', { repeat: true }))).toBeNull();
    expect(commandForKey(key('B', { shiftKey: true }))).toBeNull();
  });
  it('ignores auto-repeat, every modifier, text fields and unbound keys', () => {
    expect(commandForKey(key('ArrowRight', { repeat: true }))).toBeNull();
    for (const mod of ['altKey', 'ctrlKey', 'metaKey', 'shiftKey'] as const) {
      expect(commandForKey(key('PageDown', { [mod]: true })), mod).toBeNull();
      expect(commandForKey(key('1', { [mod]: true })), mod).toBeNull();
    }
    expect(commandForKey(key('ArrowRight', { editable: true }))).toBeNull();
    for (const k of ['w', ',', 'Enter', ' ', 'ArrowUp', 'F5', '١', 'Tab']) expect(commandForKey(key(k)), k).toBeNull();
  });
});

describe('listenForSceneKeys', () => {
  it('runs the command, prevents the default (no scrolling) and stops listening when removed', () => {
    const target = new EventTarget();
    const seen: SceneCommand[] = [];
    const stop = listenForSceneKeys(target as unknown as Window, (c) => seen.push(c));
    const press = (k: string, init: Record<string, unknown> = {}) => {
      const e = Object.assign(new Event('keydown', { cancelable: true }), { key: k, repeat: false, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...init });
      target.dispatchEvent(e);
      return e;
    };
    expect(press('PageDown').defaultPrevented).toBe(true);
    expect(press('x').defaultPrevented).toBe(false);
    press('PageDown', { repeat: true });
    stop();
    press('PageDown');
    expect(seen).toEqual([{ kind: 'next' }]);
  });
});
