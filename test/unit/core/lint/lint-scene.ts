import { fromTranslation, type Vec3 } from '../../../../src/core/math/mat4';
import type { Cuboid, Track } from '../../../../src/core/model/labels';
import type { LintInput } from '../../../../src/core/lint/finding';
import { generalDriving } from '../../../../src/core/model/default-ontology';

export const FRAMES = 30;

/**
 * A clean scene to break one way at a time: 30 frames at 10 Hz while the ego drives along x at 5 m/s (so that
 * speeds are measured in the world), a car passing at 10 m/s four metres to the left, a parked car, and a
 * pedestrian walking at 1.5 m/s; every box on the ground (z = 0), every attribute the general ontology asks for.
 */
export function cleanScene(): LintInput & { tracks: Track[]; cuboids: Cuboid[] } {
  const frames = Array.from({ length: FRAMES }, (_, i) => ({
    index: i,
    timestampUs: i * 100_000,
    worldFromEgo: fromTranslation(0.5 * i, 0, 0),
    lidar: [],
    cameras: [],
  }));
  const tracks: Track[] = [
    track('moving', 'car'),
    track('parked', 'car'),
    { ...track('walker', 'pedestrian'), attributes: { child: false } },
  ];
  const cuboids: Cuboid[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const ego = 0.5 * i;
    // World positions, made ego-relative as stored labels are.
    cuboids.push(box('moving', i, [5 + 1.0 * i - ego, 4, 0.8], [4.5, 1.85, 1.6], 0));
    cuboids.push(box('parked', i, [30 - ego, -5, 0.8], [4.4, 1.8, 1.5], Math.PI / 2));
    cuboids.push(box('walker', i, [12 - ego, -8 + 0.15 * i, 0.875], [0.7, 0.7, 1.75], Math.PI / 2));
  }
  return { scene: { frames }, tracks, cuboids, ontology: generalDriving };
}

function track(id: string, classId: string): Track {
  return { type: 'track', id, sceneId: 's', classId, attributes: { emergency: false }, rigid: true };
}

export function box(trackId: string, frameIndex: number, position: Vec3, size: Vec3, yaw: number): Cuboid {
  return {
    type: 'cuboid',
    id: `${trackId}#${frameIndex}`,
    sceneId: 's',
    trackId,
    frameIndex,
    position,
    size,
    yaw,
    pitch: 0,
    roll: 0,
    attributes: { occluded: 'none' },
    keyframe: true,
    source: { kind: 'manual' },
  };
}

/** The scene with the boxes of one track on some frames changed by `edit`. */
export function editBoxes(
  input: ReturnType<typeof cleanScene>,
  trackId: string,
  frames: (f: number) => boolean,
  edit: (c: Cuboid) => Partial<Cuboid>,
): ReturnType<typeof cleanScene> {
  const cuboids = input.cuboids.map((c) => (c.trackId === trackId && frames(c.frameIndex) ? { ...c, ...edit(c) } : c));
  return { ...input, cuboids };
}
