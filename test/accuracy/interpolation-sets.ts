import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDemoDrive, DEMO_SEED, groundTruthAt } from '../../src/core/demo/index';
import { transformPoint } from '../../src/core/math/mat4';
import type { Cuboid } from '../../src/core/model/labels';
import { readOpenLabel } from '../../src/formats/labels/openlabel-reader';
import { addInterpolationErrors, emptyErrors, type InterpolationErrors } from './interpolation-errors';
import { emptyCounts, structureOf, type ReferenceStructure } from './reference-structure';

/**
 * The sets interpolation is measured on. KITTI tracking: the 18 sequences with ego poses, 0001–0010 the ones the
 * curve was chosen on, 0011 and 0013–0020 the validation the README reports. The demo drive: its moving road
 * users (those whose box moves in the world), with the vehicle braking, stopping and turning among them.
 */
const KITTI = fileURLToPath(new URL('../../../shared/data/kitti-tracking-openlabel/', import.meta.url));
export const KITTI_VALIDATION = /_00(1[1-9]|20)\.json$/;

/** The sequences of one KITTI set, their summed errors, and how the reference's boxes lie along their tracks. */
export function kittiErrors(set: RegExp): {
  files: string[];
  errors: InterpolationErrors;
  reference: ReferenceStructure;
} {
  const files = readdirSync(KITTI)
    .filter((f) => set.test(f))
    .sort();
  const errors = emptyErrors();
  const counts = emptyCounts();
  for (const file of files) {
    const { set: labels } = readOpenLabel(readFileSync(`${KITTI}${file}`, 'utf8'), file);
    // The vehicle's own box ("Egocar", fixed in its frame) is no tracked object.
    const ego = new Set(labels.tracks.filter((t) => t.classId.toLowerCase() === 'egocar').map((t) => t.id));
    const tracks = labels.tracks.filter((t) => !ego.has(t.id));
    const cuboids = labels.cuboids.filter((c) => !ego.has(c.trackId));
    addInterpolationErrors(labels.scene.frames, tracks, cuboids, errors, 10, counts);
  }
  return { files, errors, reference: structureOf(counts) };
}

/** Road users whose box moves more than this in the world over the drive count as moving, metres. */
const MOVED = 1;

/** The demo drive's moving road users, every frame of their ground truth, and their summed errors. */
export function demoErrors(): { tracks: number; errors: InterpolationErrors } {
  const drive = createDemoDrive(DEMO_SEED);
  const frames = drive.scene.frames;
  const truth = frames.map((_, i) => groundTruthAt(drive, i));
  const byTrack = new Map<string, Cuboid[]>();
  for (const c of truth.flatMap((t) => t.cuboids)) (byTrack.get(c.trackId) ?? byTrack.set(c.trackId, []).get(c.trackId)!).push(c); // prettier-ignore
  const world = (c: Cuboid) => transformPoint(frames[c.frameIndex]!.worldFromEgo!, c.position);
  const moving = [...byTrack].filter(([, boxes]) => {
    const start = world(boxes[0]!);
    return boxes.some((c) => Math.hypot(...world(c).map((v, k) => v - start[k]!)) > MOVED);
  });
  const ids = new Set(moving.map(([id]) => id));
  const errors = emptyErrors();
  addInterpolationErrors(
    frames,
    truth[0]!.tracks.filter((t) => ids.has(t.id)),
    moving.flatMap(([, boxes]) => boxes),
    errors,
  );
  return { tracks: ids.size, errors };
}
