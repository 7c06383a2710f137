/**
 * What the remote says about tour steps: the step showing now (with its presenter notes), the step after
 * it (rehearsal previews it without telling the hub), and a one-line summary of a step's camera flight and
 * highlight. Pure over the tour and scene data, so the remote's words are tested without a page.
 */
import type { Tour, TourStep } from '../tour/schema';
import type { TourStatus } from '../presenter/protocol';
import type { CameraSpec } from '../scene/spec';
import { UNITS } from '../../data-adapters/domain';

/** What the remote needs of a scene (scenes/index.ts SceneSpec). */
export interface SceneInfo {
  id: string;
  title: string;
  panels: readonly { id: string; title: string }[];
}

export interface StepView {
  tourId: string;
  /** 0-based position in the tour. */
  index: number;
  count: number;
  title: string;
  sceneId: string;
  sceneTitle: string;
  holdSeconds: number;
  camera: string;
  highlight: string | null;
  notes: string;
}

export function findTour(tours: readonly Tour[], tourId: string | null | undefined): Tour | null {
  return tours.find((t) => t.id === tourId) ?? null;
}

export function describeCamera(camera: CameraSpec | undefined): string {
  if (!camera) return '场景默认视角';
  if (camera.kind === 'fit-units') return `全市视角 · 俯仰 ${camera.pitch}° · 朝向 ${camera.heading}°`;
  const range = camera.range >= 1000 ? `${(camera.range / 1000).toFixed(1)} km` : `${Math.round(camera.range)} m`;
  return `看向 ${camera.lon.toFixed(3)}, ${camera.lat.toFixed(3)} · 距离 ${range} · 俯仰 ${camera.pitch}°`;
}

export function describeHighlight(step: TourStep, scene: SceneInfo | undefined): string | null {
  const h = step.highlight;
  if (!h || (!h.panelId && !h.unitId)) return null;
  const parts: string[] = [];
  if (h.panelId) parts.push(`面板「${scene?.panels.find((p) => p.id === h.panelId)?.title ?? h.panelId}」`);
  if (h.unitId) parts.push(`地区「${UNITS.find((u) => u.id === h.unitId)?.name ?? h.unitId}」`);
  return `突出显示 ${parts.join('、')}`;
}

export function stepView(tour: Tour, index: number, scenes: readonly SceneInfo[]): StepView | null {
  const step = tour.steps[index];
  if (!step) return null;
  const scene = scenes.find((s) => s.id === step.scene);
  return {
    tourId: tour.id,
    index,
    count: tour.steps.length,
    title: step.title ?? scene?.title ?? step.scene,
    sceneId: step.scene,
    sceneTitle: scene?.title ?? step.scene,
    holdSeconds: step.holdSeconds,
    camera: describeCamera(step.camera),
    highlight: describeHighlight(step, scene),
    notes: step.notes,
  };
}

/** The step after `index`: the first again for a looping tour, none after the last of a briefing. */
export function nextStepIndex(tour: Tour, index: number): number | null {
  if (index + 1 < tour.steps.length) return index + 1;
  return tour.loop && tour.steps.length > 1 ? 0 : null;
}

/** The step the hub's tour shows now. */
export function currentStepView(status: TourStatus | null, tours: readonly Tour[], scenes: readonly SceneInfo[]): StepView | null {
  const tour = findTour(tours, status?.tourId);
  return tour && status ? stepView(tour, status.index, scenes) : null;
}

/**
 * Where rehearsal starts: the step after the one showing when a tour runs, else the first step of the
 * chosen tour. Rehearsal then moves on its own cursor, never the hub's.
 */
export function rehearsalStart(status: TourStatus | null, chosen: Tour | null, tours: readonly Tour[]): { tour: Tour; index: number } | null {
  const running = findTour(tours, status?.tourId);
  if (running && status) {
    const next = nextStepIndex(running, status.index);
    return next === null ? { tour: running, index: status.index } : { tour: running, index: next };
  }
  return chosen ? { tour: chosen, index: 0 } : null;
}

/** Milliseconds left of the step showing: counted down to stepEndsAt on the hub's clock, or held while paused. */
export function stepRemainingMs(status: TourStatus | null, masterNow: number): number | null {
  if (!status) return null;
  if (status.playing && status.stepEndsAt !== null) return Math.max(0, status.stepEndsAt - masterNow);
  return status.remainingMs;
}
