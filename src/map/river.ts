/**
 * The Yangtze (长江) from public/geo/yangtze-traced.geojson — an approximate hand-traced centreline (see
 * public/geo/README.md), drawn as a ribbon 1 km wide in metres (a `CorridorGeometry`, so it keeps its
 * true width as the camera moves) under a thin glowing centre line; its name goes to the label layer
 * (labels.ts) with the other names.
 */
import {
  ArcType,
  Cartesian3,
  ColorGeometryInstanceAttribute,
  CornerType,
  CorridorGeometry,
  GeometryInstance,
  Material,
  Math as CesiumMath,
  PerInstanceColorAppearance,
  PolylineGeometry,
  PolylineMaterialAppearance,
  Primitive,
  type Scene,
} from 'cesium';
import { cesiumColor } from './boundaries';
import type { RiverShape } from './geojson';
import type { MapLabelSpec } from './labels';
import { RIVER_GLOW, RIVER_LABEL, RIVER_RIBBON } from './map-style';

const RIBBON_WIDTH_M = 1000;
/** Between the unit fills (30 m) and the outlines (60 m): boundaries that follow the river stay on top. */
const RIVER_HEIGHT = 45;
/** Where the name goes: the open stretch between 猇亭 and 宜都, away from the district labels. */
export const RIVER_LABEL_AT: [number, number] = [111.52, 30.33];
export const RIVER_FONT = '500 24px "Noto Sans SC", sans-serif';

export interface RiverLayer {
  /** Every shown primitive is built (a hidden one is built when first shown). */
  readonly ready: boolean;
  /** Per scene (scene layer 'river'). */
  setVisible(visible: boolean): void;
  destroy(): void;
}

/** The river's name for the label layer: beside the ribbon (east first), last in line for space. */
export function riverLabel(river: RiverShape): MapLabelSpec {
  return {
    id: 'river',
    text: river.name,
    font: RIVER_FONT,
    fill: RIVER_LABEL,
    lon: RIVER_LABEL_AT[0],
    lat: RIVER_LABEL_AT[1],
    height: RIVER_HEIGHT,
    priority: 20,
    centred: false,
    prefer: ['e', 'se', 'ne'],
    leader: false,
  };
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
  return {
    get ready() {
      return [ribbon, glow].every((p) => !p.show || p.ready);
    },
    setVisible(visible) {
      if (ribbon.show === visible) return;
      ribbon.show = visible;
      glow.show = visible;
      scene.requestRender();
    },
    destroy() {
      for (const p of [ribbon, glow]) scene.primitives.remove(p);
    },
  };
}
