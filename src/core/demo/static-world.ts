import type { Random } from '../math/random';
import { MATERIAL } from './materials';
import { makeBox, makeCylinder, makeEllipsoid, type Primitive } from './primitive';
import { ROAD } from './road-layout';

/**
 * The parts of the streets that never move, in the ROAD frame (see road-layout.ts): buildings along both sides
 * of both streets, street lights, traffic signs and trees along the curbs, and a traffic light on each corner of
 * the intersection. Same seed, same streets.
 */
export function createStaticWorld(random: Random): Primitive[] {
  const parts: Primitive[] = [];
  for (const street of STREETS) {
    for (const side of [-1, 1]) {
      addBuildings(parts, random, street, side);
      const lights = addStreetLights(parts, street, side);
      addSigns(parts, random, street, side);
      addTrees(parts, random, street, side, lights);
    }
  }
  addTrafficLights(parts);
  return parts;
}

/**
 * A street in its own terms: `along` it and `across` from its centre line (+ to the left of its +along
 * direction for the main street, towards +x for the cross street). `place` gives road-frame x, y; `size` turns
 * an along × across footprint into road-frame x × y; `crossing` is where the other street crosses, along it.
 */
interface Street {
  from: number;
  to: number;
  crossing: number;
  place(along: number, across: number): [number, number];
  size(along: number, across: number): [number, number];
}

const STREETS: readonly Street[] = [
  {
    from: ROAD.minX,
    to: ROAD.maxX,
    crossing: ROAD.crossX,
    place: (along, across) => [along, across],
    size: (along, across) => [along, across],
  },
  {
    from: ROAD.minY,
    to: ROAD.maxY,
    crossing: 0,
    place: (along, across) => [ROAD.crossX + across, along],
    size: (along, across) => [across, along],
  },
];

/** Street furniture keeps this far (metres, along the street) from the other street's centre line. */
const CORNER = 16;

function nearCorner(street: Street, along: number, margin = 0): boolean {
  return Math.abs(along - street.crossing) < CORNER + margin;
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

function addBuildings(parts: Primitive[], random: Random, street: Street, side: number): void {
  let along = street.from;
  while (along < street.to) {
    let width = 12 + 20 * random();
    const depth = 12 + 10 * random();
    const height = random() < 0.25 ? 20 + 15 * random() : 7 + 14 * random();
    const setback = ROAD.buildingY + 2 * random();
    const color = FACADES[Math.floor(random() * FACADES.length)]!;
    const shade = 0.9 + 0.2 * random();
    // The block ends where the other street's sidewalk begins; the next one starts beyond it.
    const blockEnd = street.crossing - ROAD.buildingY;
    if (along < blockEnd && along + width > blockEnd) width = blockEnd - along;
    if (Math.abs(along + width / 2 - street.crossing) >= ROAD.buildingY && width > 4) {
      const [x, y] = street.place(along + width / 2, side * (setback + depth / 2));
      const [sx, sy] = street.size(width, depth);
      parts.push(
        makeBox([x, y, height / 2], [sx, sy, height], MATERIAL.facade, {
          color: [color[0] * shade, color[1] * shade, color[2] * shade],
          reflectivity: 0.3 + 0.15 * random(),
        }),
      );
    }
    along += width + (random() < 0.35 ? 0 : 2 + 6 * random());
    if (Math.abs(along - street.crossing) < ROAD.buildingY) along = street.crossing + ROAD.buildingY;
  }
}

/** Street lights every 30 m, staggered between the sides; returns where they stand along the street. */
function addStreetLights(parts: Primitive[], street: Street, side: number): number[] {
  const out: number[] = [];
  const base = ROAD.curbHeight;
  for (let along = street.from + 10 + (side > 0 ? 15 : 0); along < street.to; along += 30) {
    if (nearCorner(street, along)) continue;
    const at = (across: number): [number, number] => street.place(along, side * across);
    parts.push(makeCylinder([...at(10.45), base], 0.1, 8, MATERIAL.metal));
    parts.push(makeBox([...at(10.45 - 1.1), base + 7.9], [...street.size(0.12, 2.2), 0.1], MATERIAL.metal));
    parts.push(makeBox([...at(10.45 - 2.1), base + 7.75], [...street.size(0.5, 0.3), 0.18], MATERIAL.lamp));
    out.push(along);
  }
  return out;
}

/** Signs facing the traffic that drives along the street (retro-reflective faces). */
function addSigns(parts: Primitive[], random: Random, street: Street, side: number): void {
  for (let along = street.from + 22 + 20 * random(); along < street.to; along += 40 + 20 * random()) {
    if (nearCorner(street, along)) continue;
    const [x, y] = street.place(along, side * 10.45);
    parts.push(makeCylinder([x, y, ROAD.curbHeight], 0.04, 2.3, MATERIAL.metal));
    parts.push(makeBox([x, y, ROAD.curbHeight + 2.6], [...street.size(0.03, 0.6), 0.6], MATERIAL.sign));
  }
}

function addTrees(parts: Primitive[], random: Random, street: Street, side: number, lights: number[]): void {
  for (let along = street.from + 5 + 6 * random(); along < street.to; along += 11 + 4 * random()) {
    if (nearCorner(street, along, 2) || lights.some((l) => Math.abs(l - along) < 3)) continue;
    const [x, y] = street.place(along, side * 10.6);
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

/** A pole with a signal head on each corner of the intersection, just behind the curbs. */
function addTrafficLights(parts: Primitive[]): void {
  const dark = { color: [0.12, 0.12, 0.13] as [number, number, number], reflectivity: 0.2 };
  for (const sx of [-1, 1]) {
    for (const sy of [-1, 1]) {
      const [x, y] = [ROAD.crossX + sx * 10.6, sy * 10.6];
      parts.push(makeCylinder([x, y, ROAD.curbHeight], 0.09, 3.4, MATERIAL.metal, dark));
      parts.push(makeBox([x, y, ROAD.curbHeight + 3.0], [0.35, 0.35, 0.95], MATERIAL.metal, dark));
    }
  }
}
