import { describe, expect, it } from 'vitest';
import { Matrix4, PerspectiveCamera } from 'three';
import { pickCloudPoint } from '../../../src/render/pick-cloud-point';

/** A camera 10 m behind the origin looking along +x (z up), 400 × 300 pixels; clip from sensor for it. */
function view() {
  const camera = new PerspectiveCamera(60, 4 / 3, 0.1, 500);
  camera.up.set(0, 0, 1);
  camera.position.set(-10, 0, 0);
  camera.lookAt(0, 0, 0);
  camera.updateMatrixWorld();
  const clip = new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
  return { clip: clip.elements, at: (x: number, y: number) => ({ x, y, width: 400, height: 300 }) };
}

describe('pickCloudPoint', () => {
  it('picks the point drawn under the pointer, the one in front where two line up, none where nothing is near', () => {
    const { clip, at } = view();
    // Point 0 at the centre of the view, point 1 straight behind it, point 2 well to the left (+y).
    const positions = new Float32Array([0, 0, 0, 20, 0, 0, 0, 5, 0]);
    const cloud = { positions, count: 3 };
    expect(pickCloudPoint(cloud, clip, at(200, 150))).toBe(0);
    expect(pickCloudPoint(cloud, clip, at(203, 152))).toBe(0);
    expect(pickCloudPoint(cloud, clip, at(200, 60))).toBeUndefined();
    const left = pickCloudPoint(cloud, clip, at(200 - (400 * 0.5 * (5 / 10)) / Math.tan(Math.PI / 6) / (4 / 3), 150));
    expect(left).toBe(2);
  });

  it('reads positions at the records’ stride when the sweep is interleaved', () => {
    const { clip, at } = view();
    const records = new Float32Array([0, 5, 0, 0.1, 0, 0, 0, 0.9]);
    const cloud = { positions: records, count: 2, interleaved: { records, stride: 4 } };
    expect(pickCloudPoint(cloud as never, clip, at(200, 150))).toBe(1);
  });
});
