/**
 * The scenes as the remote lists them: id, title, dwell, panel titles (for highlight summaries) and the
 * thumbnail shipped in public/thumbnails/ (tools/thumbnails.ts). Read from scenes/index.ts, so the remote
 * lists exactly the wall's scenes in the wall's order.
 */
import { SCENE_LIST } from '../../scenes';
import type { SceneInfo } from './tour-view';

export interface RemoteScene extends SceneInfo {
  dwellSeconds: number;
  /** 1-based position (the wall's number key). */
  number: number;
}

export const REMOTE_SCENES: readonly RemoteScene[] = SCENE_LIST.map((s, i) => ({
  id: s.id,
  title: s.title,
  dwellSeconds: s.dwellSeconds,
  number: i + 1,
  panels: s.panels.map((p) => ({ id: p.id, title: p.title })),
}));

/** Thumbnail files are named by scene id; the test next to this file checks every scene has one. */
export const THUMBNAIL_EXT = 'webp';

export function thumbnailUrl(sceneId: string, base = import.meta.env?.BASE_URL ?? '/'): string {
  return `${base}thumbnails/${encodeURIComponent(sceneId)}.${THUMBNAIL_EXT}`;
}

export function sceneTitle(id: string | null | undefined): string {
  if (!id) return '—';
  return REMOTE_SCENES.find((s) => s.id === id)?.title ?? id;
}
