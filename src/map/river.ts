/**
 * The Yangtze (长江) from public/geo/yangtze-traced.geojson — an approximate hand-traced centreline (see
 * public/geo/README.md), drawn as a ribbon 1 km wide in metres (a `CorridorGeometry`, so it keeps its
 * true width as the camera moves) under a thin glowing centre line, plus its name.
 */
import {
  ArcType,
  Cartesian2,
  Cartesian3,
  ColorGeometryInstanceAttribute,
  CornerType,
  CorridorGeometry,
  GeometryInstance,
  HorizontalOrigin,
  LabelCollection,
  LabelStyle,
  Material,
  Math as CesiumMath,
  PerInstanceColorAppearance,
  PolylineGeometry,
  PolylineMaterialAppearance,
  Primitive,
  VerticalOrigin,
  type Scene,
} from 'cesium';
import { cesiumColor } from './boundaries';
import type { RiverShape } from './geojson';
import { LABEL_OUTLINE, RIVER_GLOW, RIVER_LABEL, RIVER_RIBBON } from './map-style';

const RIBBON_WIDTH_M = 1000;
/** Between the unit fills (30 m) and the outlines (60 m): boundaries that follow the river stay on top. */
const RIVER_HEIGHT = 45;
/** Where the name goes: the open stretch between 猇亭 and 宜都, away from the district labels. */
export const RIVER_LABEL_AT: [number, number] = [111.52, 30.33];
export const RIVER_FONT = '500 24px "Noto Sans SC", sans-serif';

export interface RiverLayer {
  readonly ready: boolean;
  readonly labelTexts: string[];
  destroy(): void;
}

export function addRiver(scene: Scene, river: RiverShape): RiverLayer {
  const positions = Cartesian3.fromDegreesArrayHeights(river.coordinates.flatMap(([lon, lat]) => [lon, lat, RIVER_HEIGHT]));
  const ribbon = scene.primitives.add(
    new Primitive({
      geometryInstances: new GeometryInstance({
        geometry: new CorridorGeometry({
          positions,
          width: RIBBON_WIDTH_M,
          height: RIVER_HEIGHT,
          cornerType: CornerType.ROUNDED,
          granularity: CesiumMath.toRadians(0.02),
          vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
        }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(cesiumColor(RIVER_RIBBON)) },
      }),
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      asynchronous: false,
    }),
  ) as Primitive;
  const glow = scene.primitives.add(
    new Primitive({
      geometryInstances: new GeometryInstance({
        geometry: new PolylineGeometry({
          positions,
          width: 7,
          arcType: ArcType.NONE,
          vertexFormat: PolylineMaterialAppearance.VERTEX_FORMAT,
        }),
      }),
      appearance: new PolylineMaterialAppearance({
        material: Material.fromType('PolylineGlow', { color: cesiumColor(RIVER_GLOW), glowPower: 0.3, taperPower: 1 }),
      }),
      asynchronous: false,
    }),
  ) as Primitive;
  const labels = scene.primitives.add(new LabelCollection({ scene })) as LabelCollection;
  labels.add({
    text: river.name,
    font: RIVER_FONT,
    position: Cartesian3.fromDegrees(RIVER_LABEL_AT[0], RIVER_LABEL_AT[1], RIVER_HEIGHT),
    pixelOffset: new Cartesian2(34, 0),
    fillColor: cesiumColor(RIVER_LABEL),
    outlineColor: cesiumColor(LABEL_OUTLINE),
    outlineWidth: 5,
    style: LabelStyle.FILL_AND_OUTLINE,
    horizontalOrigin: HorizontalOrigin.LEFT,
    verticalOrigin: VerticalOrigin.CENTER,
    disableDepthTestDistance: Number.POSITIVE_INFINITY,
  });
  return {
    get ready() {
      return ribbon.ready && glow.ready;
    },
    labelTexts: [river.name],
    destroy() {
      for (const p of [ribbon, glow, labels]) scene.primitives.remove(p);
    },
  };
}
