import { describe, expect, it } from 'vitest';
import { initialScene, naiveSwitchRequested, sceneAt, stepScene } from './scene-nav';

const IDS = ['overview', 'command', 'industry'];

describe('stepScene', () => {
  it('steps forward and back, wrapping at both ends', () => {
    expect(stepScene(IDS, 'overview', 1)).toBe('command');
    expect(stepScene(IDS, 'industry', 1)).toBe('overview');
    expect(stepScene(IDS, 'overview', -1)).toBe('industry');
    expect(stepScene(IDS, 'command', -1)).toBe('overview');
    expect(stepScene(IDS, 'command', 7)).toBe('industry');
  });
  it('counts from the overview when the current id is unknown, and stays put with no scenes', () => {
    expect(stepScene(IDS, 'gone', 1)).toBe('command');
    expect(stepScene([], 'x', 1)).toBe('x');
  });
  it('with one scene, next and previous stay on it', () => {
    expect(stepScene(['overview'], 'overview', 1)).toBe('overview');
    expect(stepScene(['overview'], 'overview', -1)).toBe('overview');
  });
});

describe('sceneAt', () => {
  it('gives the id at a position, null past the end or for a non-position', () => {
    expect(sceneAt(IDS, 0)).toBe('overview');
    expect(sceneAt(IDS, 2)).toBe('industry');
    expect(sceneAt(IDS, 3)).toBeNull();
    expect(sceneAt(IDS, -1)).toBeNull();
    expect(sceneAt(IDS, 1.5)).toBeNull();
  });
});

describe('initialScene', () => {
  it('takes a known ?scene= and defaults to the overview', () => {
    expect(initialScene('?scene=industry', IDS)).toEqual({ id: 'industry', warning: null });
    expect(initialScene('', IDS)).toEqual({ id: 'overview', warning: null });
    expect(initialScene('?scene=', IDS)).toEqual({ id: 'overview', warning: null });
    expect(initialScene('?speed=8&scene=command', IDS)).toEqual({ id: 'command', warning: null });
  });
  it('falls back to the overview with a warning for an unknown id, quoting it as data', () => {
    const r = initialScene('?scene=%3Cimg%20src%3Dx%3E', IDS);
    expect(r.id).toBe('overview');
    expect(r.warning).toContain('"<img src=x>"');
    expect(r.warning).toContain('overview, command, industry');
  });
});

describe('naiveSwitchRequested', () => {
  it('is on only for ?naiveSwitch=1 (or true)', () => {
    expect(naiveSwitchRequested('?naiveSwitch=1')).toBe(true);
    expect(naiveSwitchRequested('?naiveSwitch=true')).toBe(true);
    expect(naiveSwitchRequested('?naiveSwitch=0')).toBe(false);
    expect(naiveSwitchRequested('')).toBe(false);
  });
});
