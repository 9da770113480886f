import { fromPose, multiply } from '../../../../src/core/math/mat4';
import { createRandom, type Random } from '../../../../src/core/math/random';
import type { AttributeValue, Cuboid, CuboidSource, TimeSegment, Track } from '../../../../src/core/model/labels';
import type { LabelSet } from '../../../../src/core/model/label-set';
import type { CameraSensor, Distortion, Frame } from '../../../../src/core/model/scene';

const TEXTS = ['左转', 'Ünïcödé 🚗', 'a, "quoted" one', 'line\nbreak', ' padded ', '多行,文本', 'x'];
const CLASSES = ['car', 'truck', 'pedestrian', 'cyclist', 'traffic_cone', 'tram'];
const KINDS = ['lane_change', 'braking', 'parked', 'turning'];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, lo: number, hi: number) => lo + random() * (hi - lo);

/** A few attributes of every kind: Unicode text, numbers of any scale, booleans. */
function attributes(random: Random, prefix: string): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  const n = Math.floor(random() * 4);
  for (let i = 0; i < n; i++) {
    const kind = pick(random, ['text', 'number', 'boolean']);
    out[`${prefix}_${i}`] =
      kind === 'text' ? pick(random, TEXTS) : kind === 'number' ? between(random, -1e4, 1e4) : random() < 0.5;
  }
  return out;
}

/** A yaw, often within a hair of ±π where wrapping bugs live. */
function yaw(random: Random): number {
  const r = random();
  if (r < 0.2) return Math.PI - random() * 1e-9;
  if (r < 0.4) return -Math.PI + 1e-9 + random() * 1e-9;
  return between(random, -Math.PI, Math.PI);
}

/** Tiny, ordinary or huge: metres, [l, w, h]. */
function size(random: Random): [number, number, number] {
  const r = random();
  if (r < 0.15) return [0.01 + random() * 0.01, 0.01 + random() * 0.01, 0.01 + random() * 0.01];
  if (r < 0.3) return [between(random, 20, 60), between(random, 3, 10), between(random, 3, 8)];
  return [between(random, 0.5, 6), between(random, 0.5, 2.5), between(random, 0.5, 3)];
}

function camera(random: Random, i: number): CameraSensor {
  // Camera axes on the ego's, turned a little, 1.5 m up; an offset reference frame now and then (KITTI's).
  const axes = [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1];
  const mount = fromPose([between(random, 0, 2), between(random, -0.5, 0.5), 1.5], between(random, -0.05, 0.05), between(random, -0.05, 0.05)); // prettier-ignore
  const cameraFromEgo = multiply(axes, invert(mount));
  const model = pick(random, ['none', 'radtan', 'fisheye'] as const);
  const distortion: Distortion =
    model === 'none'
      ? { model }
      : model === 'radtan'
        ? { model, k1: between(random, -0.3, 0.1), k2: between(random, -0.05, 0.05), p1: 1e-4, p2: -2e-4, k3: 0.001 }
        : { model, k1: 0.05, k2: -0.01, k3: 0.002, k4: -0.0003 };
  const f = between(random, 500, 2000);
  return {
    id: `cam_${i}`,
    name: `相机 ${i}`,
    cameraFromEgo,
    ...(random() < 0.5 ? { referenceFromCamera: [1, 0, 0, -0.06, 0, 1, 0, 0.0003, 0, 0, 1, -0.003, 0, 0, 0, 1] } : {}),
    intrinsics: { fx: f, fy: f * between(random, 0.98, 1.02), cx: 960, cy: 540, skew: 0 },
    width: 1920,
    height: 1080,
    distortion,
  };
}

function invert(m: readonly number[]): number[] {
  const [r00, r01, r02, tx, r10, r11, r12, ty, r20, r21, r22, tz] = m as number[];
  return [r00!, r10!, r20!, -(r00! * tx! + r10! * ty! + r20! * tz!), r01!, r11!, r21!, -(r01! * tx! + r11! * ty! + r21! * tz!), r02!, r12!, r22!, -(r02! * tx! + r12! * ty! + r22! * tz!), 0, 0, 0, 1]; // prettier-ignore
}

function source(random: Random, keyframe: boolean): CuboidSource {
  if (!keyframe) return { kind: 'interpolated' };
  const r = random();
  if (r < 0.2) return { kind: 'prelabel', model: 'centerpoint 中', version: '2.1', score: random() };
  return r < 0.35 ? { kind: 'propagated' } : { kind: 'manual' };
}

/**
 * A track's dataset id and name, from the seed alone (so the random stream, and every other property, stays as it
 * was): none, a KITTI-like integer, a nuScenes-like token, a UUID, or text with a user's Unicode name.
 */
function identity(seed: number, t: number): Pick<Track, 'externalId' | 'name'> {
  switch ((seed + t) % 5) {
    case 1:
      return { externalId: String(seed * 7 + t) };
    case 2:
      return { externalId: `${seed.toString(16)}${t}${'c0ffee'.repeat(6)}`.slice(0, 32) };
    case 3:
      return { externalId: `${String(seed).padStart(8, '0')}-0000-4000-8000-${String(t).padStart(12, '0')}` };
    case 4:
      return { externalId: `obj ${t}, "左"`, name: `Bus ${t} 车` };
    default:
      return {};
  }
}

/**
 * A random scene with random tracks, for round-trip tests: 2–8 frames with µs times (with or without ego
 * poses), a LiDAR, one or two cameras of any lens model, 1–6 tracks over contiguous runs of frames with boxes
 * in front of the cameras (yaw near ±π, tiny and huge sizes, pitch and roll), Unicode attribute text, dataset
 * ids and names on some tracks, and 0–3 time segments. Rigid tracks keep one size; the others change size on every frame.
 */
export function randomLabelSet(seed: number): LabelSet {
  const random = createRandom(seed);
  const sceneId = `scene-${seed}`;
  const posed = random() < 0.6;
  const frameCount = 2 + Math.floor(random() * 7);
  const cameras = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, i) => camera(random, i));
  const frames: Frame[] = Array.from({ length: frameCount }, (_, index) => {
    const timestampUs = 1_700_000_000_000_000 + index * 100_000 + Math.floor(random() * 1000);
    return {
      index,
      timestampUs,
      ...(posed ? { worldFromEgo: fromPose([between(random, -1e4, 1e4), between(random, -1e4, 1e4), between(random, -50, 50)], yaw(random), between(random, -0.1, 0.1), between(random, -0.1, 0.1)) } : {}), // prettier-ignore
      lidar: [{ sensorId: 'top', timestampUs, uri: `lidar/${String(index).padStart(6, '0')}.pcd` }],
      cameras: cameras.map((c) => ({ sensorId: c.id, timestampUs: timestampUs + 5000, uri: `${c.id}/${index}.jpg` })),
    };
  });
  const egoFromLidar = fromPose([0.9, 0, 1.8], between(random, -0.1, 0.1));
  const tracks: Track[] = [];
  const cuboids: Cuboid[] = [];
  const trackCount = 1 + Math.floor(random() * 6);
  for (let t = 0; t < trackCount; t++) {
    const id = random() < 0.5 ? `${sceneId}-t-${t}` : `0000${t}aaa-bbbb-4ccc-8ddd-eeeeeeeeeeee`.slice(-36);
    const first = Math.floor(random() * frameCount);
    const last = first + Math.floor(random() * (frameCount - first));
    // Files keep no rigid flag: a track of one box, or one size, reads back as rigid (see inferRigid).
    const rigid = last === first || random() < 0.7;
    tracks.push({ type: 'track', id, sceneId, classId: pick(random, CLASSES), attributes: attributes(random, 'static'), rigid, ...identity(seed, t) }); // prettier-ignore
    const fixed = size(random);
    for (let f = first; f <= last; f++) {
      const keyframe = f === first || f === last || random() < 0.5;
      const tilt = random() < 0.5;
      cuboids.push({
        type: 'cuboid',
        id: `${id}-c-${f}`,
        sceneId,
        trackId: id,
        frameIndex: f,
        position: [between(random, 8, 70), between(random, -12, 12), between(random, -2, 2)],
        size: rigid ? fixed : size(random),
        yaw: yaw(random),
        pitch: tilt ? between(random, -0.3, 0.3) : 0,
        roll: tilt ? between(random, -0.3, 0.3) : 0,
        attributes: attributes(random, 'dynamic'),
        keyframe,
        source: source(random, keyframe),
      });
    }
  }
  const segments: TimeSegment[] = Array.from({ length: Math.floor(random() * 4) }, (_, i) => {
    const start = Math.floor(random() * frameCount);
    const trackId = random() < 0.6 ? pick(random, tracks).id : undefined;
    return { type: 'segment', id: `${sceneId}-s-${i}`, sceneId, ...(trackId ? { trackId } : {}), kind: pick(random, KINDS), startFrame: start, endFrame: start + Math.floor(random() * (frameCount - start)), attributes: attributes(random, 'segment') }; // prettier-ignore
  });
  return {
    scene: {
      id: sceneId,
      name: `Random drive ${seed} 随机`,
      source: { kind: 'files', root: 'random' },
      lidars: [{ id: 'top', name: 'Roof LiDAR', egoFromLidar }],
      cameras,
      frames,
      ontologyId: 'general-driving',
      provenance: { contentHash: '0'.repeat(16) },
    },
    tracks,
    cuboids,
    segments,
  };
}
