/**
 * Two small deck.gl layers for hundreds of thousands of facilities: `FacilityPointLayer` draws every row
 * as one GL point (`point-list`), `FacilityLineLayer` every segment as one GL line (`line-list`), each in
 * ONE non-instanced draw call.
 *
 * Why not ScatterplotLayer / LineLayer: those are instanced (a quad per row). A command wall without a
 * GPU renders with SwiftShader, whose cost grows with the instance count far more than with the vertex
 * count: 357k instanced manholes took 6–10 s per frame at 1920x1080 on the CI machine; 2M points + 500k
 * segments draw 14–21× faster this way than as deck's instanced layers (`npm run bench -- --only
 * facility-frame`, docs/bench.md).
 * With a GPU either works; the wall must also stay live on the kiosk PC's software fallback.
 *
 * What the layers do not do: GPU picking (picking is done on the CPU from the columns, facility-pick.ts:
 * a software picking pass would cost another full draw), per-row sizes (one size per layer, in pixels),
 * 64-bit positions (the ENU metres from the decode worker are Float32 and within ~30 km of the origin).
 *
 * Attributes are binary (`data.attributes`), so a status change is a partial upload of the colour
 * attribute (deck-status.ts), never a rebuild.
 */
import { Layer, project32, type DefaultProps, type LayerProps, type UpdateParameters } from '@deck.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';

interface FacilityGlUniforms {
  sizePixels: number;
  round: number;
  flowPhase: number;
  flowing: number;
}

const uniformBlock = /* glsl */ `\
layout(std140) uniform facilityGlUniforms {
  float sizePixels;
  float round;
  float flowPhase;
  float flowing;
} facilityGl;
`;

const facilityGlUniforms = {
  name: 'facilityGl',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: { sizePixels: 'f32', round: 'f32', flowPhase: 'f32', flowing: 'f32' },
} as const satisfies ShaderModule<FacilityGlUniforms>;

const pointVs = /* glsl */ `\
#version 300 es
#define SHADER_NAME facility-point-layer-vs
in vec3 positions;
in vec4 colors;
out vec4 vColor;
void main(void) {
  geometry.worldPosition = positions;
  gl_Position = project_position_to_clipspace(positions, vec3(0.0), vec3(0.0), geometry.position);
  gl_PointSize = facilityGl.sizePixels * project.devicePixelRatio;
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  // Fully transparent rows (hidden by a filter colour) cost no fragments.
  if (vColor.a == 0.0) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
}
`;

const pointFs = /* glsl */ `\
#version 300 es
#define SHADER_NAME facility-point-layer-fs
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main(void) {
  if (facilityGl.round > 0.5) {
    vec2 d = gl_PointCoord - vec2(0.5);
    if (dot(d, d) > 0.25) discard;
  }
  fragColor = vColor;
}
`;

const lineVs = /* glsl */ `\
#version 300 es
#define SHADER_NAME facility-line-layer-vs
in vec3 positions;
in vec4 colors;
in float distances;
out vec4 vColor;
out float vDistance;
void main(void) {
  geometry.worldPosition = positions;
  gl_Position = project_position_to_clipspace(positions, vec3(0.0), vec3(0.0), geometry.position);
  vColor = vec4(colors.rgb, colors.a * layer.opacity);
  vDistance = distances;
  if (vColor.a == 0.0) gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
}
`;

/** Flow: bright dashes travelling along the segment (metres along it), brightening the base colour. */
const lineFs = /* glsl */ `\
#version 300 es
#define SHADER_NAME facility-line-layer-fs
precision highp float;
in vec4 vColor;
in float vDistance;
out vec4 fragColor;
void main(void) {
  vec4 c = vColor;
  if (facilityGl.flowing > 0.5) {
    float t = fract((vDistance - facilityGl.flowPhase) / 60.0);
    float dash = smoothstep(0.0, 0.15, t) * (1.0 - smoothstep(0.35, 0.5, t));
    c = vec4(mix(c.rgb, vec3(1.0), 0.55 * dash), min(1.0, c.a * (1.0 + 1.6 * dash)));
  }
  fragColor = c;
}
`;

/** Binary data for a facility GL layer: `length` vertices (one per point, two per segment). */
export interface FacilityGlData {
  length: number;
  attributes: {
    /** Float32 xyz per vertex (CARTESIAN metres in the map's ENU frame). */
    getPosition: { value: Float32Array; size: 3 };
    /** RGBA bytes per vertex (the status buffer's colours). */
    getColor: { value: Uint8Array; size: 4; normalized: true };
    /** Lines only: metres along the network per vertex (for the flow animation). */
    getDistance?: { value: Float32Array; size: 1 };
  };
}

type FacilityGlProps = {
  getPosition?: unknown;
  getColor?: unknown;
  getDistance?: unknown;
  /** Point diameter in CSS pixels (points only). */
  sizePixels?: number;
  /** Round points (a discard per fragment) or squares. */
  round?: boolean;
  /** Lines only: animate the flow, `flowPhase` in metres along the network. */
  flowing?: boolean;
  flowPhase?: number;
};

const defaultProps: DefaultProps<FacilityGlProps> = {
  // Binary data normally supplies these; the defaults keep a layer without (say) distances drawable.
  getPosition: { type: 'accessor', value: (x: { position: number[] }) => x.position },
  getColor: { type: 'accessor', value: [255, 255, 255, 255] },
  getDistance: { type: 'accessor', value: 0 },
  sizePixels: { type: 'number', min: 0, value: 4 },
  round: true,
  flowing: false,
  flowPhase: { type: 'number', value: 0 },
};

abstract class FacilityGlLayer extends Layer<FacilityGlProps & LayerProps> {
  static override defaultProps = defaultProps;
  declare state: { model?: Model };

  protected abstract readonly topology: 'point-list' | 'line-list';
  protected abstract shaders(): { vs: string; fs: string };

  override getShaders() {
    return super.getShaders({ ...this.shaders(), modules: [project32, facilityGlUniforms] });
  }

  override initializeState(): void {
    // Non-instanced: one vertex per point / two per segment, all in one draw.
    this.getAttributeManager()!.add({
      positions: { size: 3, type: 'float32', accessor: 'getPosition' },
      colors: { size: 4, type: 'unorm8', accessor: 'getColor', defaultValue: [255, 255, 255, 255] },
      ...(this.topology === 'line-list' ? { distances: { size: 1, type: 'float32', accessor: 'getDistance', defaultValue: 0 } } : {}),
    });
  }

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (!this.state.model) this.setState({ model: this.createModel() });
  }

  private createModel(): Model {
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
      topology: this.topology,
      vertexCount: 0,
      isInstanced: false,
    });
  }

  override draw(): void {
    const model = this.state.model;
    if (!model) return;
    const { sizePixels = 4, round = true, flowing = false, flowPhase = 0 } = this.props;
    model.setVertexCount(this.getNumInstances());
    model.shaderInputs.setProps({ facilityGl: { sizePixels, round: round ? 1 : 0, flowing: flowing ? 1 : 0, flowPhase } });
    model.draw(this.context.renderPass);
  }

  override finalizeState(context: Parameters<Layer['finalizeState']>[0]): void {
    super.finalizeState(context);
    this.state.model?.destroy();
  }
}

export class FacilityPointLayer extends FacilityGlLayer {
  static override layerName = 'FacilityPointLayer';
  static override componentName = 'FacilityPointLayer';
  protected readonly topology = 'point-list' as const;
  protected override shaders() {
    return { vs: pointVs, fs: pointFs };
  }
}

/** Two vertices per segment (start, end): `data.length` is the vertex count, twice the segments. */
export class FacilityLineLayer extends FacilityGlLayer {
  static override layerName = 'FacilityLineLayer';
  static override componentName = 'FacilityLineLayer';
  protected readonly topology = 'line-list' as const;
  protected override shaders() {
    return { vs: lineVs, fs: lineFs };
  }
}
