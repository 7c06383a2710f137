/**
 * Whether every panel shows its data's source system and as-of time. Off on an unattended wall; the
 * presenter (key `I`, or later the remote) turns it on to answer "where does this figure come from?".
 * A panel also shows it on its own while hovered.
 */
import { ref } from 'vue';

export const panelInfoMode = ref(false);

export function togglePanelInfo(on?: boolean): boolean {
  panelInfoMode.value = on ?? !panelInfoMode.value;
  return panelInfoMode.value;
}
