/**
 * The map harness page (map-harness.html): WallMap alone, full window, fed with deterministic sample
 * data — for the map's e2e test, the bench and eyeballing the look. Not part of the wall app.
 *
 * Query: `?clock=frozen` holds the data clock at a fixed instant where every sample ping is mid-ring
 * (pixel tests); otherwise new pings keep arriving on a live clock. `?facilities=1` loads the facilities
 * and starts on a close view of 西陵/伍家岗 where they are drawn (tests/e2e/map-facilities.e2e.ts); `?view=close`
 * starts on that view without them. The base map (roads, white-box buildings: base-tiles.ts) is on in
 * every view and draws only when the camera is close (tests/e2e/basemap.e2e.ts).
 */
import '@fontsource/noto-sans-sc/500.css';
import '@fontsource/noto-sans-sc/700.css';
import { createApp, defineComponent, h, shallowRef } from 'vue';
import { CHANNEL_IDS, UNITS, type UnitId } from '../../data-adapters/domain';
import { exposeHook } from '../wall-hooks';
import type { MapPing } from './deck-overlay';
import { CHANNEL_COLORS } from './map-style';
import { HOME_VIEW, type MapView } from './view';
import WallMap from './WallMap.vue';

const T0 = Date.UTC(2024, 5, 18, 2, 0, 0);
const query = new URLSearchParams(location.search);
const frozen = query.get('clock') === 'frozen';
const facilities = query.get('facilities') === '1';

/** Close over 西陵/伍家岗: inside the facilities' range (FACILITY_MAX_RANGE_M). */
export const FACILITY_VIEW: MapView = { kind: 'look-at', lon: 111.32, lat: 30.69, range: 6000, pitch: -50, heading: 0 };
/** `?view=close`: the facility view without the facilities (the base map's roads and buildings alone). */
const view: MapView = facilities || query.get('view') === 'close' ? FACILITY_VIEW : HOME_VIEW;

/** Places near each unit's label point, plus the city centre: where the sample cases appear. */
export const SAMPLE_PLACES: [number, number][] = [
  [111.29, 30.7], [111.2856, 30.7108], [111.361, 30.6443], [111.2681, 30.6932], [111.4346, 30.5309],
  [111.3264, 30.77], [111.6405, 31.0609], [110.7468, 31.3482], [110.9777, 30.8259], [111.2072, 30.4728],
  [111.0737, 30.1567], [111.4501, 30.3783], [111.7883, 30.8213], [111.7605, 30.4259], [111.345, 30.705],
];

const density: Partial<Record<UnitId, number>> = Object.fromEntries(
  UNITS.map((u, i) => [u.id, [420, 380, 150, 120, 260, 140, 180, 210, 60, 40, 70, 55, 35, 300][i] ?? 0]),
);

function samplePings(now: number): MapPing[] {
  // One ping per place, ages spread over the ring animation (all visible at a frozen instant).
  return SAMPLE_PLACES.map(([lon, lat], i) => ({
    id: `sample-${i}`,
    // Just south-east of each label point, so the dot does not sit on the name.
    lon: lon + 0.03,
    lat: lat - 0.03,
    at: now - 600 - (i % 4) * 300,
    channel: CHANNEL_IDS[i % CHANNEL_IDS.length]!,
  }));
}

const Harness = defineComponent({
  setup() {
    const now = shallowRef(T0);
    const pings = shallowRef<MapPing[]>(samplePings(T0));
    exposeHook('harness', { frozen, facilities, view, get pings() { return pings.value; }, density, channelColors: CHANNEL_COLORS });
    if (!frozen) {
      const start = performance.now();
      let next = 0;
      const tick = () => {
        now.value = T0 + (performance.now() - start);
        if (now.value >= T0 + next) {
          const i = Math.floor(next / 700);
          const [lon, lat] = SAMPLE_PLACES[i % SAMPLE_PLACES.length]!;
          const jitter = ((i * 7919) % 100) / 100 - 0.5;
          pings.value = [
            ...pings.value.slice(-200),
            { id: `live-${i}`, lon: lon + jitter * 0.05, lat: lat + jitter * 0.03, at: now.value, channel: CHANNEL_IDS[i % CHANNEL_IDS.length]! },
          ];
          next += 700;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }
    return () => h(WallMap, { density, pings: pings.value, now: now.value, view, facilities, onReady: () => console.info('map ready') });
  },
});

createApp(Harness).mount('#app');
