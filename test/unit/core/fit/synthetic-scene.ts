import type { PointCloud } from '../../../../src/core/model/point-cloud';

/** A box to sample: centre (metres), [length, width, height], yaw (radians). */
export interface SyntheticBox {
  position: readonly [number, number, number];
  size: readonly [number, number, number];
  yaw: number;
}

/**
 * Points on the faces of a box that face the sensor (a convex box hides exactly the others), on a grid of
 * `step` metres: the returns a LiDAR at `sensor` would get from it, without noise. Bottom face never.
 */
export function sampleVisibleFaces(
  box: SyntheticBox,
  sensor: readonly [number, number, number],
  step: number,
): number[] {
  const [l, w, h] = box.size;
  const c = Math.cos(box.yaw),
    s = Math.sin(box.yaw);
  const toWorld = (u: number, v: number, z: number): [number, number, number] => [
    box.position[0] + c * u - s * v,
    box.position[1] + s * u + c * v,
    box.position[2] + z,
  ];
  // Each face: its centre and normal in the box frame, and two in-face axes with their half extents.
  const faces: [[number, number, number], [number, number, number], [number, number, number, number], [number, number, number, number]][] = [
    [[l / 2, 0, 0], [1, 0, 0], [0, 1, 0, w / 2], [0, 0, 1, h / 2]],
    [[-l / 2, 0, 0], [-1, 0, 0], [0, 1, 0, w / 2], [0, 0, 1, h / 2]],
    [[0, w / 2, 0], [0, 1, 0], [1, 0, 0, l / 2], [0, 0, 1, h / 2]],
    [[0, -w / 2, 0], [0, -1, 0], [1, 0, 0, l / 2], [0, 0, 1, h / 2]],
    [[0, 0, h / 2], [0, 0, 1], [1, 0, 0, l / 2], [0, 1, 0, w / 2]],
  ]; // prettier-ignore
  const out: number[] = [];
  for (const [centre, normal, a, b] of faces) {
    const world = toWorld(...centre);
    const nx = c * normal[0] - s * normal[1],
      ny = s * normal[0] + c * normal[1];
    const facing = nx * (sensor[0] - world[0]) + ny * (sensor[1] - world[1]) + normal[2] * (sensor[2] - world[2]);
    if (facing <= 0) continue;
    for (let i = -a[3]; i <= a[3] + 1e-9; i += step) {
      for (let j = -b[3]; j <= b[3] + 1e-9; j += step) {
        out.push(
          ...toWorld(centre[0] + a[0] * i + b[0] * j, centre[1] + a[1] * i + b[1] * j, centre[2] + a[2] * i + b[2] * j),
        );
      }
    }
  }
  return out;
}

/** Ground returns on a grid over [−extent, extent]², height `heightAt(x, y)`, skipping where `skip` says. */
export function sampleGround(
  extent: number,
  step: number,
  heightAt: (x: number, y: number) => number,
  skip: (x: number, y: number) => boolean = () => false,
): number[] {
  const out: number[] = [];
  for (let x = -extent; x <= extent; x += step) {
    for (let y = -extent; y <= extent; y += step) if (!skip(x, y)) out.push(x, y, heightAt(x, y));
  }
  return out;
}

/** A cloud of the given xyz triples (sensor frame = the frame they are given in). */
export function makeCloud(xyz: readonly number[]): PointCloud {
  const positions = Float32Array.from(xyz);
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i++) {
    min[i % 3] = Math.min(min[i % 3]!, positions[i]!);
    max[i % 3] = Math.max(max[i % 3]!, positions[i]!);
  }
  return { count: positions.length / 3, positions, attributes: {}, bounds: { min, max } };
}

/** Applies a row-major 4×4 to xyz triples (to express ego-frame test points in a sensor frame). */
export function transformPoints(m: readonly number[], xyz: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < xyz.length; i += 3) {
    const [x, y, z] = [xyz[i]!, xyz[i + 1]!, xyz[i + 2]!];
    out.push(
      m[0]! * x + m[1]! * y + m[2]! * z + m[3]!,
      m[4]! * x + m[5]! * y + m[6]! * z + m[7]!,
      m[8]! * x + m[9]! * y + m[10]! * z + m[11]!,
    );
  }
  return out;
}

/**
 * A hatchback-like car seen from `sensor`: a body 0.9 m high over the whole length and a cabin on top that
 * starts 1.3 m behind the front (the bonnet) and runs to the rear (the tailgate), 0.6 m high. Ego frame.
 */
export function sampleCar(
  centre: readonly [number, number],
  yaw: number,
  groundZ: number,
  sensor: readonly [number, number, number],
  step = 0.08,
  size: readonly [number, number] = [4.4, 1.8],
): number[] {
  const [l, w] = size;
  const c = Math.cos(yaw),
    s = Math.sin(yaw);
  const body: SyntheticBox = { position: [centre[0], centre[1], groundZ + 0.2 + 0.35], size: [l, w, 0.7], yaw };
  const cabinLength = l - 1.3;
  const shift = -(l - cabinLength) / 2; // cabin's centre behind the box centre, metres along the heading
  const cabin: SyntheticBox = {
    position: [centre[0] + c * shift, centre[1] + s * shift, groundZ + 0.9 + 0.3],
    size: [cabinLength, w - 0.1, 0.6],
    yaw,
  };
  return [...sampleVisibleFaces(body, sensor, step), ...sampleVisibleFaces(cabin, sensor, step)];
}
