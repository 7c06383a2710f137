/**
 * Every name on the map (units, 高新区, 长江) in one Cesium `LabelCollection`, decluttered in screen space on
 * every rendered frame (declutter.ts): anchors are projected with Cesium's own camera in `preRender` —
 * after the camera has moved for this frame, before the labels are drawn — so placement follows camera
 * flights and resizes without a frame of lag. A label set beside its anchor gets a leader line and an
 * anchor dot, drawn in an SVG layer over the globe (under deck.gl's pings).
 *
 * Boxes are measured once with a 2D canvas in the label's own font (the shipped CJK font is loaded
 * before the labels are added), plus the outline. Labels never scale with distance: the wall's minimum
 * type size holds at every view, and the declutter hides what no longer fits instead.
 */
import {
  Cartesian2,
  Cartesian3,
  HorizontalOrigin,
  LabelCollection,
  LabelStyle,
  SceneTransforms,
  VerticalOrigin,
  type Label,
  type Scene,
} from 'cesium';
import { cesiumColor } from './boundaries';
import { placeLabels, type Box, type Dir, type LabelRequest, type Placement } from './declutter';
import { LABEL_OUTLINE, LEADER_COLOR, type Rgba } from './map-style';

export interface MapLabelSpec {
  id: string;
  text: string;
  /** CSS font; its px size must be in it (measured for the box). */
  font: string;
  fill: Rgba;
  lon: number;
  lat: number;
  height: number;
  /** Lower is placed first (and hidden last). */
  priority: number;
  prefer?: readonly Dir[];
  /** May sit centred on its anchor (see declutter.ts). */
  centred: boolean;
  /** Draw the anchor dot and leader when set beside the anchor (default true; the river's name: no). */
  leader?: boolean;
}

/** A label as the test hook reports it: CSS px of the map box, top-left origin. */
export interface LabelBoxInfo {
  id: string;
  text: string;
  visible: boolean;
  box: Box | null;
  anchor: [number, number] | null;
  at: Placement['at'];
}

export interface LabelLayer {
  add(specs: readonly MapLabelSpec[]): void;
  /** Which labels take part (per scene: unit names with the boundaries, the river's with the river). */
  setShown(shown: (id: string) => boolean): void;
  /** Placement of the last rendered frame. */
  boxes(): LabelBoxInfo[];
  destroy(): void;
}

const OUTLINE_WIDTH = 5;
const SVG_NS = 'http://www.w3.org/2000/svg';

function fontPx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m ? Number(m[1]) : 16;
}

/** Text box of a label: advance width and em height, plus the outline on both sides and a hair of slack. */
function measure(text: string, font: string): { w: number; h: number } {
  const px = fontPx(font);
  const ctx = document.createElement('canvas').getContext('2d');
  let w = px * text.length;
  if (ctx) {
    ctx.font = font;
    w = ctx.measureText(text).width;
  }
  return { w: Math.ceil(w + OUTLINE_WIDTH + 2), h: Math.ceil(px * 1.15 + OUTLINE_WIDTH) };
}

interface Entry {
  spec: MapLabelSpec;
  label: Label;
  position: Cartesian3;
  w: number;
  h: number;
}

/**
 * @param svgHost element the leader-line SVG is appended to (the map container, over the Cesium canvas)
 * @param obstacles areas labels must avoid (CSS px of the map box), read each frame: keep it cheap
 */
export function createLabelLayer(scene: Scene, svgHost: HTMLElement, before: Element | null, obstacles: () => readonly Box[]): LabelLayer {
  const collection = scene.primitives.add(new LabelCollection({ scene })) as LabelCollection;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'wall-map__leaders');
  svg.setAttribute('aria-hidden', 'true');
  svgHost.insertBefore(svg, before);
  const entries: Entry[] = [];
  let last: LabelBoxInfo[] = [];
  let leaderKey = '';
  const scratch = new Cartesian2();
  let shown: (id: string) => boolean = () => true;

  const layout = () => {
    const active: Entry[] = [];
    for (const e of entries) {
      if (shown(e.spec.id)) active.push(e);
      else e.label.show = false;
    }
    if (active.length === 0) {
      last = [];
      drawLeaders([], [], active);
      return;
    }
    const w = scene.canvas.clientWidth;
    const h = scene.canvas.clientHeight;
    const requests: LabelRequest[] = active.map((e) => {
      const p = SceneTransforms.worldToWindowCoordinates(scene, e.position, scratch);
      return {
        id: e.spec.id,
        anchor: p && Number.isFinite(p.x) && Number.isFinite(p.y) ? [p.x, p.y] : null,
        w: e.w,
        h: e.h,
        priority: e.spec.priority,
        prefer: e.spec.prefer,
        centred: e.spec.centred,
      };
    });
    const margin = 6;
    const placements = placeLabels(requests, {
      bounds: { x: margin, y: margin, w: w - 2 * margin, h: h - 2 * margin },
      obstacles: obstacles(),
    });
    placements.forEach((p, i) => {
      const e = active[i]!;
      e.label.show = p.visible;
      if (p.visible) e.label.pixelOffset = new Cartesian2(p.offset[0], p.offset[1]);
    });
    last = placements.map((p, i) => ({
      id: p.id,
      text: active[i]!.spec.text,
      visible: p.visible,
      box: p.box,
      anchor: requests[i]!.anchor ? [requests[i]!.anchor![0], requests[i]!.anchor![1]] : null,
      at: p.at,
    }));
    drawLeaders(placements, requests, active);
  };

  const drawLeaders = (placements: Placement[], requests: LabelRequest[], active: readonly Entry[]) => {
    const parts: string[] = [];
    placements.forEach((p, i) => {
      if (!p.visible || p.at === 'c' || !requests[i]!.anchor || active[i]!.spec.leader === false) return;
      const [ax, ay] = requests[i]!.anchor!;
      const r = (n: number) => n.toFixed(1);
      if (p.leader) parts.push(`L${r(p.leader[0])},${r(p.leader[1])},${r(p.leader[2])},${r(p.leader[3])}`);
      parts.push(`D${r(ax)},${r(ay)}`);
    });
    const key = parts.join(';');
    if (key === leaderKey) return;
    leaderKey = key;
    svg.replaceChildren();
    const stroke = `rgba(${LEADER_COLOR.slice(0, 3).join(',')},${LEADER_COLOR[3]})`;
    for (const part of parts) {
      const n = part.slice(1).split(',').map(Number);
      if (part[0] === 'L') {
        const line = document.createElementNS(SVG_NS, 'line');
        line.setAttribute('x1', String(n[0]));
        line.setAttribute('y1', String(n[1]));
        line.setAttribute('x2', String(n[2]));
        line.setAttribute('y2', String(n[3]));
        line.setAttribute('stroke', stroke);
        line.setAttribute('stroke-width', '1.5');
        svg.append(line);
      } else {
        const dot = document.createElementNS(SVG_NS, 'circle');
        dot.setAttribute('cx', String(n[0]));
        dot.setAttribute('cy', String(n[1]));
        dot.setAttribute('r', '3');
        dot.setAttribute('fill', stroke);
        svg.append(dot);
      }
    }
  };

  const removePreRender = scene.preRender.addEventListener(layout);

  return {
    add(specs) {
      for (const spec of specs) {
        const position = Cartesian3.fromDegrees(spec.lon, spec.lat, spec.height);
        const label = collection.add({
          text: spec.text,
          font: spec.font,
          position,
          fillColor: cesiumColor(spec.fill),
          outlineColor: cesiumColor(LABEL_OUTLINE),
          outlineWidth: OUTLINE_WIDTH,
          style: LabelStyle.FILL_AND_OUTLINE,
          horizontalOrigin: HorizontalOrigin.CENTER,
          verticalOrigin: VerticalOrigin.CENTER,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
          show: false,
        });
        entries.push({ spec, label, position, ...measure(spec.text, spec.font) });
      }
      scene.requestRender();
    },
    setShown(next) {
      shown = next;
      scene.requestRender();
    },
    boxes() {
      return last.map((b) => ({ ...b, box: b.box ? { ...b.box } : null }));
    },
    destroy() {
      removePreRender();
      scene.primitives.remove(collection);
      svg.remove();
    },
  };
}
