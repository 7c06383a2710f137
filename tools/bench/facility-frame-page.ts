/**
 * The facility-frame bench page (bench/facility-frame.html; built by facility-frame.ts into
 * bench-dist/facility-frame/, never part of the shipped app). A plain deck.gl `Deck` with an
 * OrthographicView over the facilities, no Cesium, driven from Node through `window.__facilityFrame`
 * (facility-frame-shared.ts):
 *
 * - `frames('ours' | 'naive')`: redraw the whole scene N times and time each frame until a 1-px
 *   readPixels returns (so SwiftShader's rasterization is inside the time). ours = FacilityPointLayer +
 *   FacilityLineLayer (one non-instanced draw each, src/map/facility-gl-layers.ts); naive = deck's
 *   instanced ScatterplotLayer + LineLayer over the same binary positions and colours.
 * - `status('ours' | 'rebuild')`: per frame, 167 status changes (10k/s at 60 fps) on the 2M-point layer.
 *   ours = FacilityStatusBuffer.set + applyStatusToLayer (Attribute.updateSubBuffer, a partial upload);
 *   rebuild = the same colour bytes handed to deck in a new `data` object, so deck re-uploads the whole
 *   colour attribute (positions keep their descriptor and are not re-uploaded: the cheapest rebuild).
 *
 * Data: the shipped manholes + streetlights (points) and pipes (segments), decoded with the app's
 * decodeFacilityTable and laid side by side as copies at their real density until 2,000,000 points and
 * 500,000 segments (a city 4× the shipped one). The canvas shows a fixed 12 km wide view of the dense core,
 * the wall's district view; everything else is clipped on the GPU (each side still processes every vertex
 * or instance). Bytes uploaded are counted by wrapping the WebGL2 context's bufferData/bufferSubData.
 */
import { COORDINATE_SYSTEM, Deck, OrthographicView, type Layer } from '@deck.gl/core';
import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import manholesUrl from '../../public/facilities/manholes.arrow?url';
import pipesUrl from '../../public/facilities/pipes.arrow?url';
import streetlightsUrl from '../../public/facilities/streetlights.arrow?url';
import { decodeFacilityTable } from '../../src/facilities/decode';
import { applyStatusToLayer, statusColorAttribute } from '../../src/facilities/deck-status';
import { FacilityStatusBuffer } from '../../src/facilities/status-buffer';
import { FacilityLineLayer, FacilityPointLayer, type FacilityGlData } from '../../src/map/facility-gl-layers';
import {
  CHANGES_PER_FRAME,
  FRAME_POINTS,
  FRAME_SEGMENTS,
  FRAME_VIEWPORT,
  POINT_SIZE_PX,
  type FacilityFrameApi,
  type FrameMode,
  type FrameSetup,
  type FrameTimes,
  type StatusMode,
  type StatusTimes,
} from './facility-frame-shared';

/** Copies of the shipped data per row of the tiling (3 × 2 fits 4.2 copies in a roughly 16:9-friendly block). */
const TILE_COLUMNS = 3;
/** Gap between copies, metres. */
const TILE_GAP_M = 500;
/** Ground shown across the canvas: about the wall's district view (~6 m per pixel at 1920 px). */
const VIEW_WIDTH_M = 12_000;

// ---- bytes handed to the GPU: counted at the WebGL2 entry points every upload goes through ----
let uploaded = 0;
{
  const proto = WebGL2RenderingContext.prototype;
  const bufferData = proto.bufferData as (...args: unknown[]) => void;
  const bufferSubData = proto.bufferSubData as (...args: unknown[]) => void;
  const viewBytes = (data: unknown, srcOffset: unknown, length: unknown): number => {
    if (!ArrayBuffer.isView(data)) return data instanceof ArrayBuffer ? data.byteLength : 0;
    const bpe = 'BYTES_PER_ELEMENT' in data ? (data as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT : 1;
    if (typeof length === 'number' && length > 0) return length * bpe;
    return data.byteLength - (typeof srcOffset === 'number' ? srcOffset * bpe : 0);
  };
  (proto as unknown as { bufferData: unknown }).bufferData = function (this: WebGL2RenderingContext, ...args: unknown[]) {
    // bufferData(target, size, usage) allocates without uploading.
    if (typeof args[1] !== 'number') uploaded += viewBytes(args[1], args[3], args[4]);
    return bufferData.apply(this, args);
  };
  (proto as unknown as { bufferSubData: unknown }).bufferSubData = function (this: WebGL2RenderingContext, ...args: unknown[]) {
    uploaded += viewBytes(args[2], args[3], args[4]);
    return bufferSubData.apply(this, args);
  };
}

interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boundsOf(xyz: readonly Float32Array[]): Bounds {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const a of xyz) {
    for (let i = 0; i < a.length; i += 3) {
      const x = a[i] as number;
      const y = a[i + 1] as number;
      if (x < b.minX) b.minX = x;
      if (x > b.maxX) b.maxX = x;
      if (y < b.minY) b.minY = y;
      if (y > b.maxY) b.maxY = y;
    }
  }
  return b;
}

/** `count` xyz rows from `src` (n rows) copied side by side: copy k at column k % TILE_COLUMNS, row k / TILE_COLUMNS. */
function tile(src: Float32Array, count: number, stepX: number, stepY: number, into = new Float32Array(count * 3)): Float32Array {
  const n = src.length / 3;
  for (let i = 0; i < count; i += 1) {
    const k = Math.floor(i / n);
    const j = (i % n) * 3;
    into[i * 3] = (src[j] as number) + (k % TILE_COLUMNS) * stepX;
    into[i * 3 + 1] = (src[j + 1] as number) - Math.floor(k / TILE_COLUMNS) * stepY;
    into[i * 3 + 2] = src[j + 2] as number;
  }
  return into;
}

function tileBytes(src: Uint8Array, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) out[i] = src[i % src.length] as number;
  return out;
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** A small deterministic PRNG (mulberry32), so both status modes change the same rows. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function setup(): Promise<{ api: Omit<FacilityFrameApi, 'ready'>; info: FrameSetup }> {
  const [mBytes, sBytes, pBytes] = await Promise.all([fetchBytes(manholesUrl), fetchBytes(streetlightsUrl), fetchBytes(pipesUrl)]);
  const manholes = decodeFacilityTable('manholes', mBytes);
  const streetlights = decodeFacilityTable('streetlights', sBytes);
  const pipes = decodeFacilityTable('pipes', pBytes);

  const b = boundsOf([manholes.columns.positions, streetlights.columns.positions, pipes.columns.sourcePositions, pipes.columns.targetPositions]);
  const stepX = b.maxX - b.minX + TILE_GAP_M;
  const stepY = b.maxY - b.minY + TILE_GAP_M;

  // Points: manholes then streetlights, tiled.
  const pointSrc = concat(manholes.columns.positions, streetlights.columns.positions);
  const pointStatusSrc = new Uint8Array(pointSrc.length / 3);
  pointStatusSrc.set(manholes.columns.status);
  pointStatusSrc.set(streetlights.columns.status, manholes.length);
  const pointPositions = tile(pointSrc, FRAME_POINTS, stepX, stepY);
  const pointStatus = tileBytes(pointStatusSrc, FRAME_POINTS);
  const copies = Math.max(FRAME_POINTS / (pointSrc.length / 3), FRAME_SEGMENTS / pipes.length);

  // Segments: both ends tiled with the same offsets, then interleaved (start, end) for the GL line list.
  const source = tile(pipes.columns.sourcePositions, FRAME_SEGMENTS, stepX, stepY);
  const target = tile(pipes.columns.targetPositions, FRAME_SEGMENTS, stepX, stepY);
  const linePositions = new Float32Array(FRAME_SEGMENTS * 6);
  for (let i = 0; i < FRAME_SEGMENTS; i += 1) {
    linePositions.set(source.subarray(i * 3, i * 3 + 3), i * 6);
    linePositions.set(target.subarray(i * 3, i * 3 + 3), i * 6 + 3);
  }
  const lineStatus = tileBytes(pipes.columns.status, FRAME_SEGMENTS);

  const pointBuffer = new FacilityStatusBuffer(pointStatus);
  const lineBuffer = new FacilityStatusBuffer(lineStatus, { verticesPerRow: 2 });

  // The view: VIEW_WIDTH_M of ground across the 1920 px canvas, centred on the mean of the first copy's
  // points (the city's dense core), as the wall's district view shows it; the rest of the 2M is clipped.
  let cx = 0;
  let cy = 0;
  const firstCopy = pointSrc.length / 3;
  for (let i = 0; i < firstCopy; i += 1) {
    cx += pointPositions[i * 3] as number;
    cy += pointPositions[i * 3 + 1] as number;
  }
  cx /= firstCopy;
  cy /= firstCopy;
  const metresPerPixel = VIEW_WIDTH_M / FRAME_VIEWPORT.width;
  const half = { x: VIEW_WIDTH_M / 2, y: (FRAME_VIEWPORT.height * metresPerPixel) / 2 };
  const inView = (x: number, y: number) => Math.abs(x - cx) <= half.x && Math.abs(y - cy) <= half.y;
  let pointsInView = 0;
  for (let i = 0; i < FRAME_POINTS; i += 1) if (inView(pointPositions[i * 3] as number, pointPositions[i * 3 + 1] as number)) pointsInView += 1;
  let segmentsInView = 0;
  for (let i = 0; i < FRAME_SEGMENTS; i += 1) {
    if (inView(linePositions[i * 6] as number, linePositions[i * 6 + 1] as number) || inView(linePositions[i * 6 + 3] as number, linePositions[i * 6 + 4] as number)) segmentsInView += 1;
  }
  const all = boundsOf([pointPositions, linePositions]);

  const canvas = document.createElement('canvas');
  canvas.style.cssText = `position:absolute;left:0;top:0;width:${FRAME_VIEWPORT.width}px;height:${FRAME_VIEWPORT.height}px`;
  document.body.appendChild(canvas);
  let loaded: () => void = () => undefined;
  const onLoad = new Promise<void>((resolve) => (loaded = resolve));
  const deck = new Deck<OrthographicView>({
    canvas,
    width: FRAME_VIEWPORT.width,
    height: FRAME_VIEWPORT.height,
    views: new OrthographicView({ id: 'ortho', flipY: false }),
    viewState: { target: [cx, cy, 0], zoom: -Math.log2(metresPerPixel) },
    controller: false,
    useDevicePixels: true,
    layers: [],
    onLoad: () => loaded(),
  });
  await onLoad;
  const gl = (deck as unknown as { device: { gl: WebGL2RenderingContext } }).device.gl;
  // luma sizes the drawing buffer from a ResizeObserver: wait (a few frames) until it is the full canvas.
  for (let waited = 0; gl.drawingBufferWidth !== FRAME_VIEWPORT.width || gl.drawingBufferHeight !== FRAME_VIEWPORT.height; waited += 1) {
    if (waited > 300) break; // the Node side reports the size it got
    deck.redraw('bench size');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const pixel = new Uint8Array(4);
  /** deck applies `setProps({layers})` in its next animation frame; the bench applies it now, in the timed code. */
  const updateLayers = () => (deck as unknown as { layerManager: { updateLayers(): void } }).layerManager.updateLayers();
  /** Waits for the GPU: a read-back cannot return before every queued draw has finished. */
  const finish = () => {
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  };

  const common = {
    coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
    pickable: false,
    parameters: { depthCompare: 'always' as const, depthWriteEnabled: false },
  };
  const pointData: FacilityGlData = {
    length: FRAME_POINTS,
    attributes: { getPosition: { value: pointPositions, size: 3 }, getColor: statusColorAttribute(pointBuffer) },
  };
  const lineData: FacilityGlData = {
    length: FRAME_SEGMENTS * 2,
    attributes: { getPosition: { value: linePositions, size: 3 }, getColor: statusColorAttribute(lineBuffer) },
  };
  const oursPoints = (data: FacilityGlData = pointData) =>
    new FacilityPointLayer({ ...common, id: 'bench-points', data: data as never, sizePixels: POINT_SIZE_PX, round: true });
  const oursLines = () => new FacilityLineLayer({ ...common, id: 'bench-lines', data: lineData as never });
  const layersFor = (mode: FrameMode): Layer[] =>
    mode === 'ours'
      ? [oursLines(), oursPoints()]
      : [
          new LineLayer({
            ...common,
            id: 'bench-naive-lines',
            // The same interleaved (start, end) array and per-vertex colours as ours, read with a stride.
            data: {
              length: FRAME_SEGMENTS,
              attributes: {
                getSourcePosition: { value: linePositions, size: 3, stride: 24, offset: 0 },
                getTargetPosition: { value: linePositions, size: 3, stride: 24, offset: 12 },
                getColor: { value: lineBuffer.colors, size: 4, stride: 8, offset: 0, normalized: true },
              },
            } as never,
            widthUnits: 'pixels',
            getWidth: 1,
          }),
          new ScatterplotLayer({
            ...common,
            id: 'bench-naive-points',
            data: { length: FRAME_POINTS, attributes: { getPosition: { value: pointPositions, size: 3 }, getFillColor: statusColorAttribute(pointBuffer) } } as never,
            radiusUnits: 'pixels',
            getRadius: POINT_SIZE_PX / 2,
            stroked: false,
            filled: true,
          }),
        ];

  async function frames(mode: FrameMode, warmup: number, timed: number): Promise<FrameTimes> {
    // New layers: deck builds their attributes here (untimed), the warm-up frames compile the shaders.
    deck.setProps({ layers: layersFor(mode) });
    updateLayers();
    const out: FrameTimes = { frameMs: [], issueMs: [], uploadedBytes: 0 };
    for (let i = 0; i < warmup + timed; i += 1) {
      await nextTask();
      const before = uploaded;
      const t0 = performance.now();
      updateLayers();
      deck.redraw(`bench ${mode}`);
      const t1 = performance.now();
      finish();
      const t2 = performance.now();
      if (i < warmup) continue;
      out.frameMs.push(t2 - t0);
      out.issueMs.push(t1 - t0);
      out.uploadedBytes += uploaded - before;
    }
    return out;
  }

  const random = prng(0x5eed);
  let statusData = pointData;
  async function status(mode: StatusMode, warmup: number, timed: number): Promise<StatusTimes> {
    // Only the point layer (the status path is per layer). Drawn once here so its attributes exist; the timed
    // frames do not redraw: the draw is the same on both sides and would bury the update under ~2 s of
    // software rasterization per frame.
    statusData = pointData;
    let live = oursPoints(pointData);
    deck.setProps({ layers: [live] });
    updateLayers();
    deck.redraw('bench status setup');
    finish();
    pointBuffer.takeDirtyRanges();
    const out: StatusTimes = { mainMs: [], syncedMs: [], bytes: [], changed: [] };
    for (let i = 0; i < warmup + timed; i += 1) {
      await nextTask();
      const before = uploaded;
      const t0 = performance.now();
      let changed = 0;
      for (let c = 0; c < CHANGES_PER_FRAME; c += 1) {
        const row = Math.floor(random() * FRAME_POINTS);
        if (pointBuffer.set(row, ((pointBuffer.status[row] as number) + 1) % 4)) changed += 1;
      }
      if (mode === 'ours') {
        if (applyStatusToLayer(live, 'colors', pointBuffer) < 0) throw new Error('the point layer has no colour attribute');
      } else {
        // What a layer fed a fresh `data` per change does: deck sees a new data object and a new colour
        // descriptor and re-uploads the whole colour attribute. (No copy of the 8 MB colours: the cheapest
        // rebuild; the dirty list is dropped, it is not needed.)
        pointBuffer.takeDirtyRanges();
        statusData = { length: FRAME_POINTS, attributes: { getPosition: pointData.attributes.getPosition, getColor: statusColorAttribute(pointBuffer) } };
        live = oursPoints(statusData);
        deck.setProps({ layers: [live] });
      }
      updateLayers();
      const t1 = performance.now();
      // Keep deck's own animation loop from drawing the change between our frames (~2 s of raster each).
      deck.needsRedraw({ clearRedrawFlags: true });
      // The read-back returns once the GPU process has executed every command before it: the uploads.
      finish();
      const t2 = performance.now();
      if (i < warmup) continue;
      out.mainMs.push(t1 - t0);
      out.syncedMs.push(t2 - t0);
      out.bytes.push(uploaded - before);
      out.changed.push(changed);
    }
    // The layer still draws the updated colours (untimed).
    deck.redraw(`bench status ${mode} check`);
    finish();
    return out;
  }

  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debugInfo ? debugInfo.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return {
    api: { frames, status },
    info: {
      points: FRAME_POINTS,
      segments: FRAME_SEGMENTS,
      copies: Math.round(copies * 100) / 100,
      extentM: { width: Math.round(all.maxX - all.minX), height: Math.round(all.maxY - all.minY) },
      view: { widthM: VIEW_WIDTH_M, heightM: Math.round(half.y * 2), pointsInView, segmentsInView },
      metresPerPixel: Math.round(metresPerPixel * 10) / 10,
      canvas: { width: gl.drawingBufferWidth, height: gl.drawingBufferHeight },
      renderer,
    },
  };
}

const ready = setup();
const api: FacilityFrameApi = {
  ready: ready.then((r) => r.info),
  frames: async (mode, warmup, timed) => (await ready).api.frames(mode, warmup, timed),
  status: async (mode, warmup, timed) => (await ready).api.status(mode, warmup, timed),
};
(window as unknown as { __facilityFrame: FacilityFrameApi }).__facilityFrame = api;
