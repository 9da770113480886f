import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromPose, invertRigid, transformPoint, type Mat4, type Vec3 } from '../../../../src/core/math/mat4';
import type { Cuboid } from '../../../../src/core/model/labels';
import { positionStride } from '../../../../src/core/model/point-cloud';
import { createNodeFiles } from '../../../../src/cli/node-files';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';
import { importScene, type ImportedScene } from '../../../../src/formats/scene/import-scene';
import type { ImportOptions } from '../../../../src/formats/scene/import-context';

/** The real sample data beside the repository (`../shared/data`); never copied into it. */
export const SHARED_DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

/** Imports a folder under `../shared/data` through the node file source. */
export function importShared(folder: string, options?: ImportOptions): Promise<ImportedScene> {
  return importScene(createNodeFiles(SHARED_DATA + folder), options);
}

export function readSharedJson<T>(path: string): T {
  // Python's json.dump writes bare NaN; read it as null, independently of the code under test.
  return JSON.parse(readFileSync(SHARED_DATA + path, 'utf8').replace(/\bNaN\b/g, 'null')) as T;
}

/** A frame's first sweep, decoded, with its points carried into the ego frame by the scene's egoFromLidar. */
export function readEgoPoints(folder: string, imported: ImportedScene, frameIndex: number): Vec3[] {
  const sample = imported.scene.frames[frameIndex]!.lidar[0]!;
  const lidar = imported.scene.lidars.find((l) => l.id === sample.sensorId)!;
  const bytes = new Uint8Array(readFileSync(`${SHARED_DATA}${folder}/${sample.uri}`));
  const cloud = readPointCloudFile(bytes, sample.uri);
  const out: Vec3[] = [];
  const p = cloud.positions;
  const s = positionStride(cloud);
  for (let i = 0; i < cloud.count; i++)
    out.push(transformPoint(lidar.egoFromLidar, [p[s * i]!, p[s * i + 1]!, p[s * i + 2]!]));
  return out;
}

type Box = Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>;

/** Whether a point lies in a box grown by `margin` m on every side (or, with `aboveGround`, with its floor 0.3 m up). */
function contains(boxFromEgo: Mat4, size: Vec3, p: Vec3, margin: number, aboveGround = false): boolean {
  const [x, y, z] = transformPoint(boxFromEgo, p);
  const [l, w, h] = [size[0] / 2, size[1] / 2, size[2] / 2];
  const floor = aboveGround ? -h + 0.3 : -h - margin;
  return Math.abs(x) <= l + margin && Math.abs(y) <= w + margin && z <= h + margin && z >= floor;
}

/**
 * For every box holding ≥ 30 points: whether ≥ 90 % of the points within 1 m of it lie inside it grown by
 * 10 cm. Two refinements keep clutter that is not the object out of "within 1 m": the ground (points less
 * than 0.3 m above the box's floor, in both counts) and points inside another labelled box of the frame.
 */
export function measureBoxFit(points: readonly Vec3[], boxes: readonly Box[]): boolean[] {
  const frames = boxes.map((b) => invertRigid(fromPose(b.position, b.yaw, b.pitch, b.roll)));
  return boxes.flatMap((box, i) => {
    let inside = 0;
    let near = 0;
    let fitting = 0;
    for (const p of points) {
      if (contains(frames[i]!, box.size, p, 0)) inside++;
      if (!contains(frames[i]!, box.size, p, 1, true)) continue;
      if (boxes.some((other, k) => k !== i && contains(frames[k]!, other.size, p, 0.1))) continue;
      near++;
      if (contains(frames[i]!, box.size, p, 0.1, true)) fitting++;
    }
    return inside >= 30 ? [fitting >= 0.9 * near] : [];
  });
}

/** Intersection over union of two image rectangles [x1, y1, x2, y2]. */
export function iou2d(a: readonly number[], b: readonly number[]): number {
  const w = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const h = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const area = (r: readonly number[]) => (r[2]! - r[0]!) * (r[3]! - r[1]!);
  return (w * h) / (area(a) + area(b) - w * h);
}
