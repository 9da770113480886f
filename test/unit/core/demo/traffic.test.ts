import { describe, expect, it } from 'vitest';
import { createDemoDrive, DEMO_FRAME_COUNT, DEMO_SEED } from '../../../../src/core/demo';
import { poseAt, type GroundPose } from '../../../../src/core/demo/actor-path';
import type { DemoObject } from '../../../../src/core/demo/actors';
import { roadFromEgoAt } from '../../../../src/core/demo/ego-motion';
import { ROAD } from '../../../../src/core/demo/road-layout';
import { normalizeAngle } from '../../../../src/core/math/angle';
import { doBoxesOverlap } from './helpers';

const TIMES = Array.from({ length: DEMO_FRAME_COUNT * 2 }, (_, i) => i * 0.05);
/** The ego's body in its own frame: origin under the rear axle, ~4.6 m long, 1.9 m wide. */
const EGO_BOX = { centre: 1.3, size: [4.6, 1.9, 1.5] };

/** An object's ground-truth box in the road frame at `t` (upright: footprint and heights). */
function boxAt(o: DemoObject, t: number) {
  const p = poseAt(o.path, t);
  const [bx, by, bz] = o.template.boxCentre;
  const [c, s] = [Math.cos(p.yaw), Math.sin(p.yaw)];
  return { position: [p.x + c * bx - s * by, p.y + s * bx + c * by, p.z + bz], size: o.template.size, yaw: p.yaw };
}

function egoBoxAt(seed: number, t: number) {
  const m = roadFromEgoAt(createDemoDrive(seed).ego, t);
  const yaw = Math.atan2(m[4]!, m[0]!);
  const position = [m[3]! + EGO_BOX.centre * Math.cos(yaw), m[7]! + EGO_BOX.centre * Math.sin(yaw), 0.75];
  return { position, size: EGO_BOX.size, yaw };
}

const grown = (b: { position: number[]; size: readonly number[]; yaw: number }, by: number) => ({
  ...b,
  size: [b.size[0]! + 2 * by, b.size[1]! + 2 * by, b.size[2]!],
});

const track = (o: DemoObject): GroundPose[] => TIMES.map((t) => poseAt(o.path, t));
const turned = (poses: GroundPose[]) => normalizeAngle(poses.at(-1)!.yaw - poses[0]!.yaw);
const travelled = (poses: GroundPose[]) =>
  poses.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - poses[i]!.x, p.y - poses[i]!.y), 0);

describe('demo traffic', () => {
  for (const seed of [DEMO_SEED, 1, 2, 3]) {
    it(`keeps every road user 0.3 m clear of every other and of the ego, all drive long (seed ${seed})`, () => {
      const drive = createDemoDrive(seed);
      let near = 0;
      for (const t of TIMES) {
        const boxes = [
          ...drive.objects.map((o) => ({ o, box: boxAt(o, t) })),
          { o: undefined, box: egoBoxAt(seed, t) },
        ];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            const reach = (x: typeof a) => Math.hypot(x.box.size[0]!, x.box.size[1]!) / 2 + 0.3;
            const d = Math.hypot(a.box.position[0]! - b.box.position[0]!, a.box.position[1]! - b.box.position[1]!);
            if (d > reach(a) + reach(b)) continue;
            near++;
            // People on neighbouring sidewalk lines pass each other closer than that, never touching.
            const people = a.o?.template.classId === 'pedestrian' && b.o?.template.classId === 'pedestrian';
            const margin = people ? 0 : 0.3;
            const what = `${a.o?.index ?? 'ego'} and ${b.o?.index ?? 'ego'} at ${t.toFixed(2)} s`;
            expect(doBoxesOverlap(grown(a.box, margin), grown(b.box, margin), 0.01), what).toBe(false);
          }
        }
      }
      expect(near).toBeGreaterThan(100);
    });
  }

  it('has a person cross the zebra, a car stop and go, a left turn, an overtake, and cars stopping at red', () => {
    const drive = createDemoDrive(DEMO_SEED);
    const cars = drive.objects.filter((o) => o.template.classId === 'car' && o.path.kind === 'route');
    // The person on the zebra: from the −y curb across both lanes of the ego's side.
    const crossing = drive.objects.filter((o) => {
      const poses = track(o);
      const onZebra = (p: GroundPose) =>
        Math.abs(p.x - ROAD.crosswalkX) < ROAD.crosswalkHalf && Math.abs(p.y) < ROAD.curbY;
      return poses.every(onZebra) && poses.at(-1)!.y > 1;
    });
    expect(crossing.map((o) => [o.template.classId, track(o)[0]!.y < -ROAD.outerLaneY - 2])).toEqual([
      ['pedestrian', true],
    ]);
    // Cars that stand still for a second or more after moving, and move again: stop and go.
    const stopAndGo = cars.filter((o) => {
      const poses = track(o);
      const still = poses.slice(1).map((p, i) => Math.hypot(p.x - poses[i]!.x, p.y - poses[i]!.y) < 1e-9);
      const first = still.indexOf(true);
      return first > 0 && still.slice(first, first + 20).every(Boolean) && still.lastIndexOf(false) > first;
    });
    expect(stopAndGo.length).toBeGreaterThanOrEqual(2);
    // Cars that stop and stay: the ones arriving at the cross street's red light.
    const stopping = cars.filter((o) => {
      const poses = track(o);
      return travelled(poses) > 10 && travelled(poses.slice(-20)) < 1e-9;
    });
    expect(stopping.map((o) => Math.abs(track(o).at(-1)!.x - ROAD.crossX) < ROAD.curbY)).toEqual([true, true]);
    // Exactly one car turns 90° to the left; the overtaking car ends in its lane, turned back straight.
    expect(cars.filter((o) => Math.abs(turned(track(o)) - Math.PI / 2) < 1e-6)).toHaveLength(1);
    const truck = drive.objects.find((o) => o.template.classId === 'truck')!;
    const overtaker = cars.find((o) => {
      const poses = track(o);
      const truckPoses = track(truck);
      const sameLane = (i: number) => Math.abs(poses[i]!.y - truckPoses[i]!.y) < 0.1;
      // Behind the truck (towards +x, it drives towards −x) at the start, ahead of it at the end, both times in its lane.
      return sameLane(0) && sameLane(TIMES.length - 1) && poses[0]!.x > truckPoses[0]!.x && poses.at(-1)!.x < truckPoses.at(-1)!.x; // prettier-ignore
    });
    expect(overtaker).toBeDefined();
    const sideways = track(overtaker!).map((p) => p.y);
    expect(Math.max(...sideways) - Math.min(...sideways)).toBeCloseTo(ROAD.laneWidth, 9);
  });
});
