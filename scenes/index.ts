/**
 * Every scene the wall knows, in briefing order (number keys and ←/→ follow this order). Tours (ordered
 * lists for demo and briefing) pick from here by id.
 *
 * Agreed order and ids: overview, command, industry, public-service, monitoring, evaluation, decision,
 * guidance, flood, parking, skyeye, emergency. Each lives in its own file and is added here in that order.
 */
import type { SceneSpec } from '../src/scene/spec';
import { overview } from './overview';

export const SCENE_LIST: readonly SceneSpec[] = [
  overview,
];

export const SCENES: Readonly<Record<string, SceneSpec>> = Object.fromEntries(SCENE_LIST.map((s) => [s.id, s]));
export const DEFAULT_SCENE_ID = overview.id;
export { overview };
