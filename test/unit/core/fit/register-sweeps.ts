import { groundHeightAt } from '../../../../src/core/fit/ground-model';
import { fromPose, multiply, transformPoint, type Mat4 } from '../../../../src/core/math/mat4';
import type { EvalFrame } from './track-size-data';

/**
 * Ego poses for a drive that has none (SUSTechPOINTS), from its sweeps alone: each frame's above-ground points
 * (walls, poles, parked cars: what stands still outnumbers what moves) registered on the previous frame's on the
 * ground plane, by a coarse search then point-to-point ICP with the worst pairs left out. The labels are not used.
 * On SUSTechPOINTS the poses put the labelled centres of six objects that stand still within 0.11–0.20 m of each
 * other over its four frames (the ego drives 13 m and turns 2.5°).
 */
export function registerSweeps(frames: readonly EvalFrame[]): Mat4[] {
  const clouds = frames.map(structure);
  const poses: Mat4[] = [fromPose([0, 0, 0], 0)];
  for (let i = 1; i < frames.length; i++) {
    const previousFromThis = register(clouds[i]!, clouds[i - 1]!);
    poses.push(multiply(poses[i - 1]!, previousFromThis));
  }
  return poses;
}

type Cloud2 = { x: Float64Array; y: Float64Array };

/** Points 0.5–2.5 m above the ground, within 50 m, thinned to one per 0.4 m cell (ego frame, metres). */
function structure(frame: EvalFrame): Cloud2 {
  const { cloud, egoFromLidar, ground } = frame;
  const seen = new Set<number>();
  const xs: number[] = [],
    ys: number[] = [];
  for (let i = 0; i < cloud.count; i++) {
    const p = transformPoint(egoFromLidar, [
      cloud.positions[3 * i]!,
      cloud.positions[3 * i + 1]!,
      cloud.positions[3 * i + 2]!,
    ]);
    if (Math.hypot(p[0], p[1]) > 50) continue;
    const h = p[2] - groundHeightAt(ground, p[0], p[1]);
    if (h < 0.5 || h > 2.5) continue;
    const key = Math.round(p[0] / 0.4) * 100_003 + Math.round(p[1] / 0.4);
    if (seen.has(key)) continue;
    seen.add(key);
    xs.push(p[0]);
    ys.push(p[1]);
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

/** Grid of a cloud's points by 1 m cell, for nearest-neighbour look-ups. */
function gridOf(c: Cloud2): Map<number, number[]> {
  const grid = new Map<number, number[]>();
  for (let i = 0; i < c.x.length; i++) {
    const key = Math.floor(c.x[i]!) * 100_003 + Math.floor(c.y[i]!);
    const cell = grid.get(key);
    if (cell) cell.push(i);
    else grid.set(key, [i]);
  }
  return grid;
}

function nearest(grid: Map<number, number[]>, c: Cloud2, x: number, y: number): [number, number] {
  let best = -1,
    bestD = Infinity;
  const [cx, cy] = [Math.floor(x), Math.floor(y)];
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (const j of grid.get((cx + dx) * 100_003 + cy + dy) ?? []) {
        const d = (c.x[j]! - x) ** 2 + (c.y[j]! - y) ** 2;
        if (d < bestD) [best, bestD] = [j, d];
      }
    }
  }
  return [best, Math.sqrt(bestD)];
}

/** `targetFromSource` on the ground plane (x, y, yaw). */
function register(source: Cloud2, target: Cloud2): Mat4 {
  const grid = gridOf(target);
  const step = Math.max(1, Math.floor(source.x.length / 800));
  const score = (tx: number, ty: number, yaw: number, within: number) => {
    const [c, s] = [Math.cos(yaw), Math.sin(yaw)];
    let n = 0;
    for (let i = 0; i < source.x.length; i += step) {
      const x = c * source.x[i]! - s * source.y[i]! + tx,
        y = s * source.x[i]! + c * source.y[i]! + ty;
      if (nearest(grid, target, x, y)[1] < within) n++;
    }
    return n;
  };
  // Coarse: up to 12 m of travel either way (the frames may be far apart), a little sideways, a few degrees.
  let best = { tx: 0, ty: 0, yaw: 0, n: -1 };
  for (let yaw = -4; yaw <= 4; yaw += 1) {
    for (let tx = -12; tx <= 12; tx += 1) {
      for (let ty = -2; ty <= 2; ty += 1) {
        const n = score(tx, ty, (yaw * Math.PI) / 180, 0.7);
        if (n > best.n) best = { tx, ty, yaw: (yaw * Math.PI) / 180, n };
      }
    }
  }
  // Fine: ICP, pairs within a shrinking distance, closed-form 2D rigid fit.
  let { tx, ty, yaw } = best;
  for (let iter = 0; iter < 25; iter++) {
    const limit = Math.max(0.3, 1.5 - iter * 0.1);
    const [c, s] = [Math.cos(yaw), Math.sin(yaw)];
    const pairs: [number, number, number, number][] = [];
    for (let i = 0; i < source.x.length; i++) {
      const x = c * source.x[i]! - s * source.y[i]! + tx,
        y = s * source.x[i]! + c * source.y[i]! + ty;
      const [j, d] = nearest(grid, target, x, y);
      if (j >= 0 && d < limit) pairs.push([source.x[i]!, source.y[i]!, target.x[j]!, target.y[j]!]);
    }
    const n = pairs.length;
    const m = pairs.reduce(
      (a, p) => [a[0] + p[0] / n, a[1] + p[1] / n, a[2] + p[2] / n, a[3] + p[3] / n],
      [0, 0, 0, 0],
    );
    let sxx = 0,
      sxy = 0;
    for (const [ax, ay, bx, by] of pairs) {
      const [px, py, qx, qy] = [ax - m[0]!, ay - m[1]!, bx - m[2]!, by - m[3]!];
      sxx += px * qx + py * qy;
      sxy += px * qy - py * qx;
    }
    yaw = Math.atan2(sxy, sxx);
    [tx, ty] = [m[2]! - (Math.cos(yaw) * m[0]! - Math.sin(yaw) * m[1]!), m[3]! - (Math.sin(yaw) * m[0]! + Math.cos(yaw) * m[1]!)]; // prettier-ignore
  }
  return fromPose([tx, ty, 0], yaw);
}
