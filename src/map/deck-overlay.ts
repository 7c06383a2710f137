/**
 * The deck.gl half of the wall map, drawing into its own transparent canvas stacked over Cesium's. One
 * `Deck` for the life of the page (STYLE lesson 6: a Deck leaks when recreated), unless its WebGL context
 * is lost: `replaceDeck` then finalizes it and builds another on a new canvas from what the overlay holds.
 * It never owns the camera (`controller: false`, view state pushed by camera-sync.ts) and takes no pointer events.
 *
 * Layers have stable ids and stable `data` (the pings array the caller hands in, unchanged until it
 * changes); the animation clock only flows through `updateTriggers`, so a clock tick recomputes colours
 * and radii, never positions. Redraws are gated on what moves: the ring layer is drawn (`visible`) only
 * while a ring expands, and the slow dot fade alone redraws at most once per DOT_FADE_INTERVAL_MS.
 *
 * Facilities (facility-layers.ts) sit under the pings with their own stable binary `data`; a status
 * change is a partial colour upload plus one redraw, and they are `visible` only when the camera is close.
 *
 * A scene's point layers (point-layers.ts) sit over the pings. They redraw when the scene or a payload
 * changes; a clock tick redraws them only while a pulse layer has points. Hidden pings (a scene without
 * 'case-pings') are `visible: false` and their ticks cost nothing.
 */
import { COORDINATE_SYSTEM, Deck } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { ChannelId } from '../../data-adapters/domain';
import type { FacilityColumns } from '../facilities/decode';
import type { FacilityKind } from '../facilities/schema';
import type { BaseMap } from './base-tiles';
import { CesiumLinkedView, type LinkedViewState } from './camera-sync';
import { FacilityLayers, type FacilityPick } from './facility-layers';
import type { EnuFrame, Vec3 } from './geo-math';
import { anyRingActive, CHANNEL_COLORS, dotAlpha, ringAlpha, ringRadius } from './map-style';
import { anyPulse, buildPointLayers, pointPositions, samePointInputs, type PointLayerInput } from './point-layers';

export interface MapPing {
  id: string;
  lon: number;
  lat: number;
  /** Epoch ms on the data clock. */
  at: number;
  channel: ChannelId;
}

export interface DeckOverlay {
  /** The Deck of now (a new one after `replaceDeck`). */
  readonly deck: Deck<CesiumLinkedView>;
  /**
   * Finalizes the Deck and builds a new one on `canvas` with everything this overlay holds (pings, point
   * layers, facilities with their statuses and alarm rings, base map): what a WebGL context loss on the
   * deck.gl canvas needs, without touching Cesium. The frame count starts again from 0.
   */
  replaceDeck(canvas: HTMLCanvasElement, view: LinkedViewState): void;
  setPings(pings: readonly MapPing[], now: number): void;
  /** Shows or hides the case pings (the scene's 'case-pings' layer). */
  setPingsVisible(visible: boolean): void;
  /** The scene's point layers with their current data; a no-op when nothing changed. */
  setPointLayers(layers: readonly PointLayerInput[]): void;
  /** Hands in the decoded facilities (once: a second call is a full rebuild, counted in the stats). */
  setFacilities(columns: FacilityColumns): void;
  /**
   * Sets one facility's status: its colour is written in place and only that row is uploaded, then one
   * redraw. Returns false when the status was already `code` or nothing is loaded.
   */
  setFacilityStatus(kind: FacilityKind, index: number, code: number): boolean;
  /** Shows each facility part below its range (FACILITY_RANGES); call with the camera's range before a draw. */
  setCameraRange(rangeM: number): void;
  /** The facility at CSS pixel (x, y) of the map box (a CPU pick, facility-pick.ts), or null. */
  pickFacility(x: number, y: number): FacilityPick | null;
  /** Animates flow along the pipes (redrawn with the clock ticks while on). */
  setFacilityFlow(on: boolean): void;
  /** The camera's view before a synced draw: the base map (base-tiles.ts) picks its tiles from it. */
  setBaseView(view: LinkedViewState): void;
  readonly facilities: FacilityLayers;
  frames(): number;
  destroy(): void;
}

/** Positions are cached per ping object: a clock tick must not redo the geodesy. */
function positionCache(frame: EnuFrame) {
  const cache = new WeakMap<MapPing, Vec3>();
  return (p: MapPing): Vec3 => {
    let v = cache.get(p);
    if (!v) {
      v = frame.fromLonLat(p.lon, p.lat, 0);
      cache.set(p, v);
    }
    return v;
  };
}

/** Least wall time between two redraws that only advance the dots' fade. */
export const DOT_FADE_INTERVAL_MS = 1000;

export function createDeckOverlay(canvas: HTMLCanvasElement, frame: EnuFrame, initialView: LinkedViewState, baseMap?: BaseMap): DeckOverlay {
  let frameCount = 0;
  const getPosition = positionCache(frame);
  /** What the caller handed in, and its length then: an array appended in place must still update. */
  let source: readonly MapPing[] = [];
  let sourceLength = 0;
  let pings: readonly MapPing[] = [];
  /** Clock of the rings (every tick while one expands) and of the dots' fade (coarser, see setPings). */
  let now = 0;
  let dotNow = 0;
  let ringsActive = false;
  let lastDraw = -Infinity;
  const facilities = new FacilityLayers();
  let pingsVisible = true;
  let pointInputs: readonly PointLayerInput[] = [];
  let pulsing = false;
  const getPointPosition = pointPositions(frame);

  const layers = () => {
    const common = {
      data: pings as MapPing[],
      coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
      getPosition,
      // Drawn in order with no depth test: later pings over earlier ones.
      parameters: { depthCompare: 'always' as const, depthWriteEnabled: false },
      pickable: false,
    };
    return [
      // Bottom: roads, then buildings (they write depth: later layers with a depth test hide behind them).
      ...(baseMap?.layers() ?? []),
      // Always in the list (hidden by range inside): a layer dropped from the list is finalized and its GPU
      // buffers freed, and a later status change would write into a buffer that no longer exists.
      ...facilities.layers(now),
      new ScatterplotLayer<MapPing>({
        ...common,
        id: 'case-pings-ring',
        // No ring expanding: skip the layer (no attribute updates, no draw) instead of drawing zeros.
        visible: pingsVisible && ringsActive,
        // Flat in the local ENU plane: a ring on the ground, foreshortened with the tilt.
        billboard: false,
        filled: false,
        stroked: true,
        radiusUnits: 'meters',
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        radiusMinPixels: 0,
        radiusMaxPixels: 120,
        getRadius: (p) => ringRadius(now - p.at),
        getLineColor: (p) => [...CHANNEL_COLORS[p.channel], ringAlpha(now - p.at)],
        updateTriggers: { getRadius: now, getLineColor: now },
      }),
      new ScatterplotLayer<MapPing>({
        ...common,
        id: 'case-pings-dot',
        visible: pingsVisible,
        // Facing the camera: a round dot of a fixed pixel size however steep the tilt.
        billboard: true,
        filled: true,
        stroked: true,
        radiusUnits: 'pixels',
        getRadius: 6,
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        getFillColor: (p) => [...CHANNEL_COLORS[p.channel], dotAlpha(dotNow - p.at)],
        getLineColor: (p) => [255, 255, 255, Math.round(dotAlpha(dotNow - p.at) * 0.8)],
        updateTriggers: { getFillColor: dotNow, getLineColor: dotNow },
      }),
      ...buildPointLayers(pointInputs, now, getPointPosition),
    ];
  };

  const makeDeck = (target: HTMLCanvasElement, viewState: LinkedViewState) =>
    new Deck<CesiumLinkedView>({
      canvas: target,
      views: new CesiumLinkedView({ id: 'cesium' }),
      viewState,
      controller: false,
      // Must match Cesium's `useBrowserRecommendedResolution: false` (create-viewer.ts).
      useDevicePixels: true,
      layers: layers(),
      // The buildings' lighting (a LightingEffect); no effect without a base map.
      effects: baseMap?.effects ?? [],
      style: { pointerEvents: 'none' },
      onAfterRender: () => {
        frameCount++;
        // A status change that arrived before deck built the layer: upload it now (deck redraws next frame).
        if (facilities.hasPending()) facilities.flush();
      },
    });
  let deck = makeDeck(canvas, initialView);

  // A tile arrived: the base map's layer list changed (deck draws it on its next frame).
  baseMap?.onChange(() => deck.setProps({ layers: layers() }));

  return {
    get deck() {
      return deck;
    },
    replaceDeck(next, view) {
      try {
        deck.finalize();
      } catch (err) {
        // Its context is gone: freeing GPU objects may fail on the way. The new Deck does not depend on it.
        console.warn('[citywall:map] finalizing the old Deck threw; building the new one anyway', err);
      }
      frameCount = 0;
      // layers() hands the new Deck fresh layer instances (and points the facilities' partial uploads at them).
      deck = makeDeck(next, view);
    },
    setPings(next, nextNow) {
      const sameData = next === source && next.length === sourceLength;
      if (sameData && nextNow === now) return;
      const wallNow = performance.now();
      const rings = pingsVisible && anyRingActive(next, nextNow);
      // Each deck frame is a WebGL frame (and, with software compositing, a read-back of the canvas):
      // draw on a tick only while something moves visibly — new pings, an expanding ring, the frame
      // where the last ring ends, or a pulsing point layer. The dots' fade (minutes of data time)
      // advances at most once per DOT_FADE_INTERVAL_MS of wall time; hidden pings cost no frame at all.
      const pingsMove = pingsVisible && (!sameData || rings || ringsActive || wallNow - lastDraw >= DOT_FADE_INTERVAL_MS);
      if (!sameData) {
        // A new `data` reference is deck.gl's signal to rebuild attributes; an in-place append needs a copy.
        pings = next === source ? next.slice() : next;
        source = next;
        sourceLength = next.length;
      }
      now = nextNow;
      if (!pingsMove && !pulsing && !facilities.animating()) return;
      if (pingsMove) {
        dotNow = nextNow;
        ringsActive = rings;
        lastDraw = wallNow;
      }
      deck.setProps({ layers: layers() });
    },
    setPingsVisible(visible) {
      if (visible === pingsVisible) return;
      pingsVisible = visible;
      if (!visible) ringsActive = false;
      dotNow = now;
      lastDraw = performance.now();
      deck.setProps({ layers: layers() });
    },
    setPointLayers(next) {
      if (samePointInputs(next, pointInputs)) return;
      pointInputs = next.map((l) => ({ ...l }));
      pulsing = anyPulse(pointInputs);
      deck.setProps({ layers: layers() });
    },
    setFacilities(columns) {
      facilities.setColumns(columns);
      deck.setProps({ layers: layers() });
    },
    setFacilityStatus(kind, index, code) {
      const rings = facilities.ringsVersion;
      if (!facilities.setStatus(kind, index, code)) return false;
      // A new or ended alarm changes the rings' (small) data: a new layer list; the colour is still a partial upload.
      if (facilities.ringsVersion !== rings) deck.setProps({ layers: layers() });
      if (facilities.flush()) deck.redraw('facility status');
      return true;
    },
    setCameraRange(rangeM) {
      const changed = facilities.setRange(rangeM);
      if (changed && facilities.loaded) deck.setProps({ layers: layers() });
    },
    pickFacility(x, y) {
      const viewport = deck.getViewports()[0];
      return viewport ? facilities.pick(viewport, x, y) : null;
    },
    setFacilityFlow(on) {
      if (facilities.flowing === on) return;
      facilities.flowing = on;
      if (facilities.loaded) deck.setProps({ layers: layers() });
    },
    setBaseView(view) {
      if (baseMap?.setView(view)) deck.setProps({ layers: layers() });
    },
    facilities,
    frames: () => frameCount,
    destroy: () => {
      baseMap?.destroy();
      deck.finalize();
    },
  };
}
