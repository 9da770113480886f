import { describe, expect, it } from 'vitest';
import {
  createDemoDrive,
  DEMO_SEED,
  LIDAR_MAX_RANGE,
  groundTruthAt,
  groundTruthObjectIndex,
  renderCamera,
} from '../../../../src/core/demo';
import { cuboidCorners } from '../../../../src/core/geometry/cuboid';
import { projectEgoPoint } from '../../../../src/core/geometry/projection';
import { poseAt } from '../../../../src/core/demo/actor-path';
import { roadFromEgoAt } from '../../../../src/core/demo/ego-motion';
import { frameTime } from '../../../../src/core/demo/scene-record';
import { rectIou, type Rect } from './helpers';

const drive = createDemoDrive(DEMO_SEED);
const camera = drive.scene.cameras.find((c) => c.id === 'cam-front')!;

interface Projected {
  index: number;
  depth: number;
  centre: [number, number];
  rect: Rect;
}

/** Ground-truth boxes whose 8 corners all project inside the image. */
function projectBoxes(frame: number): Projected[] {
  const out: Projected[] = [];
  for (const c of groundTruthAt(drive, frame).cuboids) {
    const corners = cuboidCorners(c).map((p) => projectEgoPoint(camera, p));
    const centre = projectEgoPoint(camera, c.position);
    if (!centre || corners.some((p) => !p)) continue;
    const us = corners.map((p) => p![0]);
    const vs = corners.map((p) => p![1]);
    const rect: Rect = [Math.min(...us), Math.min(...vs), Math.max(...us), Math.max(...vs)];
    if (rect[0] < 0 || rect[1] < 0 || rect[2] > camera.width - 1 || rect[3] > camera.height - 1) continue;
    out.push({ index: groundTruthObjectIndex(c.trackId), depth: centre[2], centre: [centre[0], centre[1]], rect });
  }
  return out;
}

describe('demo camera renderer', () => {
  it('renders an opaque image of the configured size with sky above and road below', () => {
    const image = renderCamera(drive, 0, 'cam-front');
    expect(image.width).toBe(camera.width);
    expect(image.height).toBe(camera.height);
    expect(image.rgba.length).toBe(camera.width * camera.height * 4);
    expect(image.objectIds.length).toBe(camera.width * camera.height);
    let opaque = 0;
    for (let p = 0; p < image.objectIds.length; p++) if (image.rgba[p * 4 + 3] === 255) opaque++;
    expect(opaque).toBe(image.objectIds.length);
    const at = (u: number, v: number) =>
      Array.from(image.rgba.subarray((v * image.width + u) * 4, (v * image.width + u) * 4 + 3));
    const [sr, , sb] = at(image.width / 2, 2);
    expect(sb!).toBeGreaterThan(sr!); // blue sky straight ahead, high up
    const road = at(image.width / 2, image.height - 2);
    expect(Math.max(...road) - Math.min(...road)).toBeLessThan(30); // grey asphalt under the car
    expect(() => renderCamera(drive, 0, 'nope')).toThrow();
  });

  // On the approach, braking, and down the cross street after the turn.
  for (const frame of [0, 20, 95]) {
    it(`agrees with projected ground-truth boxes (frame ${frame})`, () => {
      const image = renderCamera(drive, frame, 'cam-front');
      const boxes = projectBoxes(frame);
      let checked = 0;
      for (const box of boxes) {
        // Occluded by a nearer road user? Then neither test applies.
        const hidden = boxes.some((o) => o !== box && o.depth < box.depth && rectIou(o.rect, box.rect) > 0);
        if (hidden) continue;
        let count = 0;
        const seen: Rect = [Infinity, Infinity, -Infinity, -Infinity];
        for (let v = Math.floor(box.rect[1]) - 5; v <= Math.ceil(box.rect[3]) + 5; v++) {
          for (let u = Math.floor(box.rect[0]) - 5; u <= Math.ceil(box.rect[2]) + 5; u++) {
            if (image.objectIds[v * image.width + u] !== box.index) continue;
            count++;
            seen[0] = Math.min(seen[0], u - 0.5);
            seen[1] = Math.min(seen[1], v - 0.5);
            seen[2] = Math.max(seen[2], u + 0.5);
            seen[3] = Math.max(seen[3], v + 0.5);
          }
        }
        // Hidden by a tree, pole or sign (not ground truth)? Then too little of it shows to judge.
        const area = (box.rect[2] - box.rect[0]) * (box.rect[3] - box.rect[1]);
        if (count < 0.3 * area || area < 100) continue;
        checked++;
        const [u, v] = box.centre.map(Math.round) as [number, number];
        expect(image.objectIds[v * image.width + u], `centre of object ${box.index}`).toBe(box.index);
        // A bicycle and its rider fill little of their box: seen from behind, the wheels touch the ground
        // well inside its corners.
        const cyclist = drive.objects[box.index]!.template.classId === 'cyclist';
        expect(rectIou(seen, box.rect), `rectangle of object ${box.index}`).toBeGreaterThanOrEqual(cyclist ? 0.5 : 0.6);
      }
      expect(checked).toBeGreaterThanOrEqual(5);
    });
  }

  it('boxes every object it shows within LiDAR range', () => {
    const frame = 20;
    const image = renderCamera(drive, frame, 'cam-front');
    const present = new Set<number>();
    for (const id of image.objectIds) if (id >= 0) present.add(id);
    expect(present.size).toBeGreaterThan(10);
    const boxed = new Set(groundTruthAt(drive, frame).cuboids.map((c) => groundTruthObjectIndex(c.trackId)));
    const ego = roadFromEgoAt(drive.ego, frameTime(frame));
    let near = 0;
    for (const id of present) {
      const pose = poseAt(drive.objects[id]!.path, frameTime(frame));
      if (Math.hypot(pose.x - ego[3]!, pose.y - ego[7]!) > LIDAR_MAX_RANGE - 5) continue;
      near++;
      expect(boxed.has(id), `object ${id}`).toBe(true);
    }
    expect(near).toBeGreaterThan(10);
  });
});
