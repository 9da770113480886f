import type { Random } from '../math/random';
import { MATERIAL } from './materials';
import { boundsOf, makeBox, makeCylinder, makeEllipsoid, type Primitive } from './primitive';

export type DemoClassId = 'car' | 'truck' | 'pedestrian' | 'cyclist';

/**
 * The shape of one road user in its OBJECT frame: x forward, y left, z up, metres, origin on the ground under the
 * middle of its footprint. `boxCentre` and `size` are the tight ground-truth box around all the parts.
 */
export interface ObjectTemplate {
  classId: DemoClassId;
  parts: Primitive[];
  boxCentre: [number, number, number];
  size: [number, number, number];
}

function finish(classId: DemoClassId, parts: Primitive[]): ObjectTemplate {
  const { min, max } = boundsOf(parts);
  return {
    classId,
    parts,
    boxCentre: [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2],
    size: [max[0] - min[0], max[1] - min[1], max[2] - min[2]],
  };
}

const CAR_COLORS: [number, number, number][] = [
  [0.85, 0.85, 0.85],
  [0.08, 0.08, 0.09],
  [0.55, 0.57, 0.6],
  [0.6, 0.08, 0.07],
  [0.1, 0.2, 0.45],
  [0.75, 0.75, 0.72],
  [0.15, 0.3, 0.2],
  [0.35, 0.35, 0.37],
  [0.9, 0.9, 0.88],
  [0.55, 0.45, 0.3],
];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Plates front and rear and tail lights at the rear: the retro-reflectors a LiDAR sees brightest. */
function addReflectors(
  parts: Primitive[],
  halfLength: number,
  halfWidth: number,
  plateZ: number,
  lightZ: number,
): void {
  for (const side of [1, -1]) {
    parts.push(makeBox([side * (halfLength - 0.015), 0, plateZ], [0.03, 0.52, 0.12], MATERIAL.plate));
  }
  for (const y of [halfWidth - 0.2, -(halfWidth - 0.2)]) {
    parts.push(makeBox([-(halfLength - 0.02), y, lightZ], [0.04, 0.3, 0.14], MATERIAL.tailLight));
  }
}

/** A passenger car: body, glass cabin with a painted roof, four wheels, plates and lights. */
export function makeCar(random: Random): ObjectTemplate {
  const l = 4.2 + 0.7 * random();
  const w = 1.75 + 0.15 * random();
  const h = 1.42 + 0.18 * random();
  const paint = { color: pick(random, CAR_COLORS), reflectivity: 0.2 + 0.25 * random() };
  const parts: Primitive[] = [];
  parts.push(makeBox([0, 0, 0.615], [l - 0.04, w, 0.67], MATERIAL.carPaint, paint));
  const cabinFront = l / 2 - 1.35;
  const cabinRear = -l / 2 + 0.75;
  const cabinX = (cabinFront + cabinRear) / 2;
  parts.push(
    makeBox([cabinX, 0, (0.95 + h - 0.02) / 2], [cabinFront - cabinRear, w - 0.2, h - 0.02 - 0.95], MATERIAL.glass),
  );
  parts.push(makeBox([cabinX, 0, h - 0.035], [cabinFront - cabinRear - 0.3, w - 0.28, 0.07], MATERIAL.carPaint, paint));
  for (const x of [l / 2 - 0.85, -l / 2 + 0.85]) {
    for (const y of [w / 2 - 0.1, -(w / 2 - 0.1)])
      parts.push(makeEllipsoid([x, y, 0.32], [0.32, 0.1, 0.32], MATERIAL.tyre));
  }
  for (const y of [w / 2 - 0.25, -(w / 2 - 0.25)]) {
    parts.push(makeBox([l / 2 - 0.02, y, 0.75], [0.04, 0.3, 0.12], MATERIAL.lamp));
  }
  addReflectors(parts, l / 2, w / 2, 0.45, 0.82);
  return finish('car', parts);
}

/** A box truck: cab with windscreen, cargo box, chassis, three axles. */
export function makeTruck(random: Random): ObjectTemplate {
  const l = 8 + random();
  const w = 2.45;
  const h = 3.3 + 0.3 * random();
  const cab = { color: pick(random, CAR_COLORS), reflectivity: 0.35 };
  const cargo = { color: [0.88, 0.88, 0.86] as [number, number, number], reflectivity: 0.45 };
  const parts: Primitive[] = [
    makeBox([l / 2 - 1.06, 0, 1.725], [2.08, w - 0.05, 2.35], MATERIAL.carPaint, cab),
    makeBox([l / 2 - 0.305, 0, 2.2], [0.59, w - 0.3, 1.0], MATERIAL.glass),
    makeBox([(-l / 2 + l / 2 - 2.3) / 2, 0, (0.95 + h) / 2], [l - 2.3, w, h - 0.95], MATERIAL.carPaint, cargo),
    makeBox([(-l / 2 + 0.3 + l / 2 - 2.1) / 2, 0, 0.75], [l - 2.4, 1.2, 0.4], MATERIAL.metal),
  ];
  for (const x of [l / 2 - 1.2, -l / 2 + 1.6, -l / 2 + 2.7]) {
    for (const y of [w / 2 - 0.14, -(w / 2 - 0.14)])
      parts.push(makeEllipsoid([x, y, 0.5], [0.5, 0.14, 0.5], MATERIAL.tyre));
  }
  addReflectors(parts, l / 2, w / 2, 0.6, 0.8);
  return finish('truck', parts);
}

function clothing(random: Random): { color: [number, number, number]; reflectivity: number } {
  const v = 0.1 + 0.7 * random();
  return {
    color: [v * (0.6 + 0.4 * random()), v * (0.6 + 0.4 * random()), v * (0.6 + 0.4 * random())],
    reflectivity: 0.1 + 0.3 * v,
  };
}

/** A person mid-stride, facing +x. Legs overlap at the middle so that no ray slips between them at the centre. */
export function makePedestrian(random: Random): ObjectTemplate {
  const h = 1.6 + 0.3 * random();
  const legH = 0.5 * h;
  const torsoH = 0.32 * h;
  const top = clothing(random);
  const trousers = clothing(random);
  const parts: Primitive[] = [
    makeBox([0.08, 0.07, legH / 2], [0.16, 0.16, legH], MATERIAL.cloth, trousers),
    makeBox([-0.08, -0.07, legH / 2], [0.16, 0.16, legH], MATERIAL.cloth, trousers),
    makeBox([0, 0, legH + torsoH / 2], [0.26, 0.42, torsoH], MATERIAL.cloth, top),
    makeCylinder([0, 0, legH + torsoH], 0.05, h - 0.12 - legH - torsoH, MATERIAL.skin),
    makeEllipsoid([0, 0, h - 0.12], [0.1, 0.085, 0.12], MATERIAL.skin),
  ];
  for (const side of [1, -1]) {
    parts.push(
      makeBox([side * 0.05, side * 0.265, legH + torsoH - 0.15 * h], [0.12, 0.1, 0.3 * h], MATERIAL.cloth, top),
    );
  }
  return finish('pedestrian', parts);
}

/** A bicycle with its rider, facing +x. */
export function makeCyclist(random: Random): ObjectTemplate {
  const top = clothing(random);
  const frame = { color: pick(random, CAR_COLORS), reflectivity: 0.35 };
  const parts: Primitive[] = [
    makeEllipsoid([0.52, 0, 0.34], [0.34, 0.025, 0.34], MATERIAL.tyre),
    makeEllipsoid([-0.52, 0, 0.34], [0.34, 0.025, 0.34], MATERIAL.tyre),
    makeBox([0, 0, 0.55], [0.75, 0.05, 0.06], MATERIAL.metal, frame),
    makeBox([0.42, 0, 0.98], [0.05, 0.5, 0.04], MATERIAL.metal),
    makeBox([-0.05, 0, 0.72], [0.3, 0.3, 0.5], MATERIAL.cloth, clothing(random)),
    makeBox([0.05, 0, 1.25], [0.3, 0.38, 0.55], MATERIAL.cloth, top),
    makeEllipsoid([0.15, 0, 1.64], [0.11, 0.09, 0.12], MATERIAL.skin),
    makeBox([-0.52, 0, 0.75], [0.04, 0.08, 0.06], MATERIAL.tailLight),
  ];
  for (const side of [1, -1]) parts.push(makeBox([0.25, side * 0.22, 1.2], [0.4, 0.08, 0.1], MATERIAL.cloth, top));
  return finish('cyclist', parts);
}
