/**
 * Every scene the wall knows, in briefing order (number keys and ←/→ follow this order). Tours (ordered
 * lists for demo and briefing) pick from here by id.
 *
 * Agreed order and ids: overview, command, industry, public-service, monitoring, evaluation, decision,
 * guidance, flood, parking, skyeye, emergency. Each lives in its own file and is added here in that order.
 */
import type { SceneSpec } from '../src/scene/spec';
import { command } from './command';
import { decision } from './decision';
import { emergency } from './emergency';
import { evaluation } from './evaluation';
import { flood } from './flood';
import { guidance } from './guidance';
import { industry } from './industry';
import { monitoring } from './monitoring';
import { overview } from './overview';
import { parking } from './parking';
import { publicService } from './public-service';
import { skyeye } from './skyeye';

export const SCENE_LIST: readonly SceneSpec[] = [
  overview,
  command,
  industry,
  publicService,
  monitoring,
  evaluation,
  decision,
  guidance,
  flood,
  parking,
  skyeye,
  emergency,
];

export const SCENES: Readonly<Record<string, SceneSpec>> = Object.fromEntries(SCENE_LIST.map((s) => [s.id, s]));
export const DEFAULT_SCENE_ID = overview.id;
export { overview };
