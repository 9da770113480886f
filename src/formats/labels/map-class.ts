import { findClass, generalDriving } from '../../core/model/default-ontology';

/** The label dialects whose class names we translate into the `general-driving` ontology. */
export type ClassDialect = 'kitti' | 'nuscenes' | 'sustech' | 'manifest' | 'argoverse2';

export interface ClassMapping {
  classId: string;
  /** False when the class is not in the ontology and was kept under its own (normalised) name. */
  known: boolean;
}

const KITTI: Record<string, string> = {
  Car: 'car',
  Van: 'car',
  Truck: 'truck',
  Pedestrian: 'pedestrian',
  Person_sitting: 'pedestrian',
  Cyclist: 'cyclist',
};

/** nuScenes, both the full category names and mmdet3d's 10 detection classes (as in the sample's JSON). */
const NUSCENES: [RegExp, string][] = [
  [/^(vehicle\.car|car|vehicle\.emergency\.police)$/, 'car'],
  [/^(vehicle\.truck|vehicle\.bus\..*|vehicle\.trailer|vehicle\.construction|vehicle\.emergency\.ambulance)$/, 'truck'],
  [/^(truck|bus|trailer|construction_vehicle)$/, 'truck'],
  [/^(human\.pedestrian\..*|pedestrian)$/, 'pedestrian'],
  [/^(vehicle\.bicycle|vehicle\.motorcycle|bicycle|motorcycle)$/, 'cyclist'],
];

/** SUSTechPOINTS `obj_type`s, compared lower-cased without separators (`ScooterRider` → `scooterrider`). */
const SUSTECH: Record<string, string> = Object.fromEntries(
  Object.entries({
    car: ['car', 'van', 'policecar', 'tourcar', 'taxi', 'suv'],
    truck: ['truck', 'bus', 'minibus', 'longvehicle', 'concretetruck', 'cementtruck'],
    pedestrian: ['pedestrian', 'child', 'roadworker', 'person'],
    cyclist: [
      ...['rider', 'cyclist', 'bicycle', 'bicyclerider', 'bicyclegroup', 'motor', 'motorcycle', 'motorcyclist'],
      ...['motorcyclistrider', 'motorcyclerider', 'scooter', 'scooterrider', 'trimotorcycle', 'tricycle'],
    ],
  }).flatMap(([classId, names]) => names.map((n) => [n, classId])),
);

/**
 * Argoverse 2 sensor dataset categories. AV2 boxes a rider and the bicycle, motorcycle or wheeled device under
 * them as two objects, so only the rider (BICYCLIST, MOTORCYCLIST, WHEELED_RIDER) is a cyclist; the vehicle
 * itself keeps its own name, as an unridden one would. A person directing traffic is a pedestrian.
 */
const ARGOVERSE2: Record<string, string> = Object.fromEntries(
  Object.entries({
    car: ['REGULAR_VEHICLE'],
    truck: [
      'LARGE_VEHICLE',
      'BOX_TRUCK',
      'TRUCK',
      'TRUCK_CAB',
      'VEHICULAR_TRAILER',
      'BUS',
      'ARTICULATED_BUS',
      'SCHOOL_BUS',
    ],
    pedestrian: ['PEDESTRIAN', 'OFFICIAL_SIGNALER'],
    cyclist: ['BICYCLIST', 'MOTORCYCLIST', 'WHEELED_RIDER'],
  }).flatMap(([classId, names]) => names.map((n) => [n, classId])),
);

/**
 * Translates a dataset's class name into a `general-driving` class id. A name the dialect does not map keeps
 * its own name as a snake_case id (`Tram` → `tram`, `movable_object.barrier` → `barrier`) with `known: false`,
 * so the importer can say so once per class. For a manifest the id is taken as written.
 */
export function mapClass(dialect: ClassDialect, name: string): ClassMapping {
  let classId: string | undefined;
  switch (dialect) {
    case 'kitti':
      classId = KITTI[name];
      break;
    case 'nuscenes':
      classId = NUSCENES.find(([pattern]) => pattern.test(name))?.[1];
      if (!classId) return unknown(toClassId(name.split('.').pop() ?? name));
      break;
    case 'sustech':
      classId = SUSTECH[name.toLowerCase().replace(/[^a-z0-9]/g, '')];
      break;
    case 'argoverse2':
      classId = ARGOVERSE2[name];
      break;
    case 'manifest':
      return findClass(generalDriving, name) ? { classId: name, known: true } : { classId: name, known: false };
  }
  return classId ? { classId, known: true } : unknown(toClassId(name));
}

function unknown(classId: string): ClassMapping {
  return { classId: classId || 'unknown', known: false };
}

/** `TrafficBarrier` → `traffic_barrier`, `Person sitting` → `person_sitting`, `Tram` → `tram`. */
export function toClassId(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
