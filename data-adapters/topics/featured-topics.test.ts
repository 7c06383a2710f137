/** The featured-topic schemas take what the generator makes and refuse what a broken feed might send. */
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../schemas';
import { DEMO_SEED, DEMO_START_TIME } from '../../tools/demo-generator/config';
import { buildEmergency } from '../../tools/demo-generator/emergency';
import { buildFlood } from '../../tools/demo-generator/flood';
import { buildParking } from '../../tools/demo-generator/parking';
import { buildSkyeye } from '../../tools/demo-generator/skyeye';

const times = [DEMO_START_TIME, DEMO_START_TIME + 60_000];
const flood = buildFlood(DEMO_SEED, DEMO_START_TIME, times)[1]!;
const parking = buildParking(DEMO_SEED, times, [8600, 8580])[1]!;
const skyeye = buildSkyeye(DEMO_SEED, times, [627, 631])[1]!;
const emergency = buildEmergency(DEMO_SEED, DEMO_START_TIME, times)[1]!;

/** A deep copy with one change. */
function edit<T>(value: T, change: (copy: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

function reason(topic: string, payload: unknown): string | null {
  const r = validateMessage(topic, payload, DEMO_START_TIME);
  return r.ok ? null : r.reason;
}

describe('featured-topic schemas', () => {
  it('accept the generated payloads under their topic names', () => {
    expect(reason('flood.status', flood)).toBeNull();
    expect(reason('parking.status', parking)).toBeNull();
    expect(reason('skyeye.status', skyeye)).toBeNull();
    expect(reason('emergency.status', emergency)).toBeNull();
  });

  it('refuse bad flood payloads', () => {
    expect(reason('flood.status', edit(flood, (p) => (p.waterlogging[0]!.depthCm = -3)))).toMatch(/waterlogging\.0\.depthCm/);
    expect(reason('flood.status', edit(flood, (p) => (p.pumps[0]!.state = 'exploded' as never)))).toMatch(/pumps\.0\.state/);
    expect(reason('flood.status', edit(flood, (p) => (p.river.readings = [])))).toMatch(/readings/);
    expect(reason('flood.status', edit(flood, (p) => (p.rain.gauges[0]!.lon = 500)))).toMatch(/lon/);
    expect(reason('flood.status', edit(flood, (p) => ((p as { asOf: unknown }).asOf = '09:30')))).toMatch(/asOf/);
    expect(reason('flood.status', edit(flood, (p) => (p.pumps[0]!.id = '<img src=x onerror=alert(1)>')))).toMatch(/pumps\.0\.id/);
  });

  it('refuse bad parking payloads', () => {
    expect(reason('parking.status', edit(parking, (p) => (p.carParks[3]!.occupied = p.carParks[3]!.berths + 1)))).toMatch(/carParks\.3\.occupied/);
    expect(reason('parking.status', edit(parking, (p) => (p.carParks = Array.from({ length: 401 }, () => p.carParks[0]!))))).toMatch(/carParks/);
    expect(reason('parking.status', edit(parking, (p) => p.hourly.dayBeforePct.pop()))).toMatch(/dayBeforePct/);
    expect(reason('parking.status', edit(parking, (p) => (p.carParks[0]!.name = 'x'.repeat(31))))).toMatch(/name/);
    expect(reason('parking.status', edit(parking, (p) => (p.carParks[0]!.unitId = 'wuhan' as never)))).toMatch(/unitId/);
  });

  it('refuse bad skyeye payloads', () => {
    expect(reason('skyeye.status', edit(skyeye, (p) => (p.today.confirmed = p.today.detected + 1)))).toMatch(/today/);
    expect(reason('skyeye.status', edit(skyeye, (p) => (p.cameras.online = p.cameras.total + 1)))).toMatch(/cameras/);
    expect(reason('skyeye.status', edit(skyeye, (p) => (p.recent[0]!.confidence = 1.5)))).toMatch(/confidence/);
    expect(reason('skyeye.status', edit(skyeye, (p) => (p.recent[0]!.type = 'ufo' as never)))).toMatch(/type/);
    expect(reason('skyeye.status', edit(skyeye, (p) => (p.recent = Array.from({ length: 201 }, () => p.recent[0]!))))).toMatch(/recent/);
  });

  it('refuse bad emergency payloads', () => {
    expect(reason('emergency.status', edit(emergency, (p) => (p.responders[0]!.state = 'lost' as never)))).toMatch(/state/);
    expect(reason('emergency.status', edit(emergency, (p) => (p.timeline = [])))).toMatch(/timeline/);
    expect(reason('emergency.status', edit(emergency, (p) => (p.incident.title = '')))).toMatch(/title/);
    expect(reason('emergency.status', edit(emergency, (p) => (p.responders[0]!.people = 2.5)))).toMatch(/people/);
    expect(reason('emergency.status', edit(emergency, (p) => delete (p as { readings?: unknown }).readings))).toMatch(/readings/);
  });
});
