/**
 * Which HubState the remote holds. States come on connect and after every change, and may overtake each
 * other (a reconnect's snapshot, two hubs behind one Redis): the newest rev wins. A state from another hub
 * (hubId changed: the hub restarted or failed over, its rev counts from 0 again) replaces the held one.
 */
import type { HubState } from '../presenter/protocol';

/** A minimal shape check: the hub is our own server, but a half-formed state must not break the page. */
export function looksLikeHubState(value: unknown): value is HubState {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.rev === 'number' &&
    typeof v.hubId === 'string' &&
    typeof v.sceneId === 'string' &&
    typeof v.nextSceneId === 'string' &&
    typeof v.blackout === 'boolean' &&
    Array.isArray(v.alarms) &&
    !!v.alerts &&
    typeof v.alerts === 'object'
  );
}

/** The state to hold after `incoming` arrives. */
export function acceptState(held: HubState | null, incoming: HubState): HubState {
  if (!held) return incoming;
  if (incoming.hubId !== held.hubId) return incoming;
  return incoming.rev > held.rev ? incoming : held;
}
