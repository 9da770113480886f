import type { Random } from '../math/random';
import { MATERIAL } from './materials';
import { makeBox, makeCylinder, makeEllipsoid, type Primitive } from './primitive';
import { ROAD } from './road-layout';

/**
 * The parts of the street that never move, in the ROAD frame (see road-layout.ts): buildings on both sides,
 * street lights, traffic signs and trees along the curb. Same seed, same street.
 */
export function createStaticWorld(random: Random): Primitive[] {
  const parts: Primitive[] = [];
  for (const side of [-1, 1]) {
    addBuildings(parts, random, side);
    const lights = addStreetLights(parts, side);
    addSigns(parts, random, side);
    addTrees(parts, random, side, lights);
  }
  return parts;
}

const FACADES: [number, number, number][] = [
  [0.72, 0.66, 0.58],
  [0.6, 0.42, 0.35],
  [0.78, 0.76, 0.7],
  [0.5, 0.52, 0.55],
  [0.68, 0.58, 0.45],
  [0.42, 0.4, 0.38],
  [0.82, 0.8, 0.74],
  [0.55, 0.35, 0.3],
];

function addBuildings(parts: Primitive[], random: Random, side: number): void {
  let x = ROAD.minX;
  while (x < ROAD.maxX) {
    const width = 12 + 20 * random();
    const depth = 12 + 10 * random();
    const height = random() < 0.25 ? 20 + 15 * random() : 7 + 14 * random();
    const setback = ROAD.buildingY + 2 * random();
    const color = FACADES[Math.floor(random() * FACADES.length)]!;
    const shade = 0.9 + 0.2 * random();
    parts.push(
      makeBox([x + width / 2, side * (setback + depth / 2), height / 2], [width, depth, height], MATERIAL.facade, {
        color: [color[0] * shade, color[1] * shade, color[2] * shade],
        reflectivity: 0.3 + 0.15 * random(),
      }),
    );
    x += width + (random() < 0.35 ? 0 : 2 + 6 * random());
  }
}

/** Street lights every 30 m, staggered between the sides; returns their x positions. */
function addStreetLights(parts: Primitive[], side: number): number[] {
  const xs: number[] = [];
  const y = side * 10.45;
  const base = ROAD.curbHeight;
  for (let x = ROAD.minX + 10 + (side > 0 ? 15 : 0); x < ROAD.maxX; x += 30) {
    parts.push(makeCylinder([x, y, base], 0.1, 8, MATERIAL.metal));
    parts.push(makeBox([x, side * (10.45 - 1.1), base + 7.9], [0.12, 2.2, 0.1], MATERIAL.metal));
    parts.push(makeBox([x, side * (10.45 - 2.1), base + 7.75], [0.5, 0.3, 0.18], MATERIAL.lamp));
    xs.push(x);
  }
  return xs;
}

/** Signs facing the traffic that drives on this side (retro-reflective faces). */
function addSigns(parts: Primitive[], random: Random, side: number): void {
  const y = side * 10.45;
  for (let x = ROAD.minX + 22 + 20 * random(); x < ROAD.maxX; x += 40 + 20 * random()) {
    parts.push(makeCylinder([x, y, ROAD.curbHeight], 0.04, 2.3, MATERIAL.metal));
    parts.push(makeBox([x, y, ROAD.curbHeight + 2.6], [0.03, 0.6, 0.6], MATERIAL.sign));
  }
}

function addTrees(parts: Primitive[], random: Random, side: number, lights: number[]): void {
  const y = side * 10.6;
  for (let x = ROAD.minX + 5 + 6 * random(); x < ROAD.maxX; x += 11 + 4 * random()) {
    if (Math.abs(x - ROAD.crosswalkX) < 6 || lights.some((lx) => Math.abs(lx - x) < 3)) continue;
    const trunkHeight = 2.7 + 0.5 * random();
    const radius = 1.5 + 0.7 * random();
    const radiusZ = 1.4 + 0.6 * random();
    const green = 0.8 + 0.4 * random();
    parts.push(makeCylinder([x, y, ROAD.curbHeight], 0.15 + 0.08 * random(), trunkHeight, MATERIAL.bark));
    parts.push(
      makeEllipsoid(
        [x, y, ROAD.curbHeight + trunkHeight + 0.75 * radiusZ],
        [radius, radius, radiusZ],
        MATERIAL.foliage,
        {
          color: [0.2 * green, 0.38 * green, 0.14 * green],
        },
      ),
    );
  }
}
