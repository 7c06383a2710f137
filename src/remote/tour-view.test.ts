import { describe, expect, it } from 'vitest';
import { TOURS } from '../../scenes/tours';
import type { Tour } from '../tour/schema';
import { REMOTE_SCENES } from './scenes';
import { currentStepView, describeCamera, describeHighlight, nextStepIndex, rehearsalStart, stepRemainingMs, stepView } from './tour-view';

const briefing = TOURS.briefing!;
const looping: Tour = { id: 'loop', title: '循环', loop: true, steps: [{ scene: 'overview', holdSeconds: 10, notes: 'a' }, { scene: 'flood', holdSeconds: 20, notes: 'b' }] };
const status = (over: object = {}) => ({ tourId: briefing.id, title: briefing.title, index: 0, count: briefing.steps.length, playing: true, stepEndsAt: 100_000, remainingMs: null, ...over });

describe('tour steps on the remote', () => {
  it('shows the step on the wall with its notes, and the next one for rehearsal', () => {
    const now = currentStepView(status(), [briefing], REMOTE_SCENES)!;
    expect(now.notes).toBe(briefing.steps[0]!.notes);
    expect(now.title).toBe(briefing.steps[0]!.title);
    expect(now.sceneTitle).toBe(REMOTE_SCENES.find((s) => s.id === briefing.steps[0]!.scene)!.title);
    expect(rehearsalStart(status(), null, [briefing])).toEqual({ tour: briefing, index: 1 });
    expect(currentStepView(null, [briefing], REMOTE_SCENES)).toBeNull();
  });

  it('rehearses the chosen tour from its first step when none runs, and stays on the last step of a briefing', () => {
    expect(rehearsalStart(null, looping, [briefing, looping])).toEqual({ tour: looping, index: 0 });
    expect(rehearsalStart(null, null, [briefing])).toBeNull();
    const last = briefing.steps.length - 1;
    expect(rehearsalStart(status({ index: last }), null, [briefing])).toEqual({ tour: briefing, index: last });
    expect(nextStepIndex(looping, 1)).toBe(0);
    expect(nextStepIndex(briefing, last)).toBeNull();
  });

  it('summarises camera flights and highlights in words', () => {
    expect(describeCamera(undefined)).toBe('场景默认视角');
    expect(describeCamera({ kind: 'fit-units', pitch: -55, heading: 0 })).toContain('全市视角');
    expect(describeCamera({ kind: 'look-at', lon: 111.2856, lat: 30.7108, range: 16_000, pitch: -50, heading: 0 })).toBe('看向 111.286, 30.711 · 距离 16.0 km · 俯仰 -50°');
    const overview = REMOTE_SCENES.find((s) => s.id === 'overview');
    expect(describeHighlight({ scene: 'overview', holdSeconds: 1, notes: '', highlight: { panelId: 'units', unitId: 'xiling' } }, overview)).toBe('突出显示 面板「各地今日案件」、地区「西陵区」');
    expect(describeHighlight({ scene: 'overview', holdSeconds: 1, notes: '' }, overview)).toBeNull();
    const withCamera = briefing.steps.findIndex((s) => s.camera);
    expect(stepView(briefing, withCamera, REMOTE_SCENES)!.camera).toMatch(/^看向|^全市视角/);
  });

  it('counts down to the step end on the hub clock, and holds while paused', () => {
    expect(stepRemainingMs(status({ stepEndsAt: 100_000 }), 40_000)).toBe(60_000);
    expect(stepRemainingMs(status({ stepEndsAt: 100_000 }), 140_000)).toBe(0);
    expect(stepRemainingMs(status({ playing: false, stepEndsAt: null, remainingMs: 12_000 }), 999_999)).toBe(12_000);
    expect(stepRemainingMs(null, 0)).toBeNull();
  });
});
