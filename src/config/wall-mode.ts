/**
 * What the wall runs on, for the title bar: demo or live (with the feed host), and a config error to
 * show. Plain and small; set once by src/data/boot.ts. A module-level ref, not Pinia: it is not data
 * state and never changes after start.
 */
import { shallowRef } from 'vue';

export interface WallMode {
  mode: 'demo' | 'live';
  /** Host of the live feed ("feed.example.cn:8443"); null in demo. */
  feedHost: string | null;
  /** Why the config file was not used (the wall then runs the demo); empty when fine. */
  configErrors: string[];
}

export const wallMode = shallowRef<WallMode>({ mode: 'demo', feedHost: null, configErrors: [] });

export function setWallMode(next: WallMode): void {
  wallMode.value = next;
}
