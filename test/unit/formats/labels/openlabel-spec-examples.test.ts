import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';
import { expectClose } from './label-set-compare';

const DIR = fileURLToPath(new URL('../../../../../shared/data/openlabel/spec-examples/', import.meta.url));
const read = (name: string) => readOpenLabel(readFileSync(DIR + name, 'utf8'), name);

describe('OpenLABEL spec examples', () => {
  it('every file imports', () => {
    const names = readdirSync(DIR);
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(() => read(name), name).not.toThrow();
  });

  it('reads the Euler cuboid and the spelt-out one (traslation, val: null) as the same kind of box', () => {
    const { set, problems } = read('openlabel100_test_cuboids.json');
    expect(problems).toEqual([]);
    expect(set.tracks.map((t) => [t.id, t.classId])).toEqual([['car1', 'car'], ['car2', 'car']]); // prettier-ignore
    const [euler, spelt] = set.cuboids;
    expect(euler).toMatchObject({ trackId: 'car1', frameIndex: 0, position: [0, 20, -0.85], size: [1.5, 4.5, 1.7] });
    // (rx, ry, rz) = (0, 0.3, 0): R = Rz · Ry · Rx turns 0.3 rad about y, i.e. pitch.
    expect([euler!.yaw, euler!.pitch, euler!.roll].map((v) => +v.toFixed(12))).toEqual([0, 0.3, 0]);
    expect(spelt).toMatchObject({ trackId: 'car2', position: [0, 10, -0.85], size: [1.5, 4.5, 1.7] });
    // The quaternion (1, 0, 0, 0) read as (x, y, z, w) is half a turn about x: the same space as no turn.
    const cornerSet = (c: typeof spelt) => cuboidCorners(c!).map((p) => p.map((v) => (Math.round(v * 1e9) / 1e9 + 0).toFixed(9)).join(' ')).sort(); // prettier-ignore
    expect(cornerSet(spelt)).toEqual(cornerSet({ ...spelt!, yaw: 0, pitch: 0, roll: 0 }));
  });

  it('reads cameras with pinhole intrinsics, string times and a frame odometry transform', () => {
    const { set, problems } = read('openlabel100_test_create_streams_simple.json');
    expect(problems).toEqual([]);
    expect(set.scene.cameras.map((c) => [c.id, c.intrinsics.fx, c.width, c.distortion.model])).toEqual([
      ['Camera1', 1000, 640, 'none'],
      ['Camera2', 1000, 640, 'none'],
    ]);
    expect(set.scene.frames).toHaveLength(10);
    expect(set.scene.frames[0]!.timestampUs).toBe(Date.UTC(2020, 3, 11, 12, 0, 1) * 1000);
    // odom_to_vehicle-iso8855 maps odom points into the vehicle frame (X_dst = M · X_src).
    expectClose(set.scene.frames[6]!.worldFromEgo, [1, 0, 0, -20, 0, 1, 0, -20, 0, 0, 1, 0, 0, 0, 0, 1], 1e-12);
    expectClose(set.scene.frames[5]!.worldFromEgo, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], 1e-12);
  });

  it('reports cameras it cannot use and data it has no type for, and keeps objects as tracks', () => {
    const intrinsics = read('openlabel100_test_intrinsics.json');
    expect(intrinsics.set.scene.cameras).toEqual([]);
    expect(intrinsics.problems.map((p) => [p.code, p.place, p.message])).toEqual([
      ['openlabel.camera.unsupported', '/openlabel/streams/CAM_CUSTOM', 'a custom camera model Frustum does not know: camera left out'], // prettier-ignore
      ['openlabel.stream.no-pose', '/openlabel/streams/CAM_PINHOLE', 'no pose relative to the ego frame: camera left out'], // prettier-ignore
      ['openlabel.camera.unsupported', '/openlabel/streams/CAM_FISHEYE', "OpenLABEL's fisheye lens polynomial has no Frustum model: camera left out"], // prettier-ignore
    ]);
    const boxes2d = read('openlabel100_test_bbox_simple_attributes.json');
    expect(boxes2d.set.tracks.map((t) => t.id)).toEqual(['car1', 'car2', 'car3', 'bus1', 'zebracross1', 'semaphore1', 'semaphore2']); // prettier-ignore
    expect(boxes2d.set.tracks[0]!.attributes).toEqual({ color: 'white', model: 'unknown' });
    expect(boxes2d.set.tracks[1]!.attributes).toEqual({ truncated: true });
    expect(boxes2d.problems).toEqual([{ path: 'openlabel100_test_bbox_simple_attributes.json', code: 'openlabel.unsupported-geometry', place: '/openlabel', message: 'bbox data has no Frustum type: not imported', values: { kind: 'bbox' } }]); // prettier-ignore
    const dynamic = read('openlabel100_test_static_dynamic_object_1_1.json');
    expect(dynamic.set.scene.frames).toHaveLength(11);
    expect(dynamic.set.tracks).toMatchObject([{ id: 'line1', classId: '#LaneMarking' }]);
  });

  it('reads transforms given as a matrix or as Euler angles, on the frames that have them', () => {
    const { set } = read('openlabel100_test_transforms.json');
    expect(set.scene.frames).toHaveLength(12);
    expect(set.scene.frames[9]!.worldFromEgo).toBeUndefined();
    expectClose(set.scene.frames[10]!.worldFromEgo, [1, 0, 0, 0.1, 0, 1, 0, 0.1, 0, 0, 1, 0, 0, 0, 0, 1], 1e-15);
    expectClose(set.scene.frames[11]!.worldFromEgo, [1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1], 1e-15);
  });
});
