import { describe, expect, it } from 'vitest';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';
import { expectClose } from './label-set-compare';

const file = (openlabel: object) => JSON.stringify({ openlabel: { metadata: { schema_version: '1.0.0' }, ...openlabel } }); // prettier-ignore
const cuboid = (val: number[] | null, cs?: string) => ({ name: 'box', val, ...(cs ? { coordinate_system: cs } : {}) });

describe('readOpenLabel', () => {
  it('reports cuboids without a positive size (KITTI DontCare rows) and skips them', () => {
    const text = file({
      objects: { '0': { name: 'dc', type: 'DontCare' }, '1': { name: 'car', type: 'Car' } },
      frames: {
        '0': {
          objects: {
            '0': { object_data: { cuboid: [cuboid([0, 0, 0, 0, 0, 0, -1, -1, -1])] } },
            '1': {
              object_data: { cuboid: [cuboid([5, 1, 0, 0, 0, 0.2, 4, 2, 1.5]), cuboid([1, 1, 1, 0, 0, 0, 1, 1, 1])] },
            },
          },
        },
      },
    });
    const { set, problems } = readOpenLabel(text, 'k.json');
    expect(set.cuboids.map((c) => c.trackId)).toEqual(['car']);
    expect(set.cuboids[0]!.yaw).toBeCloseTo(0.2, 15);
    expect(problems).toEqual([
      { path: 'k.json', code: 'openlabel.cuboid.nonpositive-size', place: '/openlabel/frames/0/objects/0/object_data/cuboid/0', message: 'size -1 × -1 × -1 is not above zero (no box, e.g. a KITTI DontCare region): skipped', values: { length: -1, width: -1, height: -1 } }, // prettier-ignore
      { path: 'k.json', code: 'openlabel.cuboid.extra', place: '/openlabel/frames/0/objects/1/object_data/cuboid', message: 'more than one cuboid: the first is kept' }, // prettier-ignore
    ]);
  });

  it('carries cuboids from a sensor frame and from the world into the ego frame of their frame', () => {
    const text = file({
      coordinate_systems: {
        odom: { type: 'scene_cs', parent: '', children: ['ego'] },
        ego: { type: 'local_cs', parent: 'odom', children: ['lidar'] },
        // The LiDAR sits 2 m up, turned a quarter turn left: X_ego = P · X_lidar.
        lidar: { type: 'sensor_cs', parent: 'ego', pose_wrt_parent: { euler_angles: [Math.PI / 2, 0, 0], translation: [0, 0, 2] } }, // prettier-ignore
      },
      objects: { '0': { name: 'a', type: 'car' }, '1': { name: 'b', type: 'car', coordinate_system: 'odom' } },
      frames: {
        '3': {
          frame_properties: { transforms: { pose: { src: 'ego', dst: 'odom', transform_src_to_dst: { quaternion: [0, 0, 0, 1], translation: [100, 0, 0] } } } }, // prettier-ignore
          objects: {
            '0': { object_data: { cuboid: [cuboid([10, 0, 0, 0, 0, 0, 4, 2, 1.5], 'lidar')] } },
            '1': { object_data: { cuboid: [cuboid([110, 5, 0, 0, 0, 0, 4, 2, 1.5])] } },
          },
        },
      },
    });
    const { set, problems } = readOpenLabel(text, 'w.json');
    expect(problems).toEqual([]);
    const [a, b] = set.cuboids;
    expectClose(a!.position, [0, 10, 2], 1e-12);
    expect(a!.yaw).toBeCloseTo(Math.PI / 2, 12);
    expectClose(b!.position, [10, 5, 0], 1e-12);
    expect(set.scene.frames).toHaveLength(4);
    expect(set.scene.frames[3]!.worldFromEgo?.[3]).toBe(100);
  });

  it('puts an object-level cuboid on every frame of the object, and reads actions on tracks as segments', () => {
    const text = file({
      objects: { '7': { name: 'sign', type: 'sign', frame_intervals: [{ frame_start: 1, frame_end: 2 }], object_data: { cuboid: [cuboid([3, 0, 1, 0, 0, 0, 0.1, 1, 1])] } } }, // prettier-ignore
      actions: { '0': { name: 'wave', type: 'waving', frame_intervals: [{ frame_start: 0, frame_end: 1 }, { frame_start: 3, frame_end: 3 }], action_data: { num: [{ name: 'speed', val: 2 }] } } }, // prettier-ignore
      relations: { '0': { name: 'r', type: 'isSubjectOfAction', rdf_subjects: [{ type: 'object', uid: '7' }], rdf_objects: [{ type: 'action', uid: '0' }] } }, // prettier-ignore
    });
    const { set } = readOpenLabel(text, 's.json');
    expect(set.cuboids.map((c) => c.frameIndex)).toEqual([1, 2]);
    expect(set.segments).toEqual([
      { type: 'segment', id: 'wave#0', sceneId: set.scene.id, trackId: 'sign', kind: 'waving', startFrame: 0, endFrame: 1, attributes: { speed: 2 } }, // prettier-ignore
      { type: 'segment', id: 'wave#1', sceneId: set.scene.id, trackId: 'sign', kind: 'waving', startFrame: 3, endFrame: 3, attributes: { speed: 2 } }, // prettier-ignore
    ]);
  });

  it('names the file when it is not OpenLABEL', () => {
    expect(() => readOpenLabel('{', 'x.json')).toThrow(/^x\.json: not valid JSON/);
    expect(() => readOpenLabel('{"labels": []}', 'x.json')).toThrow('x.json: /openlabel/metadata is missing');
    const bad = file({ objects: { '0': { name: 'a', type: 'car' } }, frames: { '0': { objects: { '0': { object_data: { cuboid: [cuboid([1, 2, 3])] } } } } } }); // prettier-ignore
    expect(readOpenLabel(bad, 'x.json').problems).toEqual([
      { path: 'x.json', code: 'openlabel.schema', place: '/openlabel/frames/0/objects/0/object_data/cuboid/0/val', message: 'must NOT have fewer than 9 items' }, // prettier-ignore
      { path: 'x.json', code: 'openlabel.cuboid.malformed', place: '/openlabel/frames/0/objects/0/object_data/cuboid/0', message: 'val must be 9 or 10 numbers: skipped' }, // prettier-ignore
    ]);
  });
});
