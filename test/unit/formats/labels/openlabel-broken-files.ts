/**
 * Small OpenLABEL files, each broken in one way, with the faults Frustum's schema must find (JSON path and
 * message) and the verdict of ASAM's published schema on the same file. Where the two differ, ours is
 * stricter on purpose: the standard documents the structure (16 matrix entries, both ends of an interval, a
 * box that says where it is), ASAM's schema leaves it unchecked, and Frustum's reader depends on it.
 */
export interface BrokenFile {
  name: string;
  make: () => unknown;
  /** [JSON path, message] of each fault, in the order they are found. */
  faults: [string, string][];
  /** Whether ASAM's schema accepts the file. */
  asam: boolean;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid file with one object (a cuboid per frame), two frames, a stream, a transform and a relation. */
export function validFile(): Json {
  return {
    openlabel: {
      metadata: { schema_version: '1.0.0', name: 'small' },
      coordinate_systems: {
        odom: { type: 'scene_cs', parent: '', children: ['vehicle-iso8855'] },
        'vehicle-iso8855': { type: 'local_cs', parent: 'odom', children: ['cam'] },
        cam: { type: 'sensor_cs', parent: 'vehicle-iso8855', pose_wrt_parent: { matrix4x4: [1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 2, 0, 0, 0, 1] } }, // prettier-ignore
      },
      streams: {
        cam: { type: 'camera', stream_properties: { intrinsics_pinhole: { width_px: 640, height_px: 480, camera_matrix: [500, 0, 320, 0, 0, 500, 240, 0, 0, 0, 1, 0], distortion_coeffs: [0, 0, 0, 0, 0] } } }, // prettier-ignore
      },
      objects: { '0': { name: 'car-1', type: 'car', frame_intervals: [{ frame_start: 0, frame_end: 1 }] } },
      actions: { '0': { name: 'turn', type: 'turning', frame_intervals: [{ frame_start: 0, frame_end: 1 }] } },
      relations: { '0': { name: 'r', type: 'isSubjectOfAction', rdf_subjects: [{ type: 'object', uid: '0' }], rdf_objects: [{ type: 'action', uid: '0' }] } }, // prettier-ignore
      frames: {
        '0': {
          frame_properties: { timestamp: 0.1, transforms: { 'vehicle-iso8855_to_odom': { src: 'vehicle-iso8855', dst: 'odom', transform_src_to_dst: { quaternion: [0, 0, 0, 1], translation: [5, 0, 0] } } } }, // prettier-ignore
          objects: { '0': { object_data: { cuboid: [{ name: 'box', val: [10, 2, 0.8, 0, 0, 0, 1, 4.2, 1.8, 1.5] }], num: [{ name: 'speed', val: 3 }] } } }, // prettier-ignore
        },
        '1': {
          frame_properties: { timestamp: 0.2 },
          objects: { '0': { object_data: { cuboid: [{ name: 'box', val: [11, 2, 0.8, 0, 0, 0.1, 4.2, 1.8, 1.5] }] } } }, // prettier-ignore
        },
      },
      frame_intervals: [{ frame_start: 0, frame_end: 1 }],
    },
  };
}

/** The valid file changed by `change`. */
function broken(change: (ol: Json) => void): () => unknown {
  return () => {
    const file = validFile();
    change(file['openlabel'] as Json);
    return file;
  };
}

const BOX0 = '/openlabel/frames/0/objects/0/object_data/cuboid/0';

export const BROKEN_FILES: BrokenFile[] = [
  {
    name: 'a cuboid val of 8 numbers',
    make: broken((ol) => (ol['frames']['0'].objects['0'].object_data.cuboid[0].val = [1, 2, 3, 4, 5, 6, 7, 8])),
    faults: [[`${BOX0}/val`, 'must NOT have fewer than 9 items']],
    asam: false,
  },
  {
    name: 'a cuboid val of 11 numbers',
    make: broken((ol) => ol['frames']['0'].objects['0'].object_data.cuboid[0].val.push(0)),
    faults: [[`${BOX0}/val`, 'must NOT have more than 10 items']],
    asam: false,
  },
  {
    name: 'a frame key "abc"',
    make: broken((ol) => (ol['frames']['abc'] = {})),
    faults: [['/openlabel/frames/abc', 'is not a frame number (frame keys are non-negative integers)']],
    asam: false,
  },
  {
    name: 'a negative frame key',
    make: broken((ol) => (ol['frames']['-1'] = {})),
    faults: [['/openlabel/frames/-1', 'is not a frame number (frame keys are non-negative integers)']],
    asam: false,
  },
  {
    name: 'a missing schema_version',
    make: broken((ol) => delete ol['metadata'].schema_version),
    faults: [['/openlabel/metadata', "must have required property 'schema_version'"]],
    asam: false,
  },
  {
    name: 'another schema_version',
    make: broken((ol) => (ol['metadata'].schema_version = '0.9.0')),
    faults: [['/openlabel/metadata/schema_version', 'must be equal to constant: "1.0.0"']],
    asam: false,
  },
  {
    name: 'a string where a number belongs',
    make: broken((ol) => (ol['frames']['0'].objects['0'].object_data.num[0].val = '3')),
    faults: [['/openlabel/frames/0/objects/0/object_data/num/0/val', 'must be number']],
    asam: false,
  },
  {
    name: 'a string inside a cuboid val',
    make: broken((ol) => (ol['frames']['1'].objects['0'].object_data.cuboid[0].val[3] = '0')),
    faults: [['/openlabel/frames/1/objects/0/object_data/cuboid/0/val/3', 'must be number']],
    asam: false,
  },
  {
    name: 'an object key that is neither an integer nor a UUID',
    make: broken((ol) => (ol['objects']['car'] = { name: 'x', type: 'car' })),
    faults: [['/openlabel/objects/car', 'is not an element key (an integer or a UUID)']],
    asam: false,
  },
  {
    name: 'an object without a type',
    make: broken((ol) => delete ol['objects']['0'].type),
    faults: [['/openlabel/objects/0', "must have required property 'type'"]],
    asam: false,
  },
  {
    name: 'a property an object may not have',
    make: broken((ol) => (ol['objects']['0'].colour = 'red')),
    faults: [['/openlabel/objects/0/colour', 'is not allowed here']],
    asam: false,
  },
  {
    name: 'relation subjects that are no list',
    make: broken((ol) => (ol['relations']['0'].rdf_subjects = { type: 'object', uid: '0' })),
    faults: [['/openlabel/relations/0/rdf_subjects', 'must be array']],
    asam: false,
  },
  {
    name: 'a quaternion transform without its translation',
    make: broken((ol) => delete ol['frames']['0'].frame_properties.transforms['vehicle-iso8855_to_odom'].transform_src_to_dst.translation), // prettier-ignore
    faults: [['/openlabel/frames/0/frame_properties/transforms/vehicle-iso8855_to_odom/transform_src_to_dst', "must have required property 'translation'"]], // prettier-ignore
    asam: false,
  },
  {
    name: 'a timestamp that is neither a number nor a string',
    make: broken((ol) => (ol['frames']['1'].frame_properties.timestamp = true)),
    faults: [['/openlabel/frames/1/frame_properties/timestamp', 'must be string,number']],
    asam: false,
  },
  {
    name: 'a stream type the standard does not name',
    make: broken((ol) => (ol['streams'].cam.type = 'webcam')),
    faults: [['/openlabel/streams/cam/type', 'must be equal to one of the allowed values: camera, lidar, radar, gps_imu, other']], // prettier-ignore
    asam: false,
  },
  {
    name: 'a 4×4 matrix of 15 numbers (stricter than ASAM)',
    make: broken((ol) => ol['coordinate_systems'].cam.pose_wrt_parent.matrix4x4.pop()),
    faults: [['/openlabel/coordinate_systems/cam/pose_wrt_parent/matrix4x4', 'must NOT have fewer than 16 items']],
    asam: true,
  },
  {
    name: 'a frame interval without its end (stricter than ASAM)',
    make: broken((ol) => delete ol['objects']['0'].frame_intervals[0].frame_end),
    faults: [['/openlabel/objects/0/frame_intervals/0', "must have required property 'frame_end'"]],
    asam: true,
  },
  {
    name: 'a spelt-out cuboid (val null) without a size (stricter than ASAM)',
    make: broken((ol) => (ol['frames']['0'].objects['0'].object_data.cuboid[0] = { name: 'box', val: null, translation: [1, 2, 3], quaternion: [0, 0, 0, 1] })), // prettier-ignore
    faults: [[BOX0, "must have required property 'size'"]],
    asam: true,
  },
  {
    name: 'a pinhole camera matrix of 9 numbers (stricter than ASAM)',
    make: broken((ol) => (ol['streams'].cam.stream_properties.intrinsics_pinhole.camera_matrix = [500, 0, 320, 0, 500, 240, 0, 0, 1])), // prettier-ignore
    faults: [['/openlabel/streams/cam/stream_properties/intrinsics_pinhole/camera_matrix', 'must NOT have fewer than 12 items']], // prettier-ignore
    asam: true,
  },
  {
    name: 'an Euler sequence that is not three axes (stricter than ASAM)',
    make: broken((ol) => (ol['coordinate_systems'].cam.pose_wrt_parent = { euler_angles: [0, 0, 0], translation: [0, 0, 0], sequence: 'ZYQ' })), // prettier-ignore
    faults: [['/openlabel/coordinate_systems/cam/pose_wrt_parent/sequence', 'must match pattern "^[XYZxyz]{3}$"']],
    asam: true,
  },
  {
    name: "a file-level frame interval with a string start (ASAM's schema misses it)",
    make: broken((ol) => (ol['frame_intervals'][0].frame_start = '0')),
    faults: [['/openlabel/frame_intervals/0/frame_start', 'must be integer']],
    asam: true,
  },
];
