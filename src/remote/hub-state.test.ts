import { describe, expect, it } from 'vitest';
import { acceptState, looksLikeHubState } from './hub-state';
import { hubState } from '../presenter/hub-state.fixture';

describe('acceptState', () => {
  it('keeps the newest revision and drops older ones that arrive late', () => {
    const r5 = hubState({ rev: 5, sceneId: 'flood' });
    const r4 = hubState({ rev: 4, sceneId: 'parking' });
    expect(acceptState(null, r4)).toBe(r4);
    expect(acceptState(r4, r5)).toBe(r5);
    expect(acceptState(r5, r4)).toBe(r5);
    expect(acceptState(r5, hubState({ rev: 5 }))).toBe(r5);
  });

  it('takes any state from another hub (restart or failover counts from 0 again)', () => {
    const held = hubState({ rev: 90 });
    const fresh = hubState({ rev: 1, hubId: 'hub-b' });
    expect(acceptState(held, fresh)).toBe(fresh);
  });
});

describe('looksLikeHubState', () => {
  it('refuses half-formed states', () => {
    expect(looksLikeHubState(hubState())).toBe(true);
    expect(looksLikeHubState({ rev: 1 })).toBe(false);
    expect(looksLikeHubState(null)).toBe(false);
    expect(looksLikeHubState({ ...hubState(), alarms: 'x' })).toBe(false);
  });
});
