/**
 * The scene ids in briefing order, as scenes/index.ts SCENE_LIST has them. The main process cannot bundle
 * the scene specs themselves (they pull in the panel registry and its Vue components), so it keeps this
 * copy of the ids; electron/wall-scenes.test.ts fails when the two lists differ.
 */
export const WALL_SCENE_IDS: readonly string[] = [
  'overview',
  'command',
  'industry',
  'public-service',
  'monitoring',
  'evaluation',
  'decision',
  'guidance',
  'flood',
  'parking',
  'skyeye',
  'emergency',
];
