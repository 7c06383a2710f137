/**
 * Which scene the wall shows: the current id, how many switches there have been, and when the latest one
 * was asked for (performance.now(), for the switch-time bench). Navigation follows SCENE_LIST order
 * (scene-nav.ts); the first scene is the overview. The initial scene comes from `?scene=<id>`.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { SCENE_LIST, SCENES } from '../../scenes';
import type { SceneSpec } from './spec';
import { initialScene, sceneAt, stepScene } from './scene-nav';
import type { SceneCommand } from './keyboard';
import { togglePanelInfo } from '../panels/info-mode';

export const useSceneStore = defineStore('scene', () => {
  const ids = SCENE_LIST.map((s) => s.id);
  const start = initialScene(typeof window === 'undefined' ? '' : window.location.search, ids);
  if (start.warning) console.warn(`[citywall] ${start.warning}`);

  const currentId = ref(start.id);
  /** Incremented by every switch that changes the scene; 0 for the scene the page opened on. */
  const switchCount = ref(0);
  const switchedAt = ref(0);
  const current = computed<SceneSpec>(() => SCENES[currentId.value] ?? (SCENE_LIST[0] as SceneSpec));

  /** Show scene `id`; false when there is no such scene. Asking for the scene already shown is no switch. */
  function goTo(id: string): boolean {
    if (!(id in SCENES)) return false;
    if (id === currentId.value) return true;
    currentId.value = id;
    switchedAt.value = typeof performance === 'undefined' ? 0 : performance.now();
    switchCount.value += 1;
    return true;
  }
  const next = () => goTo(stepScene(ids, currentId.value, 1));
  const prev = () => goTo(stepScene(ids, currentId.value, -1));
  const overview = () => goTo(ids[0] ?? currentId.value);
  const jump = (index: number) => {
    const id = sceneAt(ids, index);
    return id !== null && goTo(id);
  };

  function run(command: SceneCommand): void {
    switch (command.kind) {
      case 'next':
        next();
        break;
      case 'prev':
        prev();
        break;
      case 'jump':
        jump(command.index);
        break;
      case 'overview':
        overview();
        break;
      case 'toggleInfo':
        togglePanelInfo();
        break;
    }
  }

  return { ids, currentId, current, switchCount, switchedAt, goTo, next, prev, overview, jump, run };
});

export type SceneStore = ReturnType<typeof useSceneStore>;
