/**
 * The 13 county-level units (and 高新区's approximate circle) as Cesium primitives:
 * - a density fill: one `Primitive`, one geometry instance per polygon part, coloured per instance so a
 *   density change rewrites a colour attribute instead of rebuilding geometry;
 * - a glowing cyan outline: a wide `PolylineGlow` line under a thin bright core line;
 * - 高新区: a dashed amber circle (it has no administrative boundary: the circle is a clearly
 *   approximate 示意 area from GAOXIN_APPROX, never a fake border);
 * - names: `unitLabels` describes them; labels.ts draws and declutters them with every other map label.
 *
 * Geometry is built synchronously (`asynchronous: false`): 12k vertices build in milliseconds, and
 * `ready` then does not depend on worker round trips.
 *
 * Heights: fills at 30 m and lines at 60 m above the ellipsoid. The globe itself is at 0 m, and
 * coplanar primitives would z-fight with its tiles; 60 m is far below a pixel at city scale.
 */
import {
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  Material,
  Math as CesiumMath,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineGeometry,
  PolylineMaterialAppearance,
  Primitive,
  ArcType,
  type Scene,
} from 'cesium';
import { GAOXIN_APPROX, type UnitId } from '../../data-adapters/domain';
import { circleRing } from './geo-math';
import type { Dir } from './declutter';
import type { UnitShape } from './geojson';
import type { MapLabelSpec } from './labels';
import {
  GAOXIN_COLOR,
  LABEL_FILL,
  OUTLINE_CORE,
  OUTLINE_GLOW,
  normaliseDensity,
  rampColor,
  type Rgba,
} from './map-style';

const FILL_HEIGHT = 30;
const LINE_HEIGHT = 60;
/** The emphasised unit: near-white core in a wide cyan glow, brighter than every other outline. */
const HIGHLIGHT_CORE: Rgba = [236, 254, 255, 1];
const HIGHLIGHT_GLOW: Rgba = [103, 232, 249, 0.95];
/** Subdivide fills every ~2 km so flat triangles never sag under the curved globe (sag ≈ s²/8R ≈ 0.1 m). */
const FILL_GRANULARITY = CesiumMath.toRadians(0.02);

/** Label font: the app ships "Noto Sans SC" (@fontsource); 26 px clears the wall's 24 px minimum (labels never shrink). */
export const LABEL_FONT = '700 26px "Noto Sans SC", sans-serif';
export const GAOXIN_FONT = '500 22px "Noto Sans SC", sans-serif';

/**
 * How each name competes for space (declutter.ts): the four central districts, 高新区 (its long name needs
 * the room east of the centre) and 夷陵 first — their label points are 2–8 km apart, a few dozen pixels at
 * the overview, so they always sit beside their anchor (with a leader) in the direction their district
 * extends; then the outer units, which
 * sit on their label point when it is free and give way (hide) last-first when the box is too small.
 */
const LABEL_RULES: Record<UnitId, { priority: number; centred: boolean; prefer: readonly Dir[] }> = {
  xiling: { priority: 0, centred: false, prefer: ['nw', 'n', 'w'] },
  wujiagang: { priority: 1, centred: false, prefer: ['e', 'se', 'ne'] },
  dianjun: { priority: 2, centred: false, prefer: ['sw', 'w', 's'] },
  xiaoting: { priority: 3, centred: false, prefer: ['se', 'e', 's'] },
  gaoxin: { priority: 4, centred: false, prefer: ['e', 'ne', 'se'] },
  yiling: { priority: 5, centred: false, prefer: ['n', 'ne', 'nw'] },
  yidu: { priority: 6, centred: true, prefer: ['s', 'se', 'sw'] },
  zhijiang: { priority: 7, centred: true, prefer: ['e', 'se', 'ne'] },
  dangyang: { priority: 8, centred: true, prefer: ['e', 'ne', 'n'] },
  changyang: { priority: 9, centred: true, prefer: ['w', 'sw', 's'] },
  zigui: { priority: 10, centred: true, prefer: ['w', 'sw', 'nw'] },
  yuanan: { priority: 11, centred: true, prefer: ['n', 'ne', 'e'] },
  xingshan: { priority: 12, centred: true, prefer: ['n', 'w', 'e'] },
  wufeng: { priority: 13, centred: true, prefer: ['s', 'w', 'e'] },
};

/** The units' names and 高新区's for the label layer (placed on screen by declutter.ts). */
export function unitLabels(units: readonly UnitShape[], shortName: (id: UnitId) => string): MapLabelSpec[] {
  const specs: MapLabelSpec[] = units.map((u) => ({
    id: u.id,
    text: shortName(u.id),
    font: LABEL_FONT,
    fill: LABEL_FILL,
    lon: u.cp[0],
    lat: u.cp[1],
    height: LINE_HEIGHT,
    ...LABEL_RULES[u.id],
  }));
  const [gx, gy] = GAOXIN_APPROX.center;
  specs.push({ id: 'gaoxin', text: GAOXIN_APPROX.label, font: GAOXIN_FONT, fill: GAOXIN_COLOR, lon: gx, lat: gy, height: LINE_HEIGHT, ...LABEL_RULES.gaoxin });
  return specs;
}

export function cesiumColor([r, g, b, a]: Rgba): Color {
  return new Color(r / 255, g / 255, b / 255, a);
}

function ringPositions(ring: readonly (readonly number[])[], height: number): Cartesian3[] {
  return Cartesian3.fromDegreesArrayHeights(ring.flatMap((c) => [c[0]!, c[1]!, height]));
}

export interface BoundaryLayer {
  setDensity(density: Partial<Record<UnitId, number>>): void;
  /** Per scene: the outlines (scene layer 'boundaries') and the density fill ('case-density'). */
  setVisible(visible: { outlines: boolean; fill: boolean }): void;
  /** Every shown primitive is built (a hidden one is built when first shown, synchronously). */
  readonly ready: boolean;
  /**
   * Emphasise one unit's outline (a tour step or a presenter's focus); null clears. Built on demand for
   * that unit only: one small primitive pair, not a rebuild of the 13 outlines.
   */
  setHighlight(unitId: UnitId | null): void;
  readonly highlighted: UnitId | null;
  destroy(): void;
}

export function addBoundaries(scene: Scene, units: readonly UnitShape[]): BoundaryLayer {
  const gaoxinRing = circleRing(GAOXIN_APPROX.center, GAOXIN_APPROX.radiusKm, 96);

  // --- density fill ------------------------------------------------------------------------------
  const fillIds: [UnitId, string][] = [];
  const fillInstances: GeometryInstance[] = [];
  const addFill = (unit: UnitId, k: number, ring: readonly (readonly number[])[]) => {
    const id = `${unit}:${k}`;
    fillIds.push([unit, id]);
    fillInstances.push(
      new GeometryInstance({
        id,
        geometry: new PolygonGeometry({
          polygonHierarchy: new PolygonHierarchy(ringPositions(ring, 0)),
          height: FILL_HEIGHT,
          granularity: FILL_GRANULARITY,
          vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
        }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(cesiumColor(rampColor(0))) },
      }),
    );
  };
  for (const u of units) u.rings.forEach((ring, k) => addFill(u.id, k, ring));
  addFill('gaoxin', 0, gaoxinRing);
  const fill = scene.primitives.add(
    new Primitive({
      geometryInstances: fillInstances,
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      asynchronous: false,
    }),
  ) as Primitive;

  // --- outlines -------------------------------------------------------------------------------------
  const outlineInstances = (width: number) =>
    units.flatMap((u) =>
      u.rings.map(
        (ring) =>
          new GeometryInstance({
            geometry: new PolylineGeometry({
              positions: ringPositions(ring, LINE_HEIGHT),
              width,
              arcType: ArcType.NONE,
              vertexFormat: PolylineMaterialAppearance.VERTEX_FORMAT,
            }),
          }),
      ),
    );
  const glow = scene.primitives.add(
    new Primitive({
      geometryInstances: outlineInstances(9),
      appearance: new PolylineMaterialAppearance({
        material: Material.fromType('PolylineGlow', { color: cesiumColor(OUTLINE_GLOW), glowPower: 0.22, taperPower: 1 }),
      }),
      asynchronous: false,
    }),
  ) as Primitive;
  const core = scene.primitives.add(
    new Primitive({
      geometryInstances: outlineInstances(1.6),
      appearance: new PolylineMaterialAppearance({
        material: Material.fromType('Color', { color: cesiumColor(OUTLINE_CORE) }),
      }),
      asynchronous: false,
    }),
  ) as Primitive;
  const gaoxinLine = scene.primitives.add(
    new Primitive({
      geometryInstances: new GeometryInstance({
        geometry: new PolylineGeometry({
          positions: ringPositions(gaoxinRing, LINE_HEIGHT),
          width: 2.5,
          arcType: ArcType.NONE,
          vertexFormat: PolylineMaterialAppearance.VERTEX_FORMAT,
        }),
      }),
      appearance: new PolylineMaterialAppearance({
        material: Material.fromType('PolylineDash', { color: cesiumColor(GAOXIN_COLOR), dashLength: 14 }),
      }),
      asynchronous: false,
    }),
  ) as Primitive;

  // Each fill colour as last written (RGBA bytes): a density update that changes no byte is no change,
  // and must not cost a Cesium frame (a globe frame is the wall's most expensive one in software GL).
  const shownColor = new Map<string, string>();
  const scratchBytes = new Uint8Array(4);
  let waitingForFill: Partial<Record<UnitId, number>> | null = null;

  function setDensity(density: Partial<Record<UnitId, number>>): void {
    if (!fill.ready) {
      // Per-instance attributes exist only once the primitive has been built on its first update.
      if (waitingForFill === null) {
        const remove = scene.postRender.addEventListener(() => {
          if (!fill.ready || waitingForFill === null) return;
          remove();
          const latest = waitingForFill;
          waitingForFill = null;
          setDensity(latest);
        });
      }
      waitingForFill = density;
      scene.requestRender();
      return;
    }
    const shares = normaliseDensity(density, [...units.map((u) => u.id), 'gaoxin']);
    let changed = false;
    for (const [unit, id] of fillIds) {
      const rgba = rampColor(shares.get(unit) ?? 0);
      // 高新区 overlaps four districts: keep its fill at half strength so theirs still reads.
      if (unit === 'gaoxin') rgba[3] *= 0.5;
      const bytes = ColorGeometryInstanceAttribute.toValue(cesiumColor(rgba), scratchBytes);
      const key = bytes.join(',');
      if (shownColor.get(id) === key) continue;
      const attrs = fill.getGeometryInstanceAttributes(id) as { color: Uint8Array } | undefined;
      if (!attrs) continue;
      attrs.color = ColorGeometryInstanceAttribute.toValue(cesiumColor(rgba), attrs.color);
      shownColor.set(id, key);
      changed = true;
    }
    if (changed) scene.requestRender();
  }

  // --- one unit emphasised ---------------------------------------------------------------------------
  let highlighted: UnitId | null = null;
  let highlightPrims: Primitive[] = [];
  function setHighlight(unitId: UnitId | null): void {
    if (unitId === highlighted) return;
    for (const p of highlightPrims) scene.primitives.remove(p);
    highlightPrims = [];
    const unit = unitId === null ? undefined : units.find((u) => u.id === unitId);
    const rings = unitId === 'gaoxin' ? [gaoxinRing] : (unit?.rings ?? []);
    highlighted = rings.length > 0 ? unitId : null;
    const line = (width: number, material: Material) =>
      scene.primitives.add(
        new Primitive({
          geometryInstances: rings.map(
            (ring) =>
              new GeometryInstance({
                geometry: new PolylineGeometry({
                  positions: ringPositions(ring, LINE_HEIGHT * 2),
                  width,
                  arcType: ArcType.NONE,
                  vertexFormat: PolylineMaterialAppearance.VERTEX_FORMAT,
                }),
              }),
          ),
          appearance: new PolylineMaterialAppearance({ material }),
          asynchronous: false,
        }),
      ) as Primitive;
    if (highlighted !== null) {
      highlightPrims = [
        line(22, Material.fromType('PolylineGlow', { color: cesiumColor(HIGHLIGHT_GLOW), glowPower: 0.3, taperPower: 1 })),
        line(3.2, Material.fromType('Color', { color: cesiumColor(HIGHLIGHT_CORE) })),
      ];
    }
    scene.requestRender();
  }

  return {
    setDensity,
    setHighlight,
    get highlighted() {
      return highlighted;
    },
    setVisible({ outlines, fill: showFill }) {
      if (fill.show === showFill && glow.show === outlines) return;
      fill.show = showFill;
      for (const p of [glow, core, gaoxinLine]) p.show = outlines;
      scene.requestRender();
    },
    get ready() {
      // Cesium builds a primitive on its first update while shown: a hidden one must not hold readiness.
      return [fill, glow, core, gaoxinLine, ...highlightPrims].every((p) => !p.show || p.ready);
    },
    destroy() {
      for (const p of [fill, glow, core, gaoxinLine, ...highlightPrims]) scene.primitives.remove(p);
    },
  };
}
