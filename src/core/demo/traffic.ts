import type { Random } from '../math/random';
import type { ActorPath, LaneShift } from './actor-path';
import { EGO_FRONT, EGO_GO_AT } from './ego-motion';
import { ROAD } from './road-layout';
import { arc, straight, type RoutePiece } from './route';
import { changeSpeed, hold, stopAndGo, type SpeedPhase } from './speed-profile';
import { makeCar, makeCyclist, makeTruck, type ObjectTemplate } from './templates';

type Add = (template: ObjectTemplate, path: ActorPath) => void;

const { crossX, innerLaneY: INNER, outerLaneY: OUTER } = ROAD;
/** Headings: along the main street towards +x and −x, along the cross street towards −y and +y. */
const [EAST, WEST, SOUTH, NORTH] = [0, Math.PI, -Math.PI / 2, Math.PI / 2];
/** Where a front bumper stops: 0.3 m short of a stop line's near edge (lines are 0.4 m wide). */
const LINE_STOP = ROAD.stopLineX - 0.2 - 0.3;
/** The cross street's stop lines, as distance from the main street's centre line to where a front stops. */
const CROSS_STOP = ROAD.curbY + ROAD.stopLineGap + 0.2 + 0.3;

/** A vehicle on a route from (x, y) at `heading`, at `v0` m/s then `phases`, easing sideways by `shifts`. */
function driving(
  x: number,
  y: number,
  heading: number,
  pieces: RoutePiece[],
  v0: number,
  phases: SpeedPhase[] = [],
  shifts?: LaneShift[],
): ActorPath {
  return { kind: 'route', route: { x, y, heading, pieces }, speed: { v0, phases }, ...(shifts ? { shifts } : {}) };
}

/**
 * The moving traffic around the ego's stop and right turn (ego-motion.ts), in the ROAD frame: the main street has
 * green, the cross street waits at red. The lanes, starts and timings keep everybody clear of each other, of the
 * ego and of the person on the zebra (her path is in actors.ts): whoever meets her in its lane waits.
 */
export function addTraffic(random: Random, add: Add): void {
  // Ahead of the ego in the inner lane: brakes for the person on the zebra, waits until she is past its lane,
  // then pulls away straight through the intersection.
  const lead = makeCar(random);
  const leadX = 10 + 1.5 * random();
  const leadV = 5.5 + 0.5 * random();
  const leadStop = LINE_STOP - lead.size[0] / 2 - leadX;
  add(lead, driving(leadX, -INNER, EAST, [], leadV, stopAndGo(leadV, leadStop, 2.5, 7.2, 2.2, 9)));
  // Behind the ego in its lane: stops 2.5 m behind it, pulls away 1.2 s after it and goes straight on.
  const follower = makeCar(random);
  const followerX = -10.5 - 1.5 * random();
  const followerStop = LINE_STOP - EGO_FRONT - 1 - 2.5 - follower.size[0] / 2 - followerX;
  add(follower, driving(followerX, -OUTER, EAST, [], 8, stopAndGo(8, followerStop, 2.5, EGO_GO_AT + 1.2, 2, 8)));
  addOncoming(random, add);
  addCrossStreet(random, add);
  // A cyclist each way in the bike lanes; the one ahead of the ego passes behind the person on the zebra.
  add(makeCyclist(random), driving(10 + random(), -ROAD.bikeLaneY, EAST, [], 4));
  add(makeCyclist(random), driving(50 + 4 * random(), ROAD.bikeLaneY, WEST, [], 4.8));
}

/** The main street's oncoming side (towards −x): a left turn into the cross street, and a truck overtaken. */
function addOncoming(random: Random, add: Add): void {
  // Brakes from city speed to 5 m/s, turns left on a 10 m arc into the cross street's inner lane towards −y,
  // and speeds up again; done before the overtaking car behind it reaches the intersection.
  const radius = 10;
  const turnX = crossX - INNER + radius;
  const v0 = 7 + 0.5 * random();
  const braking = changeSpeed(v0, 5, 2);
  const turnerX = turnX + (v0 * v0 - 25) / 4 + 0.5 + random();
  const turn = arc(radius, Math.PI / 2);
  add(
    makeCar(random),
    driving(turnerX, INNER, WEST, [straight(turnerX - turnX), turn], v0, [
      hold((turnerX - turnX - (v0 * v0 - 25) / 4) / v0),
      braking,
      hold(turn.length / 5),
      changeSpeed(5, 9, 2),
    ]),
  );
  // A slow truck in the outer lane, and a car that pulls out into the inner lane, passes it and pulls back in.
  const truckX = 72 + 2 * random();
  add(makeTruck(random), driving(truckX, OUTER, WEST, [], 7));
  add(
    makeCar(random),
    driving(
      truckX + 20,
      OUTER,
      WEST,
      [],
      11.5,
      [],
      [
        { t0: 0.5, duration: 2, by: ROAD.laneWidth },
        { t0: 6.8, duration: 2, by: -ROAD.laneWidth },
      ],
    ),
  );
}

/**
 * The cross street at red: a car waiting at each approach's stop line in each lane, and one more arriving on each
 * side that brakes to a stop 2.5 m behind the car waiting in its lane.
 */
function addCrossStreet(random: Random, add: Add): void {
  for (const side of [1, -1]) {
    // North of the main street traffic comes towards −y on the −x side of the centre line; south, the reverse.
    const heading = side > 0 ? SOUTH : NORTH;
    const laneX = (lane: number) => crossX - side * lane;
    let queueEnd = CROSS_STOP;
    for (const lane of [INNER, OUTER]) {
      const car = makeCar(random);
      const y = side * (CROSS_STOP + car.size[0] / 2);
      add(car, { kind: 'still', x: laneX(lane), y, yaw: heading });
      if (lane === (side > 0 ? INNER : OUTER)) queueEnd = CROSS_STOP + car.size[0];
    }
    const arriving = makeCar(random);
    const start = 55 + 5 * random();
    const v0 = 9 + random();
    const stop = start - (queueEnd + 2.5 + arriving.size[0] / 2);
    const lane = side > 0 ? INNER : OUTER;
    add(arriving, driving(laneX(lane), side * start, heading, [], v0, stopAndGo(v0, stop, 2.5, Infinity, 2, 9)));
  }
}
