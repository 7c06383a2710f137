import { describe, expect, it } from 'vitest';
import { Cartesian3, Event, Math as CesiumMath, Matrix4, PerspectiveFrustum, type Scene } from 'cesium';
import type { Deck } from '@deck.gl/core';
import { attachCameraSync, linkedViewState, sameLinkedView, type CesiumLinkedView } from './camera-sync';
import { EnuFrame } from './geo-math';

/** Enough of a Cesium scene for the sync: a camera (real Cesium maths) and the postRender event. */
function fakeScene(eyeHeight: number) {
  const eye = Cartesian3.fromDegrees(111.29, 30.7, eyeHeight);
  const down = Cartesian3.negate(Cartesian3.normalize(eye, new Cartesian3()), new Cartesian3());
  const camera = {
    viewMatrix: Matrix4.computeView(eye, down, Cartesian3.UNIT_Z, Cartesian3.cross(down, Cartesian3.UNIT_Z, new Cartesian3()), new Matrix4()),
    frustum: new PerspectiveFrustum({ fov: CesiumMath.PI_OVER_THREE, aspectRatio: 16 / 9, near: 1, far: 5e8 }),
    positionWC: eye,
    directionWC: down,
    positionCartographic: { height: eyeHeight },
  };
  const postRender = new Event();
  return { scene: { camera, canvas: { clientHeight: 1080 }, postRender } as unknown as Scene, camera, postRender };
}

function fakeDeck() {
  const calls = { setProps: 0, redraw: 0 };
  const deck = {
    setProps: () => void calls.setProps++,
    redraw: () => void calls.redraw++,
  } as unknown as Deck<CesiumLinkedView>;
  return { deck, calls };
}

const frame = new EnuFrame(111.29, 30.7, 0);

describe('sameLinkedView', () => {
  it('is true for the same camera read twice and false once anything moves', () => {
    const { scene, camera } = fakeScene(12_000);
    const a = linkedViewState(scene, frame);
    expect(sameLinkedView(a, linkedViewState(scene, frame))).toBe(true);
    camera.frustum.aspectRatio = 32 / 9; // the box was resized
    expect(sameLinkedView(a, linkedViewState(scene, frame))).toBe(false);
    const { scene: higher } = fakeScene(12_001);
    expect(sameLinkedView(a, linkedViewState(higher, frame))).toBe(false);
  });
});

describe('attachCameraSync', () => {
  it('redraws deck.gl on Cesium frames that moved the camera, and only on those; every frame is reported', () => {
    const { scene, camera, postRender } = fakeScene(12_000);
    const { deck, calls } = fakeDeck();
    let synced = 0;
    const views: number[] = [];
    const detach = attachCameraSync(scene, deck, frame, () => synced++, (v) => views.push(v.focalDistance));
    postRender.raiseEvent(); // first frame: drawn
    postRender.raiseEvent(); // tiles arrived, camera still: not redrawn
    postRender.raiseEvent();
    expect(calls).toEqual({ setProps: 1, redraw: 1 });
    camera.viewMatrix = Matrix4.multiplyByTranslation(camera.viewMatrix, new Cartesian3(0, 10, 0), new Matrix4());
    postRender.raiseEvent(); // the camera moved: drawn in the same frame
    expect(calls).toEqual({ setProps: 2, redraw: 2 });
    expect(views).toHaveLength(2);
    expect(synced).toBe(4);
    detach();
    postRender.raiseEvent();
    expect(synced).toBe(4);
  });
});
