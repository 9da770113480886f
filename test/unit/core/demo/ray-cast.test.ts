import { describe, expect, it } from 'vitest';
import { createDemoDrive, DEMO_SEED } from '../../../../src/core/demo';
import { buildFrameWorld, F, packStatic, STRIDE, type FrameWorld } from '../../../../src/core/demo/frame-world';
import { createRay, createRayHit, HIT_NONE, setRay, type RayHit } from '../../../../src/core/demo/intersect';
import { makeBox, makeCylinder, makeEllipsoid, SHAPE } from '../../../../src/core/demo/primitive';
import { buildRayIndex } from '../../../../src/core/demo/ray-index';
import { castRay, INTERSECT } from '../../../../src/core/demo/ray-cast';
import { createRandom } from '../../../../src/core/math/random';
import { transformPoint } from '../../../../src/core/math/mat4';
import { roadFromEgoAt } from '../../../../src/core/demo/ego-motion';
import { groundHeightAt, isRoadAt, ROAD } from '../../../../src/core/demo/road-layout';

/** Whether a road-frame point is inside primitive i (the definition the ray tests must agree with). */
function isInside(world: FrameWorld, i: number, x: number, y: number, z: number): boolean {
  const d = world.data;
  const b = i * STRIDE;
  const rx = x - d[b + F.x]!,
    ry = y - d[b + F.y]!,
    rz = z - d[b + F.z]!;
  const c = d[b + F.cos]!,
    s = d[b + F.sin]!;
  const lx = c * rx + s * ry,
    ly = -s * rx + c * ry;
  const [hx, hy, hz] = [d[b + F.hx]!, d[b + F.hy]!, d[b + F.hz]!];
  if (d[b + F.shape] === SHAPE.box) return Math.abs(lx) <= hx && Math.abs(ly) <= hy && Math.abs(rz) <= hz;
  if (d[b + F.shape] === SHAPE.cylinder) return lx * lx + ly * ly <= hx * hx && Math.abs(rz) <= hz;
  return (lx / hx) ** 2 + (ly / hy) ** 2 + (rz / hz) ** 2 <= 1;
}

describe('demo ray tests', () => {
  it('find the first surface of boxes, cylinders and ellipsoids, with outward normals', () => {
    const random = createRandom(11);
    const look = { yaw: 0 };
    let hits = 0;
    for (let n = 0; n < 300; n++) {
      look.yaw = (random() - 0.5) * 2 * Math.PI;
      const size: [number, number, number] = [0.5 + 3 * random(), 0.5 + 2 * random(), 0.5 + 2 * random()];
      const shape = n % 3;
      const prim =
        shape === 0
          ? makeBox([1, 2, 1], size, 0, { ...look })
          : shape === 1
            ? makeCylinder([1, 2, 0], size[0] / 2, size[2], 0)
            : makeEllipsoid([1, 2, 1], [size[0] / 2, size[1] / 2, size[2] / 2], 0, { ...look });
      const world = packStatic([prim]);
      // A ray from 8–12 m away aimed near the centre.
      const az = 2 * Math.PI * random(),
        el = (random() - 0.5) * 2;
      const o = [
        1 + 10 * Math.cos(az) * Math.cos(el),
        2 + 10 * Math.sin(az) * Math.cos(el),
        prim.z + 10 * Math.sin(el),
      ];
      const target = [
        1 + (random() - 0.5) * size[0],
        2 + (random() - 0.5) * size[1],
        prim.z + (random() - 0.5) * size[2],
      ];
      const dir = target.map((v, k) => v - o[k]!);
      const len = Math.hypot(...dir);
      const [dx, dy, dz] = dir.map((v) => v / len) as [number, number, number];
      const hit: RayHit = createRayHit();
      INTERSECT[shape]!(world.data, 0, setRay(createRay(), o[0]!, o[1]!, o[2]!, dx, dy, dz), hit);
      const at = (t: number) => isInside(world, 0, o[0]! + dx * t, o[1]! + dy * t, o[2]! + dz * t);
      // March in 5 mm steps to the first inside point, independently of the analytic answer.
      let firstInside = Infinity;
      for (let t = 0; t < 25; t += 0.005) {
        if (at(t)) {
          firstInside = t;
          break;
        }
      }
      if (hit.prim === HIT_NONE) {
        expect(firstInside).toBe(Infinity);
        continue;
      }
      hits++;
      expect(firstInside - hit.t).toBeGreaterThanOrEqual(0);
      expect(firstInside - hit.t).toBeLessThan(0.005 + 1e-9);
      expect(at(hit.t - 1e-6)).toBe(false);
      expect(at(hit.t + 1e-6)).toBe(true);
      expect(Math.hypot(hit.nx, hit.ny, hit.nz)).toBeCloseTo(1, 9);
      expect(hit.nx * dx + hit.ny * dy + hit.nz * dz).toBeLessThan(0);
    }
    expect(hits).toBeGreaterThan(200);
  });

  it('finds with the azimuth index exactly what testing every primitive finds', () => {
    const drive = createDemoDrive(DEMO_SEED);
    // Mid-turn in the intersection (8 s in), where rays reach down both streets.
    const world = buildFrameWorld(drive.staticWorld, drive.objects, 8);
    const [ox, oy, oz] = transformPoint(roadFromEgoAt(drive.ego, 8), [1, 0, 1.8]);
    const index = buildRayIndex(world, ox, oy);
    const random = createRandom(5);
    const fast = createRayHit();
    const ray = createRay();
    let objectHits = 0;
    let mismatches = 0;
    const empty: FrameWorld = { count: 0, data: new Float64Array(0) };
    const emptyIndex = buildRayIndex(empty, ox, oy);
    for (let n = 0; n < 10000; n++) {
      const az = 2 * Math.PI * random(),
        el = (random() - 0.8) * 0.6;
      const [dx, dy, dz] = [Math.cos(az) * Math.cos(el), Math.sin(az) * Math.cos(el), Math.sin(el)];
      setRay(ray, ox, oy, oz, dx, dy, dz);
      castRay(world, index, ray, 150, fast);
      // Brute force: the ground alone (empty index), then every primitive.
      const slow = createRayHit();
      castRay(empty, emptyIndex, ray, 150, slow);
      for (let i = 0; i < world.count; i++) {
        const shape = world.data[i * STRIDE + F.shape]!;
        INTERSECT[shape]!(world.data, i, ray, slow);
      }
      if (fast.prim !== slow.prim || fast.t !== slow.t) mismatches++;
      if (fast.prim >= 0) objectHits++;
    }
    expect(mismatches).toBe(0);
    expect(objectHits).toBeGreaterThan(1000);
  });

  it('meets the ground where the layout puts it: asphalt, raised ground, curb faces between', () => {
    const drive = createDemoDrive(DEMO_SEED);
    const empty: FrameWorld = { count: 0, data: new Float64Array(0) };
    const random = createRandom(9);
    const hit = createRayHit();
    const kinds = { road: 0, raised: 0, curb: 0 };
    // From the sensor on the approach, mid-turn in the intersection, and down the cross street.
    for (const t of [0, 8, 9.9]) {
      const [ox, oy, oz] = transformPoint(roadFromEgoAt(drive.ego, t), [1, 0, 1.8]);
      const index = buildRayIndex(empty, ox, oy);
      for (let n = 0; n < 20000; n++) {
        const az = 2 * Math.PI * random();
        const el = -0.002 - 0.25 * random() ** 3; // mostly grazing: those reach the far curbs
        const [dx, dy, dz] = [Math.cos(az) * Math.cos(el), Math.sin(az) * Math.cos(el), Math.sin(el)];
        castRay(empty, index, setRay(createRay(), ox, oy, oz, dx, dy, dz), 400, hit);
        if (hit.prim === HIT_NONE) continue;
        const [x, y, z] = [ox + dx * hit.t, oy + dy * hit.t, oz + dz * hit.t];
        if (hit.nz === 1) {
          expect(z).toBeCloseTo(groundHeightAt(x, y), 9);
          kinds[isRoadAt(x, y) ? 'road' : 'raised']++;
        } else {
          // A curb face: asphalt on the side it faces, raised ground behind it, between their heights.
          expect(isRoadAt(x + 0.01 * hit.nx, y + 0.01 * hit.ny)).toBe(true);
          expect(isRoadAt(x - 0.01 * hit.nx, y - 0.01 * hit.ny)).toBe(false);
          expect(z).toBeGreaterThanOrEqual(-1e-9);
          expect(z).toBeLessThan(ROAD.curbHeight);
          kinds.curb++;
        }
      }
    }
    expect(kinds.road).toBeGreaterThan(10000);
    expect(kinds.raised).toBeGreaterThan(1000);
    expect(kinds.curb).toBeGreaterThan(50);
  });
});
