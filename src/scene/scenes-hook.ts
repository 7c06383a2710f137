/**
 * The `scenes` hook (window.__citywall.scenes) for the end-to-end tests and the bench: the scene list,
 * the current scene, switching, and a way to await "scene X is complete" — its panels with data have
 * drawn, the crossfade is over and the map has landed on its viewpoint and drawn it.
 */
import { exposeHook } from '../wall-hooks';
import { panelInfoMode } from '../panels/info-mode';
import { SCENE_LIST } from '../../scenes';
import type { SceneStore } from './scene-store';

/** What a test needs to know of a scene to check the wall against it. */
export interface SceneSummary {
  id: string;
  title: string;
  layers: string[];
  points: string[];
  panels: string[];
}

export interface SceneCompletion {
  id: string;
  /** The store's switchCount of the switch that completed (0: the scene the page opened on). */
  seq: number;
  /** performance.now() of the first frame showing the complete scene. */
  at: number;
  /** From the switch being asked for (page start for seq 0) to that frame, ms. */
  ms: number;
}

export interface ScenesHook {
  readonly list: string[];
  readonly specs: SceneSummary[];
  /** Whether the panels show their source and as-of time (key I). */
  readonly panelInfo: boolean;
  readonly current: string;
  readonly switchCount: number;
  /** true under ?naiveSwitch=1 (the bench's baseline: the scene view and map remount per switch). */
  readonly naive: boolean;
  goTo(id: string): boolean;
  next(): string;
  prev(): string;
  overview(): string;
  /** The newest completion of any switch (may be an older switch than the current one). */
  readonly completed: SceneCompletion | null;
  /** Resolves once the current switch shows scene `id` (default: the current scene) complete. */
  whenComplete(id?: string): Promise<SceneCompletion>;
}

let store: SceneStore | null = null;
let completed: SceneCompletion | null = null;
let waiters: (() => boolean)[] = [];

export function installScenesHook(scenes: SceneStore, naive: boolean): ScenesHook {
  store = scenes;
  completed = null;
  waiters = [];
  const hook: ScenesHook = {
    get list() {
      return [...scenes.ids];
    },
    get specs() {
      return SCENE_LIST.map((s) => ({ id: s.id, title: s.title, layers: [...s.layers], points: s.points.map((p) => p.id), panels: s.panels.map((p) => p.id) }));
    },
    get panelInfo() {
      return panelInfoMode.value;
    },
    get current() {
      return scenes.currentId;
    },
    get switchCount() {
      return scenes.switchCount;
    },
    naive,
    goTo: (id) => scenes.goTo(id),
    next: () => (scenes.next(), scenes.currentId),
    prev: () => (scenes.prev(), scenes.currentId),
    overview: () => (scenes.overview(), scenes.currentId),
    get completed() {
      return completed ? { ...completed } : null;
    },
    whenComplete(id) {
      const target = id ?? scenes.currentId;
      return new Promise((resolve) => {
        const check = () => {
          const c = completed;
          if (!c || c.id !== target || c.seq !== scenes.switchCount) return false;
          resolve({ ...c });
          return true;
        };
        if (!check()) waiters.push(check);
      });
    },
  };
  exposeHook('scenes', hook);
  return hook;
}

/** SceneView: switch `seq` to scene `id` shows complete in the frame at `at`. Stale switches are ignored. */
export function markSceneComplete(id: string, seq: number, at: number): void {
  if (!store || seq !== store.switchCount || id !== store.currentId) return;
  const since = seq === 0 ? 0 : store.switchedAt;
  completed = { id, seq, at, ms: at - since };
  waiters = waiters.filter((check) => !check());
}
