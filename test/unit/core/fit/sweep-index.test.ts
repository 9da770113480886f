import { describe, expect, it } from 'vitest';
import { buildSweepIndex, sweepIndexBuffers } from '../../../../src/core/fit/sweep-index';
import { estimateGround } from '../../../../src/core/fit/estimate-ground';
import { buildGridIndex } from '../../../../src/core/fit/grid-index';
import { countPointsInBox } from '../../../../src/core/fit/count-points-in-box';
import { fromTranslation } from '../../../../src/core/math/mat4';
import { makeCloud, sampleGround, sampleVisibleFaces } from './synthetic-scene';

describe('buildSweepIndex', () => {
  // A car on flat ground 1.7 m below a roof-mounted sensor (sensor frame = ego frame lifted 1.7 m).
  const car = { position: [8, 2, 0.75] as const, size: [4.5, 1.9, 1.5] as const, yaw: 0.3 };
  const egoXyz = [...sampleGround(20, 0.25, () => 0), ...sampleVisibleFaces(car, [0, 0, 1.7], 0.1)];
  const sensorXyz = egoXyz.map((v, i) => (i % 3 === 2 ? v - 1.7 : v));
  const egoFromLidar = fromTranslation(0, 0, 1.7);
  const cloud = makeCloud(sensorXyz);

  it('gives the same ground and index as building them one by one', () => {
    const built = buildSweepIndex(cloud, egoFromLidar);
    expect(built.ground).toEqual(estimateGround(cloud, egoFromLidar));
    expect(built.index).toEqual(buildGridIndex(cloud, egoFromLidar));
    expect(countPointsInBox(built.index, car)).toBeGreaterThan(100);
  });

  it('crosses a worker boundary by transfer: every buffer listed once, detached on the sending side', () => {
    const built = buildSweepIndex(cloud, egoFromLidar);
    const buffers = sweepIndexBuffers(built);
    expect(buffers).toHaveLength(4);
    const expected = structuredClone(built);
    const received = structuredClone(built, { transfer: buffers });
    expect(received).toEqual(expected);
    expect(built.index.xyz.length).toBe(0);
    expect(built.ground.heights.length).toBe(0);
    expect(countPointsInBox(received.index, car)).toBe(countPointsInBox(expected.index, car));
  });
});
