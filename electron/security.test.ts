import { describe, expect, it } from 'vitest';
import { hashPin, PinGate, verifyPin } from './operator';
import { contentSecurityPolicy, isAllowedNavigation, isAllowedRequest, isBlockedShortcut, isCombo, parseCombo, secureWebPreferences } from './security';

const key = (k: string, mods: Partial<Record<'control' | 'alt' | 'shift' | 'meta', boolean>> = {}) => ({ type: 'keyDown' as const, key: k, code: '', control: false, alt: false, shift: false, meta: false, ...mods });

describe('security', () => {
  it('web preferences follow the checklist', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, devTools: false, preload: '/x/preload.cjs' });
  });

  it('CSP: own origin only, no script eval, no objects/frames; live origins only when configured', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(eval|inline)'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('https:');
    expect(contentSecurityPolicy(['wss://ops.example.cn'])).toContain("connect-src 'self' data: blob: wss://ops.example.cn");
  });

  it('requests and navigation stay in the app', () => {
    expect(isAllowedRequest('app://citywall/cesium/Workers/x.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAA')).toBe(true);
    expect(isAllowedRequest('https://api.cesium.com/v1/assets')).toBe(false);
    expect(isAllowedRequest('wss://ops.example.cn/socket.io/', ['wss://ops.example.cn'])).toBe(true);
    expect(isAllowedNavigation('app://citywall/index.html?window=r0c0')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
  });

  it('zoom, reload and dev-tools shortcuts are blocked; ordinary keys are not', () => {
    for (const k of [key('r', { control: true }), key('F5'), key('F12'), key('i', { control: true, shift: true }), key('=', { control: true }), key('-', { control: true }), key('0', { control: true }), key('F11'), key('F4', { alt: true })]) expect(isBlockedShortcut(k), JSON.stringify(k)).toBe(true);
    for (const k of [key('a'), key('1'), key('Enter'), key('Escape'), { ...key('r', { control: true }), type: 'keyUp' as const }]) expect(isBlockedShortcut(k), JSON.stringify(k)).toBe(false);
  });

  it('the operator combination matches exactly its modifiers', () => {
    const c = parseCombo('Control+Alt+Shift+K');
    expect(isCombo(key('K', { control: true, alt: true, shift: true }), c)).toBe(true);
    expect(isCombo(key('k', { control: true, alt: true }), c)).toBe(false);
    expect(isCombo(key('k', { control: true, alt: true, shift: true, meta: true }), c)).toBe(false);
  });

  it('PIN: scrypt hash, constant-time check, lock-out after repeated wrong entries', () => {
    const stored = hashPin('246810', '00112233445566778899aabbccddeeff');
    expect(stored).toMatch(/^scrypt:00112233445566778899aabbccddeeff:[0-9a-f]{64}$/);
    expect(verifyPin('246810', stored)).toBe(true);
    expect(verifyPin('246811', stored)).toBe(false);
    expect(verifyPin('246810', 'plain:246810')).toBe(false);
    const gate = new PinGate(stored, 3, 60_000);
    expect([gate.check('1', 0), gate.check('2', 1), gate.check('3', 2)]).toEqual(['wrong', 'wrong', 'wrong']);
    expect(gate.check('246810', 3)).toBe('locked');
    expect(gate.check('246810', 60_010)).toBe('ok');
  });
});
