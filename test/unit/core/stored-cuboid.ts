import type { Cuboid } from '../../../src/core/model/labels';

/**
 * A stored box for tests: a manual keyframe of track `t` in scene `s`, a 4 × 2 × 1.5 m car at the origin facing
 * +x, id `c<frame>`; `fields` gives what a test cares about.
 */
export function storedCuboid(fields: Partial<Cuboid> & Pick<Cuboid, 'frameIndex'>): Cuboid {
  return {
    type: 'cuboid',
    id: `c${fields.frameIndex}`,
    sceneId: 's',
    trackId: 't',
    position: [0, 0, 0.8],
    size: [4, 2, 1.5],
    yaw: 0,
    pitch: 0,
    roll: 0,
    attributes: {},
    keyframe: true,
    source: { kind: 'manual' },
    ...fields,
  };
}
