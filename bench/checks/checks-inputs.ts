import { buildSweepIndex, type SweepIndex } from '../../src/core/fit/sweep-index';
import { createDemoDrive, DEMO_SEED, groundTruthAt, simulateSweep } from '../../src/core/demo/index';
import { normalizeAngle } from '../../src/core/math/angle';
import { fromPose, invertRigid, transformPoint, yawOf, type Mat4, type Vec3 } from '../../src/core/math/mat4';
import { createRandom } from '../../src/core/math/random';
import { generalDriving } from '../../src/core/model/default-ontology';
import type { AttributeValue, Cuboid, Track } from '../../src/core/model/labels';
import type { PointCloud } from '../../src/core/model/point-cloud';
import type { Frame } from '../../src/core/model/scene';

/** PERFORMANCE.md's labelling sequence: 200 frames at 10 Hz, 150 tracks. */
export const FRAMES = 200;
export const TRACKS = 150;
const HZ = 10;
const SCENE_ID = 'bench-checks';
/** The ego's cruise along the street, m/s (36 km/h, a city street). */
const EGO_SPEED = 10;

/** What `runChecks` reads of a scene's labels. */
export interface LabelScene {
  scene: { frames: Frame[] };
  tracks: Track[];
  cuboids: Cuboid[];
}

/**
 * Where each kind of road user goes, as rows along a straight street (world y, metres; x runs along it): every
 * row has one speed, and its users are spaced wider than they are long, so that no two boxes overlap and the
 * checks find only what a tidy labelling job leaves (nothing), which is what a run spends most time on.
 */
interface Row {
  classId: 'car' | 'pedestrian' | 'cyclist';
  y: number;
  /** m/s along x; negative: the opposite direction (yaw π). */
  speed: number;
  count: number;
  /** Along x between two users of the row, metres. */
  spacing: number;
}

// 60 moving cars and 30 parked ones, 40 pedestrians, 20 cyclists: 150 tracks. The ego keeps its own lane
// (y −1.75), so no box sits where the ego is.
const ROWS: readonly Row[] = [
  { classId: 'car', y: -5.25, speed: 11, count: 20, spacing: 14 },
  { classId: 'car', y: 1.75, speed: -12, count: 20, spacing: 14 },
  { classId: 'car', y: 5.25, speed: -9, count: 20, spacing: 14 },
  { classId: 'car', y: -8.6, speed: 0, count: 15, spacing: 7 },
  { classId: 'car', y: 8.6, speed: 0, count: 15, spacing: 7 },
  { classId: 'cyclist', y: -6.9, speed: 5, count: 10, spacing: 12 },
  { classId: 'cyclist', y: 6.9, speed: -4.5, count: 10, spacing: 12 },
  { classId: 'pedestrian', y: -11, speed: 1.3, count: 10, spacing: 4 },
  { classId: 'pedestrian', y: -12.5, speed: -1.4, count: 10, spacing: 4 },
  { classId: 'pedestrian', y: 11, speed: -1.2, count: 10, spacing: 4 },
  { classId: 'pedestrian', y: 12.5, speed: 1.5, count: 10, spacing: 4 },
];

/** The class's default size from the shipped ontology, so that the `size` check holds them to real bounds. */
function defaultSize(classId: string): Vec3 {
  const found = generalDriving.classes.find((c) => c.id === classId);
  if (!found) throw new Error(`bench checks: no class ${classId} in ${generalDriving.id}`);
  return found.defaultSize;
}

/** The ego drives down the street, weaving gently in its lane so that its yaw changes from frame to frame. */
function egoPose(t: number): Mat4 {
  const weave = 0.25 * Math.sin(0.6 * t);
  const heading = Math.atan2(0.25 * 0.6 * Math.cos(0.6 * t), EGO_SPEED);
  return fromPose([EGO_SPEED * t, -1.75 + weave, 0], heading);
}

/** One road user's world pose at `t` s: its row's speed plus a slow sway across the row (≤ 0.2 m). */
function userPose(row: Row, x0: number, phase: number, t: number): { position: Vec3; yaw: number } {
  const size = defaultSize(row.classId);
  const sway = row.speed === 0 ? 0 : 0.2 * Math.sin(0.4 * t + phase);
  const swayRate = row.speed === 0 ? 0 : 0.2 * 0.4 * Math.cos(0.4 * t + phase);
  // Heading along the velocity; a parked car faces down the street.
  const yaw = row.speed === 0 ? 0 : Math.atan2(swayRate, row.speed);
  return { position: [x0 + row.speed * t, row.y + sway, size[2] / 2], yaw };
}

/** Per-frame attribute values every class of the ontology asks for (occlusion), so none reads as missing. */
const OCCLUSION = ['none', 'partly', 'mostly'] as const;

/**
 * 200 frames at 10 Hz with ego poses and 150 tracks (cars, cyclists, pedestrians of the general-driving
 * ontology, its default sizes with a few centimetres of spread) moving smoothly through the world, every track
 * on every frame. `keyEvery` 1: every box stored, as a label file holds them; 10: a stored keyframe every 10th
 * frame and on the last one, the boxes between left to be derived (as the app stores a track it interpolates).
 */
export function labelScene(keyEvery: number, seed = 11): LabelScene {
  const random = createRandom(seed);
  const frames: Frame[] = [];
  for (let i = 0; i < FRAMES; i++) {
    const timestampUs = Math.round((i * 1e6) / HZ);
    frames.push({ index: i, timestampUs, worldFromEgo: egoPose(timestampUs / 1e6), lidar: [], cameras: [] });
  }
  const egoFromWorld = frames.map((f) => invertRigid(f.worldFromEgo!));
  const tracks: Track[] = [];
  const cuboids: Cuboid[] = [];
  for (const row of ROWS) {
    for (let k = 0; k < row.count; k++) {
      const id = `${row.classId}-${tracks.length}`;
      const attributes: Record<string, AttributeValue> = row.classId === 'cyclist' ? { vehicle: 'bicycle' } : {};
      if (row.classId === 'car') attributes['emergency'] = false;
      if (row.classId === 'pedestrian') attributes['child'] = false;
      tracks.push({ type: 'track', id, sceneId: SCENE_ID, classId: row.classId, attributes, rigid: true });
      // Rigid tracks keep one size: the default, a few centimetres off as a person's fit would be.
      const [l, w, h] = defaultSize(row.classId);
      const spread = () => 0.97 + 0.06 * random();
      const size: Vec3 = [l * spread(), w * spread(), h * spread()];
      const x0 = -60 + k * row.spacing + random() * 0.5;
      const phase = random() * 2 * Math.PI;
      const occluded = OCCLUSION[Math.floor(random() * OCCLUSION.length)]!;
      for (let i = 0; i < FRAMES; i++) {
        if (i % keyEvery !== 0 && i !== FRAMES - 1) continue;
        const world = userPose(row, x0, phase, frames[i]!.timestampUs / 1e6);
        const m = egoFromWorld[i]!;
        cuboids.push({
          type: 'cuboid',
          id: `${id}:${i}`,
          sceneId: SCENE_ID,
          trackId: id,
          frameIndex: i,
          position: transformPoint(m, world.position),
          size,
          yaw: normalizeAngle(world.yaw + yawOf(m)),
          pitch: 0,
          roll: 0,
          attributes: { occluded },
          keyframe: true,
          source: { kind: 'manual' },
        });
      }
    }
  }
  return { scene: { frames }, tracks, cuboids };
}

/** The anchor: every box visited once, its position and size read (summed, so that none can be skipped). */
export function sumBoxes(boxes: readonly Cuboid[]): number {
  let sum = 0;
  for (const c of boxes) {
    sum += c.position[0] + c.position[1] + c.position[2] + c.size[0] + c.size[1] + c.size[2];
  }
  return sum;
}

/** Consecutive frames of the seeded demo drive: its ground truth and each frame's sweep as the app gets it. */
export interface DemoPointCase extends LabelScene {
  sweeps: PointCloud[];
  egoFromLidar: Mat4;
  points: number;
}

/**
 * The first `count` frames of the demo drive (seed `DEMO_SEED`): the scene's own frames up to there (timestamps,
 * ego poses), the ground-truth tracks and boxes of those frames, and their simulated sweeps. Consecutive frames,
 * so that every box is stored and the checks derive none: the run's time is the point pass's.
 */
export function demoPointCase(count: number): DemoPointCase {
  const drive = createDemoDrive(DEMO_SEED);
  const tracks = new Map<string, Track>();
  const cuboids: Cuboid[] = [];
  const sweeps: PointCloud[] = [];
  for (let i = 0; i < count; i++) {
    const truth = groundTruthAt(drive, i);
    for (const t of truth.tracks) tracks.set(t.id, t);
    cuboids.push(...truth.cuboids);
    sweeps.push(simulateSweep(drive, i));
  }
  return {
    scene: { frames: drive.scene.frames.slice(0, count) },
    tracks: [...tracks.values()],
    cuboids,
    sweeps,
    egoFromLidar: drive.scene.lidars[0]!.egoFromLidar,
    points: Math.round(sweeps.reduce((n, s) => n + s.count, 0) / count),
  };
}

/** Each sweep's index as the app's worker builds it when a frame lands (ground model + grid). */
export function buildIndexes(sweeps: readonly PointCloud[], egoFromLidar: Mat4): SweepIndex[] {
  return sweeps.map((s) => buildSweepIndex(s, egoFromLidar));
}
