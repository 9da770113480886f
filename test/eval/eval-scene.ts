import { createNodeFiles } from '../../src/cli/node-files';
import { classPriorOf } from '../../src/core/fit/class-prior';
import { bevIou } from '../../src/core/fit/bev-iou';
import { countPointsInBox } from '../../src/core/fit/count-points-in-box';
import { fitCuboidAtClick } from '../../src/core/fit/fit-cuboid-at-click';
import { groundHeightAt } from '../../src/core/fit/ground-model';
import { buildSweepIndex, type SweepIndex } from '../../src/core/fit/sweep-index';
import type { Mat4 } from '../../src/core/math/mat4';
import type { LabelSet } from '../../src/core/model/label-set';
import type { Cuboid, Track } from '../../src/core/model/labels';
import type { PointCloud } from '../../src/core/model/point-cloud';
import type { Scene } from '../../src/core/model/scene';
import { prelabelFrames, type PrelabelFrameInput } from '../../src/core/prelabel/prelabel-frames';
import { prelabelRecords } from '../../src/core/prelabel/prelabel-records';
import type { Detection, Detector } from '../../src/core/prelabel/types';
import { sceneSweeps } from '../../src/cli/scene-sweeps';
import { importScene } from '../../src/formats/scene/import-scene';
import type { ClickOutcome } from './click-figures';
import { classOfBoxes, clickTargets, headingDifference, inCameraView, movingTracks, PROTOCOL } from './protocol';

/** One sweep, decoded and indexed once for every method. */
interface Sweep {
  cloud: PointCloud;
  egoFromLidar: Mat4;
  index: SweepIndex;
}

/** What one scene folder gives the dataset's tables: label sets to compare, and one-click outcomes. */
export interface SceneOutcome {
  frames: number;
  reference: LabelSet;
  prelabel: LabelSet;
  anchor: LabelSet;
  /** LiDAR points inside each reference box (by cuboid id), counted in its sweep. */
  points: Map<string, number>;
  clicks: ClickOutcome[];
  clickAnchor: ClickOutcome[];
  model: string;
  version: string;
}

export interface SceneOptions {
  /** Each frame is its own one-frame sequence (unrelated frames, as KITTI object's). */
  singleFrames: boolean;
  /** Keep only boxes in the front camera's horizontal field of view (KITTI labels only that). */
  frontCamera: boolean;
  detector: Detector;
}

/** A detector that remembers what it found, call by call, so that the untracked anchor reuses it. */
function recording(inner: Detector): Detector & { found: Detection[][] } {
  const found: Detection[][] = [];
  return {
    model: inner.model,
    version: inner.version,
    found,
    async detect(input) {
      const out = await inner.detect(input);
      found.push(out);
      return out;
    },
  };
}

let counter = 0;
const newId = (): string => `eval-${++counter}`;

/** Imports a scene folder, pre-labels it, runs the anchors and clicks once on every target car. */
export async function evaluateScene(folder: string, options: SceneOptions): Promise<SceneOutcome> {
  const files = createNodeFiles(folder);
  const imported = await importScene(files);
  const { scene } = imported;
  const sweeps: Sweep[] = [];
  for await (const { frameIndex, cloud, egoFromLidar } of sceneSweeps(imported, (p) => files.read(p))) {
    sweeps[frameIndex] = { cloud, egoFromLidar, index: buildSweepIndex(cloud, egoFromLidar) };
  }
  if (sweeps.filter(Boolean).length !== scene.frames.length)
    throw new Error(`${folder}: a frame without a LiDAR sweep`);
  const inView = options.frontCamera ? frontCameraView(scene) : () => true;
  const reference = keep({ scene, tracks: imported.tracks, cuboids: imported.cuboids, segments: [] }, inView);
  const points = new Map<string, number>();
  const classOf = classOfBoxes(reference);
  for (const c of reference.cuboids) {
    if (classOf(c) === PROTOCOL.classId) points.set(c.id, countPointsInBox(sweeps[c.frameIndex]!.index.index, c));
  }

  const detector = recording(options.detector);
  const input = (i: number): PrelabelFrameInput => ({
    frameIndex: i,
    time: options.singleFrames ? 0 : (scene.frames[i]!.timestampUs - scene.frames[0]!.timestampUs) / 1e6,
    ...(!options.singleFrames && scene.frames[i]!.worldFromEgo && { worldFromEgo: scene.frames[i]!.worldFromEgo }),
    cloud: sweeps[i]!.cloud,
    egoFromLidar: sweeps[i]!.egoFromLidar,
    index: sweeps[i]!.index,
  });
  const groups = options.singleFrames ? sweeps.map((_, i) => [i]) : [sweeps.map((_, i) => i)];
  const tracks: Track[] = [];
  const cuboids: Cuboid[] = [];
  let engine = { model: detector.model, version: detector.version };
  for (const group of groups) {
    const result = await prelabelFrames(group.map(input), { detector, classes: [PROTOCOL.classId] });
    engine = { model: result.model, version: result.version };
    const records = prelabelRecords(scene.id, result, newId);
    tracks.push(...records.tracks);
    cuboids.push(...records.cuboids);
  }
  const prelabel = keep({ scene, tracks, cuboids, segments: [] }, inView);
  const anchor = keep(untrackedAnchor(scene, detector.found), inView);

  const moving = movingTracks(scene.frames, reference.cuboids);
  const posed = scene.frames.length > 1 && scene.frames.every((f) => f.worldFromEgo);
  const clicks: ClickOutcome[] = [];
  const clickAnchor: ClickOutcome[] = [];
  for (const target of clickTargets(reference, (c) => points.get(c.id) ?? 0)) {
    const sweep = sweeps[target.frameIndex]!;
    const click = { x: target.position[0], y: target.position[1] };
    const movingFlag = posed && !options.singleFrames ? { moving: moving.has(target.trackId) } : {};
    const fit = fitCuboidAtClick(sweep.cloud, sweep.egoFromLidar, click, {
      classId: PROTOCOL.classId,
      index: sweep.index.index,
      ground: sweep.index.ground,
    });
    clicks.push({ ...outcome(fit, target), ...movingFlag });
    clickAnchor.push({ ...outcome(defaultBoxAt(click, sweep.index), target), ...movingFlag });
  }
  return { frames: scene.frames.length, reference, prelabel, anchor, points, clicks, clickAnchor, ...engine };
}

function keep(set: LabelSet, inView: (c: Cuboid) => boolean): LabelSet {
  return { ...set, cuboids: set.cuboids.filter(inView) };
}

/** A box in the front camera's view of its frame (KITTI's image_2); every box where the frame has no camera. */
function frontCameraView(scene: Scene): (c: Cuboid) => boolean {
  return (c) => {
    const sample = scene.frames[c.frameIndex]?.cameras.find((s) => s.sensorId.startsWith('image_2'));
    const camera = sample && scene.cameras.find((k) => k.id === sample.sensorId);
    return camera ? inCameraView(camera, c.position) : true;
  };
}

function outcome(
  box: { position: readonly number[]; size: readonly number[]; yaw: number } | undefined,
  ref: Cuboid,
): ClickOutcome {
  // prettier-ignore
  if (!box) return { iou: 0, axisError: Math.PI / 2, flipped: true };
  const bev = { position: [box.position[0]!, box.position[1]!] as const, size: [box.size[0]!, box.size[1]!] as const, yaw: box.yaw }; // prettier-ignore
  return { iou: bevIou(bev, ref), ...headingDifference(box.yaw, ref.yaw) };
}

/**
 * The one-click anchor: the class's default-size box centred at the click, standing on the ground, its length
 * along the line of sight from the sensor (what one sees of a car ahead or behind).
 */
export function defaultBoxAt(click: { x: number; y: number }, sweep: SweepIndex) {
  const size = classPriorOf(PROTOCOL.classId).defaultSize;
  const z = groundHeightAt(sweep.ground, click.x, click.y) + size[2] / 2;
  return { position: [click.x, click.y, z] as const, size, yaw: Math.atan2(click.y, click.x) };
}

/** The pre-label anchor: the same detector without tracking, every detection a track of its own. */
function untrackedAnchor(scene: Scene, found: readonly Detection[][]): LabelSet {
  const tracks: Track[] = [];
  const cuboids: Cuboid[] = [];
  found.forEach((detections, frameIndex) => {
    for (const d of detections) {
      if (d.classId !== PROTOCOL.classId) continue;
      const result = {
        model: 'anchor',
        version: '0',
        tracks: [{ classId: d.classId, score: d.score, size: d.size, boxes: [{ frameIndex, position: d.position, yaw: d.yaw, score: d.score, points: d.points, detected: true }] }], // prettier-ignore
      };
      const records = prelabelRecords(scene.id, result, newId);
      tracks.push(...records.tracks);
      cuboids.push(...records.cuboids);
    }
  });
  return { scene, tracks, cuboids, segments: [] };
}
