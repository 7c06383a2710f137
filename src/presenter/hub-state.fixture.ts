/** A HubState for unit tests: the hub's start state with what a test changes. */
import type { HubState } from './protocol';

export function hubState(over: Partial<HubState> = {}): HubState {
  return {
    rev: 1,
    hubId: 'hub-a',
    sceneId: 'overview',
    nextSceneId: 'command',
    tour: null,
    blackout: false,
    focus: null,
    briefing: false,
    controller: null,
    handover: null,
    alerts: { banner: null, pending: [], queued: [] },
    playback: null,
    walls: [],
    alarms: [],
    ...over,
  };
}
