import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { SCENE_LIST } from '../../scenes';
import { panelInfoMode } from '../panels/info-mode';
import { useSceneStore } from './scene-store';

const ids = SCENE_LIST.map((s) => s.id);

describe('scene store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.unstubAllGlobals();
  });

  it('starts on the overview, and steps through SCENE_LIST in order, wrapping, counting switches', () => {
    const s = useSceneStore();
    expect(s.currentId).toBe(ids[0]);
    expect(s.current).toBe(SCENE_LIST[0]);
    const seen: string[] = [];
    for (let i = 0; i < ids.length; i += 1) {
      s.next();
      seen.push(s.currentId);
    }
    expect(seen).toEqual([...ids.slice(1), ids[0]]);
    expect(s.switchCount).toBe(ids.length > 1 ? ids.length : 0);
    s.prev();
    expect(s.currentId).toBe(ids[ids.length - 1]);
  });

  it('jumps by position, ignores positions past the end and unknown ids, and Esc goes to the overview', () => {
    const s = useSceneStore();
    const last = ids.length - 1;
    s.run({ kind: 'jump', index: last });
    expect(s.currentId).toBe(ids[last]);
    const count = s.switchCount;
    s.run({ kind: 'jump', index: ids.length });
    expect(s.goTo('no-such-scene')).toBe(false);
    expect(s.switchCount).toBe(count);
    s.run({ kind: 'overview' });
    expect(s.currentId).toBe(ids[0]);
  });

  it('asking for the scene on show is no switch; I toggles the panel info', () => {
    const s = useSceneStore();
    expect(s.goTo(ids[0]!)).toBe(true);
    expect(s.switchCount).toBe(0);
    const before = panelInfoMode.value;
    s.run({ kind: 'toggleInfo' });
    expect(panelInfoMode.value).toBe(!before);
    s.run({ kind: 'toggleInfo' });
    expect(panelInfoMode.value).toBe(before);
  });

  it('takes the initial scene from ?scene=, warning on an unknown one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('window', { location: { search: `?scene=${ids[ids.length - 1]}` } });
    expect(useSceneStore().currentId).toBe(ids[ids.length - 1]);
    setActivePinia(createPinia());
    vi.stubGlobal('window', { location: { search: '?scene=nope' } });
    expect(useSceneStore().currentId).toBe(ids[0]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"nope"'));
    warn.mockRestore();
  });
});
