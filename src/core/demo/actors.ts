import type { Random } from '../math/random';
import type { ActorPath } from './actor-path';
import { ROAD } from './road-layout';
import { makeCar, makeCyclist, makePedestrian, makeTruck, type ObjectTemplate } from './templates';

/** A ground-truth road user: its shape and its path. `index` is stable across frames and is its object id. */
export interface DemoObject {
  index: number;
  template: ObjectTemplate;
  path: ActorPath;
}

const WALK_RATE = 2 * Math.PI * 0.9; // rad/s: a sway per stride at ~0.9 Hz

/**
 * The road users of the demo street (road frame, see road-layout.ts). The lanes and start positions are chosen
 * so that nobody collides during the 5 s drive: each lane's users keep their order and gaps, and the one person
 * crossing the street does so on the zebra ahead of everybody (the oncoming inner lane waits for her).
 * `egoSpeed` (m/s) keeps the cars in the ego's lane clear of the ego.
 */
export function createActors(random: Random, egoSpeed: number): DemoObject[] {
  const out: DemoObject[] = [];
  const add = (template: ObjectTemplate, path: ActorPath) => out.push({ index: out.length, template, path });
  const inner = ROAD.innerLaneY;
  const outer = ROAD.outerLaneY;
  // Same direction as the ego (−y side, towards +x).
  add(makeCar(random), { kind: 'drive', x0: 20 + 4 * random(), y0: -inner, speed: egoSpeed + 0.3 + 0.5 * random() });
  add(makeCar(random), { kind: 'drive', x0: -18 - 4 * random(), y0: -inner, speed: egoSpeed - 0.3 - 0.5 * random() });
  add(makeCar(random), { kind: 'drive', x0: -28 - 3 * random(), y0: -outer, speed: 12.5 + random() });
  add(makeCar(random), { kind: 'drive', x0: 28 + 4 * random(), y0: -outer, speed: 7.5 + 0.5 * random() });
  // Oncoming (+y side, towards −x); the first one moves over to the outer lane.
  add(makeCar(random), {
    kind: 'drive',
    x0: 25 + 3 * random(),
    y0: inner,
    speed: -10 - 0.5 * random(),
    laneChange: { y1: outer, t0: 1 + 0.5 * random(), duration: 2.5 },
  });
  add(makeCar(random), { kind: 'drive', x0: 52 + 3 * random(), y0: inner, speed: -9.5 });
  add(makeCar(random), { kind: 'drive', x0: 40 + 3 * random(), y0: outer, speed: -9 });
  add(makeTruck(random), { kind: 'drive', x0: 58 + 2 * random(), y0: outer, speed: -8 - 0.5 * random() });
  // Two cars waiting before the zebra in the oncoming inner lane.
  const waitX = ROAD.crosswalkX + ROAD.crosswalkHalf + 4.5;
  add(makeCar(random), { kind: 'still', x: waitX, y: inner, yaw: Math.PI });
  add(makeCar(random), { kind: 'still', x: waitX + 6.5 + random(), y: inner, yaw: Math.PI });
  // Cyclists in the bike lanes; the two on the same side ride at the same speed.
  add(makeCyclist(random), { kind: 'drive', x0: 10 + 3 * random(), y0: -ROAD.bikeLaneY, speed: 4.5 });
  add(makeCyclist(random), { kind: 'drive', x0: -10 - 3 * random(), y0: -ROAD.bikeLaneY, speed: 4.5 });
  add(makeCyclist(random), { kind: 'drive', x0: 45 + 5 * random(), y0: ROAD.bikeLaneY, speed: -5 });
  // The person on the zebra, from the +y sidewalk towards −y.
  add(makePedestrian(random), {
    kind: 'walk',
    x0: ROAD.crosswalkX - 0.5 + random(),
    y0: 10.9,
    vx: 0,
    vy: -1.3,
    sway: 0.03,
    swayRate: WALK_RATE,
    phase: 0,
  });
  addSidewalkWalkers(random, add);
  addParkedCars(random, add);
  return out;
}

/** One walker per sidewalk line (0.75 m apart), so walkers never meet; they stay clear of the zebra. */
function addSidewalkWalkers(random: Random, add: (t: ObjectTemplate, p: ActorPath) => void): void {
  for (const side of [-1, 1]) {
    for (let k = 0; k < 4; k++) {
      const dir = k % 2 === 0 ? 1 : -1;
      add(makePedestrian(random), {
        kind: 'walk',
        x0: -25 + 87 * random(),
        y0: side * (11.3 + 0.75 * k),
        vx: dir * (1.1 + 0.5 * random()),
        vy: 0,
        sway: 0.04,
        swayRate: WALK_RATE,
        phase: 2 * Math.PI * random(),
      });
    }
  }
}

/** Cars parked nose to tail in the parking strips, facing the traffic of their side, none near the zebra. */
function addParkedCars(random: Random, add: (t: ObjectTemplate, p: ActorPath) => void): void {
  for (const side of [-1, 1]) {
    let x = ROAD.minX + 5;
    while (x < ROAD.maxX - 5) {
      const template = makeCar(random);
      const half = template.size[0] / 2;
      const centre = x + half;
      const free = random() < 0.3;
      if (!free && Math.abs(centre - ROAD.crosswalkX) > 8) {
        add(template, { kind: 'still', x: centre, y: side * ROAD.parkingY, yaw: side < 0 ? 0 : Math.PI });
      }
      x = centre + half + 1 + 2.5 * random();
    }
  }
}
