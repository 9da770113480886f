import { createRandom } from '../../src/core/math/random';
import { fromTranslation, type Mat4 } from '../../src/core/math/mat4';
import type { BoxPose, GridIndex } from '../../src/core/fit/index';
import { cellRange } from '../../src/core/fit/grid-index';
import type { PointCloud } from '../../src/core/model/point-cloud';
import { getBenchInputs } from '../inputs/bench-inputs';

/** The bench sweep's sensor sits 1.73 m above its ground (`make-lidar-sweep.ts`): ego z = 0 on the ground. */
export const EGO_FROM_LIDAR: Mat4 = fromTranslation(0, 0, 1.73);

/** A car box, [length, width, height] in metres, as the general-driving ontology's default. */
const CAR_SIZE = [4.5, 1.9, 1.6] as const;
/** A drag step: 5 cm, the keyboard's fine step and about one pointer move at a bird's-eye zoom. */
export const DRAG_STEP_M = 0.05;
/** Steps of one drag before the next starts on another object (a 2 m drag). */
const STEPS_PER_DRAG = 40;

/** The seeded sweep of `points` as a cloud in its sensor frame. */
export function benchCloud(points: number): PointCloud {
  const { sweep } = getBenchInputs(points);
  const bounds = { min: [0, 0, 0] as [number, number, number], max: [0, 0, 0] as [number, number, number] };
  for (let i = 0; i < sweep.count * 3; i++) {
    bounds.min[i % 3] = Math.min(bounds.min[i % 3]!, sweep.positions[i]!);
    bounds.max[i % 3] = Math.max(bounds.max[i % 3]!, sweep.positions[i]!);
  }
  return { count: sweep.count, positions: sweep.positions, attributes: { intensity: sweep.intensity }, bounds };
}

/**
 * Where a person would click: seeded picks among the sweep's object returns (ego z 0.5–2.5 m, not the ground)
 * 5–40 m from the sensor, as ego-frame (x, y) metres.
 */
export function pickClicks(index: GridIndex, count: number, seed = 3): { x: number; y: number }[] {
  const random = createRandom(seed);
  const clicks: { x: number; y: number }[] = [];
  for (let tries = 0; clicks.length < count && tries < count * 10_000; tries++) {
    const i = Math.floor(random() * index.count);
    const [x, y, z] = [index.xyz[3 * i]!, index.xyz[3 * i + 1]!, index.xyz[3 * i + 2]!];
    const range = Math.hypot(x, y);
    if (z > 0.5 && z < 2.5 && range > 5 && range < 40) clicks.push({ x, y });
  }
  return clicks;
}

/** Car boxes dragged 5 cm a step along their length, 40 steps a drag, each drag starting on a clicked object. */
export function dragSteps(clicks: readonly { x: number; y: number }[]): BoxPose[] {
  const steps: BoxPose[] = [];
  for (const [k, { x, y }] of clicks.entries()) {
    const yaw = (k * 0.7) % Math.PI;
    for (let s = 0; s < STEPS_PER_DRAG; s++) {
      const d = s * DRAG_STEP_M;
      steps.push({ position: [x + d * Math.cos(yaw), y + d * Math.sin(yaw), CAR_SIZE[2] / 2], size: CAR_SIZE, yaw });
    }
  }
  return steps;
}

/** Anchor: every point of the ego-frame array tested in the box's own frame, no cells skipped. */
export function scanBox(xyz: Float32Array, count: number, box: BoxPose): number {
  const c = Math.cos(box.yaw),
    s = Math.sin(box.yaw);
  const [cx, cy, cz] = box.position;
  const hl = box.size[0] / 2,
    hw = box.size[1] / 2,
    hh = box.size[2] / 2;
  let inside = 0;
  for (let i = 0; i < count; i++) {
    const dx = xyz[3 * i]! - cx,
      dy = xyz[3 * i + 1]! - cy;
    const u = c * dx + s * dy;
    if (u > hl || u < -hl) continue;
    const v = -s * dx + c * dy;
    if (v > hw || v < -hw) continue;
    const w = xyz[3 * i + 2]! - cz;
    if (w <= hh && w >= -hh) inside++;
  }
  return inside;
}

/** Anchor: every point of the ego-frame array tested against a click's search disc (metres). */
export function scanDisc(xyz: Float32Array, count: number, x: number, y: number, radius: number): number {
  const r2 = radius * radius;
  let near = 0;
  for (let i = 0; i < count; i++) {
    const dx = xyz[3 * i]! - x,
      dy = xyz[3 * i + 1]! - y;
    if (dx * dx + dy * dy <= r2) near++;
  }
  return near;
}

/** Points in the cells a box's footprint overlaps: what the indexed count reads, for the notes. */
export function pointsUnderBox(index: GridIndex, box: BoxPose): number {
  const ex = (Math.abs(Math.cos(box.yaw)) * box.size[0] + Math.abs(Math.sin(box.yaw)) * box.size[1]) / 2;
  const ey = (Math.abs(Math.sin(box.yaw)) * box.size[0] + Math.abs(Math.cos(box.yaw)) * box.size[1]) / 2;
  const [x, y] = box.position;
  const [c0, r0, c1, r1] = cellRange(index, x - ex, y - ey, x + ex, y + ey);
  let n = 0;
  for (let r = r0; r <= r1; r++) n += index.cellStart[r * index.cols + c1 + 1]! - index.cellStart[r * index.cols + c0]!;
  return n;
}
