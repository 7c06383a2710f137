/** Every scene the wall knows, by id. Tours (ordered lists for demo and briefing) pick from here. */
import type { SceneSpec } from '../src/scene/spec';
import { overview } from './overview';

export const SCENES: Readonly<Record<string, SceneSpec>> = { [overview.id]: overview };
export const DEFAULT_SCENE_ID = overview.id;
export { overview };
