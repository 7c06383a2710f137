import { describe, expect, it } from 'vitest';
import { DEMO_TOUR_ID, TOURS } from '../../scenes/tours';
import { chooseLocalTour } from './local-tour';

const DEMO_WALL = { demo: true, hub: false, tile: false };

describe('chooseLocalTour', () => {
  it('plays only when asked: ?tour=demo, a tour id, or the config', () => {
    expect(chooseLocalTour('', 'off', DEMO_WALL).tour).toBeNull();
    expect(chooseLocalTour('?tour=demo', 'off', DEMO_WALL).tour?.id).toBe(DEMO_TOUR_ID);
    expect(chooseLocalTour('?tour=briefing', 'off', DEMO_WALL).tour?.id).toBe('briefing');
    expect(chooseLocalTour('', 'demo', DEMO_WALL).tour).toBe(TOURS[DEMO_TOUR_ID]);
  });

  it('never with ?tour=off, ?scene=, a hub, tile mode or live data', () => {
    expect(chooseLocalTour('?tour=off', 'demo', DEMO_WALL)).toMatchObject({ tour: null, reason: 'no local tour asked for' });
    expect(chooseLocalTour('?scene=flood', 'demo', DEMO_WALL).reason).toMatch(/scene/);
    expect(chooseLocalTour('?tour=demo', 'off', { ...DEMO_WALL, hub: true }).reason).toMatch(/hub/);
    expect(chooseLocalTour('?tour=demo', 'off', { ...DEMO_WALL, tile: true }).reason).toMatch(/tile/);
    expect(chooseLocalTour('?tour=demo', 'off', { ...DEMO_WALL, demo: false }).reason).toMatch(/demo only/);
  });

  it('names the tours it knows when asked for one it does not', () => {
    const c = chooseLocalTour('?tour=%3Cnope%3E', 'off', DEMO_WALL);
    expect(c.tour).toBeNull();
    expect(c.reason).toContain('"<nope>"');
    expect(c.reason).toContain('demo');
  });
});
