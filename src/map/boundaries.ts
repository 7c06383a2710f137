/**
 * The 13 county-level units (and 高新区's approximate circle) as Cesium primitives:
 * - a density fill: one `Primitive`, one geometry instance per polygon part, coloured per instance so a
 *   density change rewrites a colour attribute instead of rebuilding geometry;
 * - a glowing cyan outline: a wide `PolylineGlow` line under a thin bright core line;
 * - 高新区: a dashed amber circle (it has no administrative boundary: the circle is a clearly
 *   approximate 示意 area from GAOXIN_APPROX, never a fake border);
 * - names: a `LabelCollection` in the app's shipped CJK font.
 *
 * Geometry is built synchronously (`asynchronous: false`): 12k vertices build in milliseconds, and
 * `ready` then does not depend on worker round trips.
 *
 * Heights: fills at 30 m and lines at 60 m above the ellipsoid. The globe itself is at 0 m, and
 * coplanar primitives would z-fight with its tiles; 60 m is far below a pixel at city scale.
 */
import {
  Cartesian2,
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  HorizontalOrigin,
  LabelCollection,
  LabelStyle,
  Material,
  Math as CesiumMath,
  NearFarScalar,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineGeometry,
  PolylineMaterialAppearance,
  Primitive,
  VerticalOrigin,
  ArcType,
  type Scene,
} from 'cesium';
import { GAOXIN_APPROX, type UnitId } from '../../data-adapters/domain';
import { circleRing } from './geo-math';
import type { UnitShape } from './geojson';
import {
  GAOXIN_COLOR,
  LABEL_FILL,
  LABEL_OUTLINE,
  OUTLINE_CORE,
  OUTLINE_GLOW,
  normaliseDensity,
  rampColor,
  type Rgba,
} from './map-style';

const FILL_HEIGHT = 30;
const LINE_HEIGHT = 60;
/** Subdivide fills every ~2 km so flat triangles never sag under the curved globe (sag ≈ s²/8R ≈ 0.1 m). */
const FILL_GRANULARITY = CesiumMath.toRadians(0.02);

/** Label font: the app ships "Noto Sans SC" (@fontsource); 26 px clears the wall's 24 px minimum. */
export const LABEL_FONT = '700 26px "Noto Sans SC", sans-serif';
export const GAOXIN_FONT = '500 22px "Noto Sans SC", sans-serif';

/**
 * The four central districts' label points are 2–8 km apart (a dozen pixels at the overview): nudge
 * their labels apart in screen space so they never overlap. Pixels, +x right, +y down.
 */
const LABEL_OFFSETS: Partial<Record<UnitId, [number, number]>> = {
  xiling: [-46, -20],
  dianjun: [-62, 26],
  wujiagang: [58, 14],
  yiling: [10, -46],
  xiaoting: [30, 10],
};

export function cesiumColor([r, g, b, a]: Rgba): Color {
  return new Color(r / 255, g / 255, b / 255, a);
}

function ringPositions(ring: readonly (readonly number[])[], height: number): Cartesian3[] {
  return Cartesian3.fromDegreesArrayHeights(ring.flatMap((c) => [c[0]!, c[1]!, height]));
}

export interface BoundaryLayer {
  setDensity(density: Partial<Record<UnitId, number>>): void;
  readonly ready: boolean;
  /** Label texts, for the font pre-load. */
  readonly labelTexts: string[];
  destroy(): void;
}

export function addBoundaries(scene: Scene, units: readonly UnitShape[], shortName: (id: UnitId) => string): BoundaryLayer {
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

  // --- labels ---------------------------------------------------------------------------------------
  const labels = scene.primitives.add(new LabelCollection({ scene })) as LabelCollection;
  const labelTexts: string[] = [];
  const common = {
    fillColor: cesiumColor(LABEL_FILL),
    outlineColor: cesiumColor(LABEL_OUTLINE),
    outlineWidth: 5,
    style: LabelStyle.FILL_AND_OUTLINE,
    horizontalOrigin: HorizontalOrigin.CENTER,
    verticalOrigin: VerticalOrigin.CENTER,
    disableDepthTestDistance: Number.POSITIVE_INFINITY,
    // Shrink a little when zoomed far out; full size at city scale.
    scaleByDistance: new NearFarScalar(50_000, 1, 1_500_000, 0.6),
  };
  for (const u of units) {
    const text = shortName(u.id);
    labelTexts.push(text);
    const [dx, dy] = LABEL_OFFSETS[u.id] ?? [0, 0];
    labels.add({ ...common, text, font: LABEL_FONT, position: Cartesian3.fromDegrees(u.cp[0], u.cp[1], LINE_HEIGHT), pixelOffset: new Cartesian2(dx, dy) });
  }
  const [gx, gy] = GAOXIN_APPROX.center;
  labelTexts.push(GAOXIN_APPROX.label);
  labels.add({
    ...common,
    text: GAOXIN_APPROX.label,
    font: GAOXIN_FONT,
    fillColor: cesiumColor(GAOXIN_COLOR),
    // To the right of the circle, between the 当阳 and 伍家岗 labels.
    position: Cartesian3.fromDegrees(gx, gy, LINE_HEIGHT),
    horizontalOrigin: HorizontalOrigin.LEFT,
    pixelOffset: new Cartesian2(30, -12),
  });

  function setDensity(density: Partial<Record<UnitId, number>>): void {
    if (!fill.ready) {
      // Per-instance attributes exist only once the primitive has been built on its first update.
      const remove = scene.postRender.addEventListener(() => {
        if (!fill.ready) return;
        remove();
        setDensity(density);
      });
      scene.requestRender();
      return;
    }
    const shares = normaliseDensity(density, [...units.map((u) => u.id), 'gaoxin']);
    for (const [unit, id] of fillIds) {
      const rgba = rampColor(shares.get(unit) ?? 0);
      // 高新区 overlaps four districts: keep its fill at half strength so theirs still reads.
      if (unit === 'gaoxin') rgba[3] *= 0.5;
      const attrs = fill.getGeometryInstanceAttributes(id) as { color: Uint8Array } | undefined;
      if (attrs) attrs.color = ColorGeometryInstanceAttribute.toValue(cesiumColor(rgba), attrs.color);
    }
    scene.requestRender();
  }

  return {
    setDensity,
    get ready() {
      return fill.ready && glow.ready && core.ready && gaoxinLine.ready;
    },
    labelTexts,
    destroy() {
      for (const p of [fill, glow, core, gaoxinLine, labels]) scene.primitives.remove(p);
    },
  };
}
