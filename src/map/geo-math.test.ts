import { describe, expect, it } from 'vitest';
import { Cartesian3, Cartographic, Matrix4, PerspectiveFrustum, Transforms, Math as CesiumMath } from 'cesium';
import { Viewport } from '@deck.gl/core';
import { circleRing, EnuFrame, lonLatToEcef, maxPixelError, multiplyMat4, zoomForPerspective } from './geo-math';

const CENTRE = [111.29, 30.7] as const;
/** City centre, the 13 label points, 高新区 and the river's dams/towns: 21 points across the city. */
const SAMPLES: [number, number][] = [
  [111.29, 30.7], [111.285646, 30.710781], [111.361037, 30.644334], [111.268119, 30.693247], [111.43462, 30.530903],
  [111.32638, 30.770006], [111.640508, 31.060869], [110.746804, 31.348196], [110.977711, 30.825897],
  [111.207242, 30.472763], [111.07374, 30.156741], [111.450096, 30.378299], [111.788312, 30.821266],
  [111.76053, 30.42594], [111.345, 30.705], [111.005, 30.823], [111.278, 30.738], [110.38, 31.04],
  [112.06, 30.31], [110.256, 29.943], [112.087, 31.57],
];

describe('lonLatToEcef / EnuFrame', () => {
  it('matches Cesium Cartesian3.fromDegrees to the millimetre', () => {
    for (const [lon, lat] of SAMPLES) {
      const ours = lonLatToEcef(lon, lat, 123);
      const theirs = Cartesian3.fromDegrees(lon, lat, 123);
      expect(Math.abs(ours[0] - theirs.x)).toBeLessThan(1e-3);
      expect(Math.abs(ours[1] - theirs.y)).toBeLessThan(1e-3);
      expect(Math.abs(ours[2] - theirs.z)).toBeLessThan(1e-3);
    }
  });

  it('its ENU→ECEF matrix equals Transforms.eastNorthUpToFixedFrame', () => {
    const frame = new EnuFrame(CENTRE[0], CENTRE[1]);
    const theirs = Matrix4.toArray(Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(CENTRE[0], CENTRE[1], 0)));
    frame.toEcefMatrix().forEach((v, i) => expect(Math.abs(v - theirs[i]!)).toBeLessThan(1e-6));
  });

  it('round-trips lon/lat through ENU and keeps points on the curved ellipsoid', () => {
    const frame = new EnuFrame(CENTRE[0], CENTRE[1]);
    const m = Matrix4.fromArray(frame.toEcefMatrix());
    for (const [lon, lat] of SAMPLES) {
      const enu = frame.fromLonLat(lon, lat, 0);
      const back = Cartographic.fromCartesian(Matrix4.multiplyByPoint(m, new Cartesian3(...enu), new Cartesian3()));
      expect(CesiumMath.toDegrees(back.longitude)).toBeCloseTo(lon, 8);
      expect(CesiumMath.toDegrees(back.latitude)).toBeCloseTo(lat, 8);
      expect(Math.abs(back.height)).toBeLessThan(1e-3);
    }
    // ~100 km from the origin the ground is ~800 m below the tangent plane: the frame must keep that.
    const far = frame.fromLonLat(110.38, 31.04);
    const dist = Math.hypot(far[0], far[1]);
    expect(far[2]).toBeCloseTo(-(dist * dist) / (2 * 6_371_000), -1.3);
  });
});

describe('multiplyMat4', () => {
  it('agrees with Cesium Matrix4.multiply', () => {
    const a = Matrix4.toArray(Matrix4.fromTranslation(new Cartesian3(1, 2, 3)));
    const b = Matrix4.toArray(Matrix4.fromUniformScale(2));
    const theirs = Matrix4.toArray(Matrix4.multiply(Matrix4.fromArray(a), Matrix4.fromArray(b), new Matrix4()));
    expect(multiplyMat4(a, b)).toEqual(theirs);
  });
});

/**
 * The camera-sync idea without a GPU: Cesium's camera (view matrix from a look-at, perspective frustum)
 * projected by Cesium's own maths vs a deck.gl Viewport given view·enuToEcef and the same projection.
 * The browser e2e test repeats this against the live Cesium scene (SceneTransforms).
 */
function cesiumProject(view: Matrix4, proj: Matrix4, w: number, h: number, lon: number, lat: number): [number, number] {
  const p = Cartesian3.fromDegrees(lon, lat, 0);
  const clip = Matrix4.multiplyByVector(Matrix4.multiply(proj, view, new Matrix4()), { x: p.x, y: p.y, z: p.z, w: 1 } as never, {
    x: 0,
    y: 0,
    z: 0,
    w: 0,
  } as never) as unknown as { x: number; y: number; w: number };
  return [((clip.x / clip.w + 1) / 2) * w, ((1 - clip.y / clip.w) / 2) * h];
}

function cameraAt(lon: number, lat: number, headingDeg: number, pitchDeg: number, range: number): Matrix4 {
  // Camera placed like Cesium's lookAt(target, HeadingPitchRange): ENU offset, then the view matrix.
  const target = Cartesian3.fromDegrees(lon, lat, 0);
  const enu = Transforms.eastNorthUpToFixedFrame(target);
  const hd = CesiumMath.toRadians(headingDeg);
  const pt = CesiumMath.toRadians(pitchDeg);
  const offset = new Cartesian3(
    -Math.sin(hd) * Math.cos(pt) * range,
    -Math.cos(hd) * Math.cos(pt) * range,
    -Math.sin(pt) * range,
  );
  const eye = Matrix4.multiplyByPoint(enu, offset, new Cartesian3());
  const up = Matrix4.multiplyByPointAsVector(enu, new Cartesian3(Math.sin(hd), Math.cos(hd), 0), new Cartesian3());
  const dir = Cartesian3.normalize(Cartesian3.subtract(target, eye, new Cartesian3()), new Cartesian3());
  const right = Cartesian3.normalize(Cartesian3.cross(dir, up, new Cartesian3()), new Cartesian3());
  const trueUp = Cartesian3.cross(right, dir, new Cartesian3());
  return Matrix4.computeView(eye, dir, trueUp, right, new Matrix4());
}

describe('deck.gl Viewport driven by Cesium matrices', () => {
  const frame = new EnuFrame(CENTRE[0], CENTRE[1]);
  const cases = [
    { name: 'overview, pitch -55°', cam: [111.17, 30.76, 0, -55, 260_000] as const, w: 1920, h: 1080 },
    { name: 'top-down', cam: [111.29, 30.7, 0, -90, 200_000] as const, w: 1200, h: 1200 },
    { name: 'close, rotated, pitch -35°', cam: [111.3, 30.68, 40, -35, 30_000] as const, w: 1600, h: 900 },
  ];
  for (const { name, cam, w, h } of cases) {
    it(`projects ${SAMPLES.length} points within 0.01 px of Cesium (${name})`, () => {
      const view = cameraAt(cam[0], cam[1], cam[2], cam[3], cam[4]);
      const frustum = new PerspectiveFrustum({ fov: CesiumMath.PI_OVER_THREE, aspectRatio: w / h, near: 1, far: 5e8 });
      const proj = frustum.projectionMatrix;
      const viewport = new Viewport({
        width: w,
        height: h,
        viewMatrix: multiplyMat4(Matrix4.toArray(view), frame.toEcefMatrix()),
        projectionMatrix: Matrix4.toArray(proj),
        // Only scales pixel-unit sizes; must not move anything.
        zoom: zoomForPerspective(cam[4], frustum.fovy!, h),
      });
      const visible = SAMPLES.map(([lon, lat]) => cesiumProject(view, proj, w, h, lon, lat));
      const deck = SAMPLES.map(([lon, lat]) => viewport.project(frame.fromLonLat(lon, lat, 0)));
      expect(maxPixelError(visible, deck)).toBeLessThan(0.01);
    });
  }
});

describe('circleRing', () => {
  it('is closed and has the requested radius', () => {
    const ring = circleRing([111.345, 30.705], 4, 64);
    expect(ring).toHaveLength(65);
    expect(ring[0]).toEqual(ring[64]);
    const frame = new EnuFrame(111.345, 30.705);
    for (const [lon, lat] of ring) {
      const [e, n] = frame.fromLonLat(lon, lat);
      expect(Math.hypot(e, n)).toBeGreaterThan(3990);
      expect(Math.hypot(e, n)).toBeLessThan(4010);
    }
  });
});

describe('maxPixelError', () => {
  it('treats missing or non-finite points as infinitely wrong', () => {
    expect(maxPixelError([[0, 0]], [[3, 4]])).toBe(5);
    expect(maxPixelError([[0, 0]], [[NaN, 0]])).toBe(Infinity);
    expect(maxPixelError([[0, 0]], [])).toBe(Infinity);
  });
});

describe('zoomForPerspective', () => {
  it('gives log2(pixels per metre) at the focus distance', () => {
    // 1000 px tall, 90° vertical fov, 500 m away: 1000 m visible → 1 px/m → zoom 0.
    expect(zoomForPerspective(500, Math.PI / 2, 1000)).toBeCloseTo(0, 10);
    expect(zoomForPerspective(250, Math.PI / 2, 1000)).toBeCloseTo(1, 10);
  });
});
