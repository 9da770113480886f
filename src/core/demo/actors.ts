import type { Random } from '../math/random';
import type { ActorPath } from './actor-path';
import { ROAD } from './road-layout';
import { makeCar, makePedestrian, type ObjectTemplate } from './templates';
import { addTraffic } from './traffic';

/** A ground-truth road user: its shape and its path. `index` is stable across frames and is its object id. */
export interface DemoObject {
  index: number;
  template: ObjectTemplate;
  path: ActorPath;
}

const WALK_RATE = 2 * Math.PI * 0.9; // rad/s: a sway per stride at ~0.9 Hz

/**
 * The road users of the demo streets (road frame, see road-layout.ts): the traffic (traffic.ts), the person
 * crossing on the zebra in front of the ego, people on the sidewalks and parked cars. Nobody collides during
 * the drive: each lane's users keep their order and gaps, and whoever meets the person on the zebra waits.
 */
export function createActors(random: Random): DemoObject[] {
  const out: DemoObject[] = [];
  const add = (template: ObjectTemplate, path: ActorPath) => out.push({ index: out.length, template, path });
  addTraffic(random, add);
  // The person on the zebra, from the −y curb towards +y: past the ego's lane before it pulls away, past the
  // inner lane before the car waiting there goes, and far from the oncoming lanes until the truck has passed.
  add(makePedestrian(random), {
    kind: 'walk',
    x0: ROAD.crosswalkX - 0.4 + 0.8 * random(),
    y0: -10,
    vx: 0,
    vy: 1.45,
    sway: 0.03,
    swayRate: WALK_RATE,
    phase: 0,
  });
  addSidewalkWalkers(random, add);
  addParkedCars(random, add);
  return out;
}

/** Half the length of the stretch around the intersection that sidewalk walkers and parked cars keep clear of. */
const CLEAR = 16;

/**
 * One walker per sidewalk line (0.75 m apart) along each street, so walkers never meet. In the 10 s of the
 * drive (at most 16 m) they stay out of the intersection's corners.
 */
function addSidewalkWalkers(random: Random, add: (t: ObjectTemplate, p: ActorPath) => void): void {
  for (const street of ['main', 'cross'] as const) {
    for (const side of [-1, 1]) {
      for (let k = 0; k < (street === 'main' ? 4 : 2); k++) {
        const dir = k % 2 === 0 ? 1 : -1;
        const speed = dir * (1.1 + 0.5 * random());
        const along = startAlong(random, street, speed);
        const across = side * (11.3 + 0.75 * k);
        const [x0, y0] = street === 'main' ? [along, across] : [ROAD.crossX + across, along];
        const [vx, vy] = street === 'main' ? [speed, 0] : [0, speed];
        const phase = 2 * Math.PI * random();
        add(makePedestrian(random), { kind: 'walk', x0, y0, vx, vy, sway: 0.04, swayRate: WALK_RATE, phase });
      }
    }
  }
}

/** A start along the street from which 10 s at `speed` m/s stay clear of the intersection (16 m < 2 · CLEAR). */
function startAlong(random: Random, street: 'main' | 'cross', speed: number): number {
  const centre = centreOf(street);
  for (;;) {
    const along = (street === 'main' ? -25 : -70) + 120 * random();
    if (Math.min(Math.abs(along - centre), Math.abs(along + 10 * speed - centre)) >= CLEAR) return along;
  }
}

/** Where the other street crosses, as a coordinate along this one. */
function centreOf(street: 'main' | 'cross'): number {
  return street === 'main' ? ROAD.crossX : 0;
}

/** Cars parked nose to tail in the parking strips, facing the traffic of their side, none near the intersection. */
function addParkedCars(random: Random, add: (t: ObjectTemplate, p: ActorPath) => void): void {
  for (const street of ['main', 'cross'] as const) {
    const [from, to] = street === 'main' ? [ROAD.minX, ROAD.maxX] : [-100, 100];
    for (const side of [-1, 1]) {
      let along = from + 5;
      while (along < to - 5) {
        const template = makeCar(random);
        const half = template.size[0] / 2;
        const centre = along + half;
        const free = random() < 0.3;
        if (!free && Math.abs(centre - centreOf(street)) > CLEAR + half) {
          const across = side * ROAD.parkingY;
          // Main street: the −y side faces +x. Cross street: the +x side faces +y.
          const pose =
            street === 'main'
              ? { x: centre, y: across, yaw: side < 0 ? 0 : Math.PI }
              : { x: ROAD.crossX + across, y: centre, yaw: side > 0 ? Math.PI / 2 : -Math.PI / 2 };
          add(template, { kind: 'still', ...pose });
        }
        along = centre + half + 1 + 2.5 * random();
      }
    }
  }
}
