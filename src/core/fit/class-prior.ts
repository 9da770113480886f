import type { Vec3 } from '../math/mat4';
import { findClass, generalDriving } from '../model/default-ontology';
import type { ClusterTolerance } from './label-clusters';

/** What a fit assumes about the class of the object clicked: its typical size and how to find its points. */
export interface ClassPrior {
  /** Typical [length, width, height], metres: the size a partly seen object is completed toward. */
  defaultSize: Vec3;
  /** Longest and widest plausible footprint, metres: beyond them a cluster holds more than the object. */
  maxLength: number;
  maxWidth: number;
  /** Metres round the click within which the object's points are gathered (a truck needs more than a car). */
  searchRadius: number;
  /** Points at most this far above the ground (metres) belong to the object: not the tree or sign above it. */
  maxHeight: number;
  /** Points at most this far above the ground (metres) are road, kerb or low vegetation, not object. */
  minHeight: number;
  /** When two points are of the same object (see `labelClusters`). */
  tolerance: Omit<ClusterTolerance, 'sensorX' | 'sensorY'>;
  /** True for classes with a front and a rear whose shape tells them apart (cars, trucks). */
  vehicle: boolean;
}

const VEHICLES = new Set(['car', 'truck', 'bus', 'van', 'trailer', 'construction_vehicle']);

/**
 * The prior for a class id of the general driving ontology (unknown ids, and no id, are taken as cars);
 * `defaultSize` overrides the ontology's size, as a project's own ontology would.
 */
export function classPriorOf(classId = 'car', defaultSize?: Vec3): ClassPrior {
  const size = defaultSize ?? findClass(generalDriving, classId)?.defaultSize ?? [4.5, 1.85, 1.6];
  const [l, w, h] = size;
  const vehicle = VEHICLES.has(classId) || (!findClass(generalDriving, classId) && l > 2.5);
  return {
    defaultSize: size,
    // Cars vary by a quarter around the typical size; trucks and buses run from 6 m to articulated 18 m and more.
    maxLength: (classId === 'truck' || classId === 'bus' ? 2.5 : 1.3) * l,
    maxWidth: 1.3 * w,
    // A click anywhere on the object must reach its far corner: the diagonal and a margin.
    searchRadius: Math.hypot(l, w) + 0.5,
    maxHeight: 1.5 * h + 0.3,
    // Kerb stones (0.15–0.2 m) and the ground estimate's error stay below 0.3 m; a car's sills are above it.
    minHeight: vehicle ? 0.3 : 0.15,
    // Across the line of sight 0.25 m keeps a car apart from a hedge 0.3 m beside it (KITTI 000002); along it
    // 0.8 m joins a bumper to the boot lid seen behind it.
    tolerance: { tangential: 0.25, radial: vehicle ? 0.8 : 0.5, maxDz: 1 },
    vehicle,
  };
}
