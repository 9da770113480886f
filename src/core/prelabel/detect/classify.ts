import type { ClusterShape } from './measure-cluster';

/** A range a measure must lie in (`hard`) and the part of it typical of the class (`soft`), metres. */
interface Range {
  hard: readonly [number, number];
  soft: readonly [number, number];
}

/**
 * What a road user of one class looks like as seen, not as labelled: the observed footprint is often only the
 * near faces (a car end-on shows its width and a few decimetres of depth), so lower bounds are loose and upper
 * bounds are the class's largest plausible size. Heights are of the top above the ground, which occlusion from
 * below does not shorten.
 */
interface ClassShape {
  classId: 'car' | 'truck' | 'pedestrian' | 'cyclist';
  length: Range;
  width: Range;
  top: Range;
  topLength: Range;
  /** Length plus width of the observed footprint: a vehicle shows a face and a side, or a long face. */
  span: Range;
  /** Fraction of its lower returns on its outline (see `ClusterShape.surface`): sheet metal, not foliage. */
  surface: Range;
  /** A vehicle's body starts within this of the ground (a hedge's or a wall's foot does too; a canopy's not). */
  maxBottom: number;
}

const INF = Number.POSITIVE_INFINITY;
const ANY: Range = { hard: [-INF, INF], soft: [-INF, INF] };
const VEHICLE_SURFACE: Range = { hard: [0.5, 1], soft: [0.7, 1] };

export const CLASS_SHAPES: readonly ClassShape[] = [
  {
    classId: 'car',
    length: { hard: [1.2, 6.2], soft: [2, 5.3] },
    width: { hard: [0, 2.5], soft: [0, 2.1] },
    top: { hard: [1.05, 2.5], soft: [1.3, 2] },
    topLength: { hard: [0.7, 5], soft: [1, 4] },
    span: { hard: [1.6, 8.7], soft: [3, 7.4] },
    surface: VEHICLE_SURFACE,
    maxBottom: 1,
  },
  {
    classId: 'truck',
    length: { hard: [2, 20], soft: [4, 14] },
    width: { hard: [0, 3.3], soft: [0, 2.8] },
    top: { hard: [2.3, INF], soft: [2.6, INF] },
    topLength: { hard: [1.2, 20], soft: [2, 14] },
    span: { hard: [2.5, INF], soft: [4, INF] },
    surface: VEHICLE_SURFACE,
    maxBottom: 1.2,
  },
  {
    classId: 'pedestrian',
    length: { hard: [0.25, 1.3], soft: [0.4, 1] },
    width: { hard: [0, 1], soft: [0, 0.8] },
    top: { hard: [1, 2.1], soft: [1.4, 1.95] },
    topLength: { hard: [0, 0.9], soft: [0, 0.7] },
    span: ANY,
    surface: ANY,
    maxBottom: 0.6,
  },
  {
    classId: 'cyclist',
    length: { hard: [1, 2.4], soft: [1.4, 2] },
    width: { hard: [0, 1.2], soft: [0, 0.9] },
    top: { hard: [1.1, 2.1], soft: [1.4, 1.95] },
    topLength: { hard: [0, 1], soft: [0, 0.8] },
    span: ANY,
    surface: ANY,
    maxBottom: 0.6,
  },
];

/** How well a value sits in a range: 1 inside the soft part, falling linearly to 0.3 at the hard limits, else 0. */
function agreement(value: number, range: Range): number {
  const [lo, hi] = range.hard;
  const [softLo, softHi] = range.soft;
  if (value < lo || value > hi) return 0;
  if (value < softLo) return 0.3 + (0.7 * (value - lo)) / (softLo - lo);
  if (value > softHi) return 0.3 + (0.7 * (hi - value)) / (hi - softHi);
  return 1;
}

/** The class whose shape the cluster fits best, with that fit in (0, 1]; undefined when it fits none. */
export function classifyShape(
  shape: ClusterShape,
  wanted: (classId: string) => boolean,
): { classId: ClassShape['classId']; fit: number } | undefined {
  let best: { classId: ClassShape['classId']; fit: number } | undefined;
  for (const cls of CLASS_SHAPES) {
    if (!wanted(cls.classId) || shape.bottom > cls.maxBottom) continue;
    const fit =
      agreement(shape.length, cls.length) *
      agreement(shape.width, cls.width) *
      agreement(shape.top, cls.top) *
      agreement(shape.topLength, cls.topLength) *
      agreement(shape.length + shape.width, cls.span) *
      agreement(shape.surface, cls.surface);
    if (fit > 0 && (!best || fit > best.fit)) best = { classId: cls.classId, fit };
  }
  return best;
}

/** Whether the cluster is larger in x, y than any class allows: it may hold several objects. */
export function tooLargeForAny(shape: ClusterShape): boolean {
  return shape.length > 6.2 && !(shape.top >= 2.3 && shape.length <= 20 && shape.width <= 3.3);
}
