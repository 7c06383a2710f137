import { describe, expect, it } from 'vitest';
import { SCENE_LIST } from '../scenes';
import { WALL_SCENE_IDS } from './scene-ids';
import { applyWallCommand, INITIAL_WALL_SCENES, withReportedScene, type WallScenesState } from './wall-scenes';

const IDS = ['overview', 'command', 'industry'];
const at = (sceneId: string | null, blackout = false): WallScenesState => ({ sceneId, blackout });

describe('applyWallCommand', () => {
  it('next and previous step through the list and wrap at both ends', () => {
    expect(applyWallCommand(at('overview'), { kind: 'next' }, IDS)).toEqual({ state: at('command'), action: { kind: 'scene', sceneId: 'command' } });
    expect(applyWallCommand(at('industry'), { kind: 'next' }, IDS).action).toEqual({ kind: 'scene', sceneId: 'overview' });
    expect(applyWallCommand(at('overview'), { kind: 'prev' }, IDS)).toEqual({ state: at('industry'), action: { kind: 'scene', sceneId: 'industry' } });
    expect(applyWallCommand(at('command'), { kind: 'prev' }, IDS).action).toEqual({ kind: 'scene', sceneId: 'overview' });
  });

  it('counts from the overview while the scene is unknown (nothing reported yet, or an id not in the list)', () => {
    expect(applyWallCommand(INITIAL_WALL_SCENES, { kind: 'next' }, IDS).action).toEqual({ kind: 'scene', sceneId: 'command' });
    expect(applyWallCommand(at('gone'), { kind: 'prev' }, IDS).action).toEqual({ kind: 'scene', sceneId: 'industry' });
  });

  it('jumps to a position; past the end, or onto the scene on show, nothing happens', () => {
    expect(applyWallCommand(at('overview'), { kind: 'jump', index: 2 }, IDS)).toEqual({ state: at('industry'), action: { kind: 'scene', sceneId: 'industry' } });
    expect(applyWallCommand(at('overview'), { kind: 'jump', index: 3 }, IDS)).toEqual({ state: at('overview'), action: null });
    expect(applyWallCommand(at('command'), { kind: 'jump', index: 1 }, IDS)).toEqual({ state: at('command'), action: null });
  });

  it('overview goes to the first scene, and is no change on it', () => {
    expect(applyWallCommand(at('industry'), { kind: 'overview' }, IDS)).toEqual({ state: at('overview'), action: { kind: 'scene', sceneId: 'overview' } });
    expect(applyWallCommand(at('overview'), { kind: 'overview' }, IDS).action).toBeNull();
  });

  it('blackout toggles; a scene key while dark brings the picture back without moving on', () => {
    const dark = applyWallCommand(at('command'), { kind: 'blackout' }, IDS);
    expect(dark).toEqual({ state: at('command', true), action: { kind: 'blackout', on: true } });
    expect(applyWallCommand(dark.state, { kind: 'blackout' }, IDS)).toEqual({ state: at('command'), action: { kind: 'blackout', on: false } });
    expect(applyWallCommand(dark.state, { kind: 'next' }, IDS)).toEqual({ state: at('command'), action: { kind: 'blackout', on: false } });
    expect(applyWallCommand(dark.state, { kind: 'jump', index: 9 }, IDS)).toEqual({ state: at('command'), action: { kind: 'blackout', on: false } });
  });

  it('with no scenes or one scene, scene keys change nothing', () => {
    expect(applyWallCommand(at(null), { kind: 'next' }, []).action).toBeNull();
    expect(applyWallCommand(at('overview'), { kind: 'next' }, ['overview']).action).toBeNull();
  });

  it('does not change the state it was given', () => {
    const s = at('overview');
    applyWallCommand(s, { kind: 'next' }, IDS);
    applyWallCommand(s, { kind: 'blackout' }, IDS);
    expect(s).toEqual(at('overview'));
  });
});

describe('withReportedScene', () => {
  it('takes a reported scene of ours, and ignores anything else', () => {
    expect(withReportedScene(at(null), 'industry', IDS)).toEqual(at('industry'));
    expect(withReportedScene(at('command', true), 'industry', IDS)).toEqual(at('industry', true));
    expect(withReportedScene(at('command'), 'flood', IDS)).toEqual(at('command'));
    expect(withReportedScene(at('command'), null, IDS)).toEqual(at('command'));
    expect(withReportedScene(at('command'), undefined, IDS)).toEqual(at('command'));
  });
});

describe('the main process’s scene list', () => {
  it('is the wall’s scene list, in the same order (keys and next/previous must agree)', () => {
    expect([...WALL_SCENE_IDS]).toEqual(SCENE_LIST.map((s) => s.id));
  });
});
