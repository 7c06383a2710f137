/**
 * What the presenter side has put on this wall, as plain module-level refs the overlays (App.vue) render
 * and the hub link, the kiosk's shared clock and the local keys write: the black curtain, the alert
 * banner, the pairing card and the link to the hub. Not Pinia: it is screen state of this one page, set
 * by actions, never data.
 */
import { computed, ref, shallowRef } from 'vue';
import type { HubState, PairingInfo } from './protocol';

/** An alert as the banner shows it (WallAction `banner`); its texts are untrusted, rendered as text. */
export interface BannerAlert {
  id: string;
  severity: string;
  title: string;
  detail: string;
}

/** The whole wall black (clicker B / '.', the remote's blackout). */
export const blackout = ref(false);

/** The critical alert the banner shows, or null. */
export const banner = shallowRef<BannerAlert | null>(null);

/**
 * The link to the presenter hub: 'none' (standalone wall, or not decided yet), 'connecting' (first
 * attempt), 'online', 'offline' (lost, or never reached: the wall keeps its scene and says so).
 */
export type HubLinkStatus = 'none' | 'connecting' | 'online' | 'offline';
export const hubLinkStatus = ref<HubLinkStatus>('none');

/** The newest HubState received (older revisions are dropped by the hub link). */
export const hubState = shallowRef<HubState | null>(null);

/** What the pairing card shows: the code and the remote page's URL for the QR code. */
export const pairing = shallowRef<PairingInfo | null>(null);

/** Key P: null follows the rule below; true / false is the operator's choice until control changes hands. */
export const pairingOverride = ref<boolean | null>(null);

/**
 * The pairing card shows while the hub is reachable, has a code, and nobody holds control (a presenter
 * who holds it has paired already; a second one asks for a handover from their own phone) and no
 * briefing is on; key P overrides either way.
 */
export const pairingCardShown = computed(() => {
  if (hubLinkStatus.value !== 'online' || pairing.value === null) return false;
  if (pairingOverride.value !== null) return pairingOverride.value;
  const s = hubState.value;
  return s === null || (s.controller === null && !s.briefing);
});

export function togglePairingCard(): void {
  pairingOverride.value = !pairingCardShown.value;
}

/** Back to the start (unit tests; a page never needs it). */
export function resetWallState(): void {
  blackout.value = false;
  banner.value = null;
  hubLinkStatus.value = 'none';
  hubState.value = null;
  pairing.value = null;
  pairingOverride.value = null;
}
