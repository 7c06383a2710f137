/**
 * A scene's point layers on the map (spec `points`: car parks, waterlogging points, sensors, an incident
 * and its resources), as deck.gl ScatterplotLayers over the same ENU frame as the case pings.
 *
 * - dot: a steady filled dot; ring: a hollow marker (resources); pulse: a dot with a ring that swells and
 *   fades every PULSE_MS of the data clock (alarms). The ring is the only thing that moves: it is its own
 *   layer, redrawn on clock ticks only while some pulse layer has points (deck-overlay.ts gates redraws).
 * - tone → colour (TONE_COLORS); `size` (0.5–3) scales the marker.
 * - labels are untrusted text and are not drawn on the map (the panels list names as text).
 *
 * Layer ids are stable per scene layer id; `data` is the cleaned points array cached per payload object,
 * so a re-render with the same payload rebuilds no attribute.
 */
import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { MapPointsData, Tone } from '../panels/types';
import type { EnuFrame, Vec3 } from './geo-math';

export type PointStyle = 'dot' | 'pulse' | 'ring';

/** One of a scene's point layers with its data as the binding gives it now (null before data). */
export interface PointLayerInput {
  id: string;
  style: PointStyle;
  data: MapPointsData | null;
}

export type MapPoint = MapPointsData['points'][number];

/** Tones on the navy map: cyan for normal (the wall's accent), green, amber and red. */
export const TONE_COLORS: Readonly<Record<Tone, [number, number, number]>> = {
  normal: [56, 189, 248],
  good: [52, 211, 153],
  warn: [251, 191, 36],
  alert: [255, 77, 79],
};

/** One swell of a pulse ring, in data-clock ms (the same clock every wall window shares). */
export const PULSE_MS = 2000;
const DOT_PX = 7;
const RING_PX = 11;

/** 0..1 position within the pulse cycle at data time `now` (negative times wrap too). */
export function pulsePhase(now: number): number {
  if (!Number.isFinite(now)) return 0;
  return (((now % PULSE_MS) + PULSE_MS) % PULSE_MS) / PULSE_MS;
}

/** The pulse ring's radius as a multiple of its dot's, at phase 0..1: from the dot's edge out to 3.5×. */
export function pulseScale(phase: number): number {
  const t = Math.min(1, Math.max(0, phase));
  return 1 + 2.5 * (1 - (1 - t) * (1 - t));
}

/** The pulse ring's opacity 0..255 at phase 0..1: bright as it leaves the dot, gone at full size. */
export function pulseAlpha(phase: number): number {
  const t = Math.min(1, Math.max(0, phase));
  return Math.round(230 * (1 - t));
}

/** `size` clamped to its documented 0.5–3 range (missing or not a number: 1). */
export function markerScale(size: number | undefined): number {
  return typeof size === 'number' && Number.isFinite(size) ? Math.min(3, Math.max(0.5, size)) : 1;
}

const cleaned = new WeakMap<MapPointsData, MapPoint[]>();
/** The drawable points of a payload (finite coordinates on the globe), computed once per payload object. */
export function drawablePoints(data: MapPointsData | null): MapPoint[] {
  if (!data) return [];
  let points = cleaned.get(data);
  if (!points) {
    points = data.points.filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat) && Math.abs(p.lon) <= 180 && Math.abs(p.lat) <= 90);
    cleaned.set(data, points);
  }
  return points;
}

/** Whether any pulse layer has a point to pulse: only then do clock ticks redraw deck.gl for points. */
export function anyPulse(inputs: readonly PointLayerInput[]): boolean {
  return inputs.some((l) => l.style === 'pulse' && drawablePoints(l.data).length > 0);
}

/** Same layers, styles and payload objects: nothing to redraw. */
export function samePointInputs(a: readonly PointLayerInput[], b: readonly PointLayerInput[]): boolean {
  return a.length === b.length && a.every((l, i) => l.id === b[i]!.id && l.style === b[i]!.style && l.data === b[i]!.data);
}

/** Positions cached per point object: a clock tick must not redo the geodesy. */
export function pointPositions(frame: EnuFrame): (p: MapPoint) => Vec3 {
  const cache = new WeakMap<MapPoint, Vec3>();
  return (p) => {
    let v = cache.get(p);
    if (!v) {
      v = frame.fromLonLat(p.lon, p.lat, 0);
      cache.set(p, v);
    }
    return v;
  };
}

/** The deck.gl layers for a scene's point layers at data time `now` (only the pulse rings depend on it). */
export function buildPointLayers(inputs: readonly PointLayerInput[], now: number, getPosition: (p: MapPoint) => Vec3): Layer[] {
  const phase = pulsePhase(now);
  const out: Layer[] = [];
  for (const input of inputs) {
    const data = drawablePoints(input.data);
    const common = {
      data,
      coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
      getPosition,
      // Billboarded pixel-sized markers drawn in order over the map, no depth test (like the pings).
      billboard: true,
      radiusUnits: 'pixels' as const,
      lineWidthUnits: 'pixels' as const,
      parameters: { depthCompare: 'always' as const, depthWriteEnabled: false },
      pickable: false,
    };
    const color = (p: MapPoint, a = 255): [number, number, number, number] => [...(TONE_COLORS[p.tone] ?? TONE_COLORS.normal), a];
    if (input.style === 'pulse') {
      out.push(
        new ScatterplotLayer<MapPoint>({
          ...common,
          id: `points-${input.id}-pulse`,
          visible: data.length > 0,
          filled: false,
          stroked: true,
          getLineWidth: 3,
          getRadius: (p) => DOT_PX * markerScale(p.size) * pulseScale(phase),
          getLineColor: (p) => color(p, pulseAlpha(phase)),
          updateTriggers: { getRadius: phase, getLineColor: phase },
        }),
      );
    }
    if (input.style === 'ring') {
      out.push(
        new ScatterplotLayer<MapPoint>({
          ...common,
          id: `points-${input.id}`,
          visible: data.length > 0,
          filled: true,
          stroked: true,
          getLineWidth: 3,
          getRadius: (p) => RING_PX * markerScale(p.size),
          getFillColor: (p) => color(p, 40),
          getLineColor: (p) => color(p),
        }),
      );
    } else {
      out.push(
        new ScatterplotLayer<MapPoint>({
          ...common,
          id: `points-${input.id}`,
          visible: data.length > 0,
          filled: true,
          stroked: true,
          getLineWidth: 1.5,
          getRadius: (p) => DOT_PX * markerScale(p.size),
          getFillColor: (p) => color(p),
          getLineColor: [255, 255, 255, 200],
        }),
      );
    }
  }
  return out;
}
