/**
 * White-box buildings as ONE non-instanced triangle draw per tile, lit by deck.gl's LightingEffect.
 *
 * Why not SolidPolygonLayer (extruded): its walls are an instanced draw, one instance per footprint
 * vertex — ~230k instances for the central city — and a GPU-less wall renders with SwiftShader, whose
 * cost grows with the instance count (facility-gl-layers.ts). Here the mesh is built once in the tile
 * worker (roof fan + walls, per-face normals: base-tiles-decode.ts) and drawn as a plain triangle list;
 * the lighting is deck's own Gouraud material module, so a `LightingEffect` on the Deck lights it.
 *
 * Depth: the layer writes depth. Layers drawn after it with a depth test (BUILDING_OCCLUDED_PARAMETERS)
 * are hidden behind buildings: honest occlusion of facilities and pings by the city model.
 */
import {
  AmbientLight,
  DirectionalLight,
  gouraudMaterial,
  Layer,
  LightingEffect,
  project32,
  type DefaultProps,
  type LayerProps,
  type UpdateParameters,
} from '@deck.gl/core';
import { Model } from '@luma.gl/engine';

const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME citywall-building-layer-vs
in vec3 positions;
in vec4 normals;
in vec4 colors;
out vec4 vColor;
void main(void) {
  geometry.worldPosition = positions;
  gl_Position = project_position_to_clipspace(positions, vec3(0.0), vec3(0.0), geometry.position);
  vec3 normal = project_normal(normals.xyz);
  geometry.normal = normal;
  vec3 lit = lighting_getLightColor(colors.rgb, project.cameraPosition, geometry.position.xyz, normal);
  vColor = vec4(lit, colors.a * layer.opacity);
}
`;

const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME citywall-building-layer-fs
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main(void) {
  fragColor = vColor;
}
`;

/** Binary mesh data: `length` vertices, three per triangle. */
export interface BuildingMeshData {
  length: number;
  attributes: {
    getPosition: { value: Float32Array; size: 3 };
    getNormal: { value: Int8Array; size: 4; normalized: true };
    getColor: { value: Uint8Array; size: 4; normalized: true };
  };
}

/** Matte, a little ambient-heavy: white boxes should read as volumes, never glare on a dark wall. */
export const BUILDING_MATERIAL = { ambient: 0.55, diffuse: 0.75, shininess: 12, specularColor: [40, 48, 60] as [number, number, number] };

type BuildingLayerProps = { material?: typeof BUILDING_MATERIAL };

const defaultProps: DefaultProps<BuildingLayerProps> = {
  material: { type: 'object', value: BUILDING_MATERIAL },
};

export class BuildingLayer extends Layer<BuildingLayerProps & LayerProps> {
  static override layerName = 'BuildingLayer';
  static override componentName = 'BuildingLayer';
  static override defaultProps = defaultProps;
  declare state: { model?: Model };

  override getShaders() {
    return super.getShaders({ vs, fs, modules: [project32, gouraudMaterial] });
  }

  override initializeState(): void {
    this.getAttributeManager()!.add({
      positions: { size: 3, type: 'float32', accessor: 'getPosition' },
      normals: { size: 4, type: 'snorm8', accessor: 'getNormal', defaultValue: [0, 0, 127, 0] },
      colors: { size: 4, type: 'unorm8', accessor: 'getColor', defaultValue: [255, 255, 255, 255] },
    });
  }

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (!this.state.model) {
      this.setState({
        model: new Model(this.context.device, {
          ...this.getShaders(),
          id: this.props.id,
          bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
          topology: 'triangle-list',
          vertexCount: 0,
          isInstanced: false,
        }),
      });
    }
  }

  override draw(): void {
    const model = this.state.model;
    if (!model) return;
    model.setVertexCount(this.getNumInstances());
    model.draw(this.context.renderPass);
  }

  override finalizeState(context: Parameters<Layer['finalizeState']>[0]): void {
    super.finalizeState(context);
    this.state.model?.destroy();
  }
}

/**
 * Ambient plus one directional "sun" from the south-west, high: roofs brightest, south and west walls
 * (the ones a north-up camera sees) mid, the rest dim. Subtle on purpose: a command wall is dark.
 */
export function createBuildingLighting(): LightingEffect {
  return new LightingEffect({
    ambient: new AmbientLight({ color: [255, 255, 255], intensity: 0.9 }),
    sun: new DirectionalLight({ color: [255, 248, 235], intensity: 0.8, direction: [0.55, 0.75, -1.4] }),
    fill: new DirectionalLight({ color: [150, 180, 255], intensity: 0.25, direction: [-0.6, -0.4, -0.6] }),
  });
}

/** The parameters buildings draw with: depth tested and written, back faces culled (closed boxes). */
export const BUILDING_PARAMETERS = { depthWriteEnabled: true, depthCompare: 'less-equal', cullMode: 'back' } as const;

/**
 * For a deck layer drawn after the buildings that must be hidden behind them (facilities, pings): depth
 * tested against the buildings, not writing depth itself (so it never hides another overlay layer).
 */
export const BUILDING_OCCLUDED_PARAMETERS = { depthCompare: 'less-equal', depthWriteEnabled: false } as const;
