import { multiply, type Mat4 } from '../../core/math/mat4';
import type { CameraSensor, Frame, Scene } from '../../core/model/scene';
import { invertAffine } from '../calibration/invert-affine';
import { stemOf } from '../scene/nearest-sample';

/**
 * KITTI's rectified camera frame from the ego frame where a scene has no camera: the camera axes (x right,
 * y down, z forward) set on the ego's (x forward, y left, z up) with no offset.
 */
const RECT_FROM_EGO_AXES: Mat4 = [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1];

/** The camera a KITTI file of a frame refers to, and its rectified frame. `camera` is undefined for none. */
export interface KittiView {
  camera: CameraSensor | undefined;
  rectFromEgo: Mat4;
  egoFromRect: Mat4;
}

/**
 * The camera whose rectified frame KITTI rows of `frame` are written in: the one named `cameraId` (or a
 * KITTI object import's per-calibration copy of it, `<id>@<frame>`) among the frame's images, else the frame's
 * first image's camera, else the scene's first camera, else none (the camera axes on the ego, no 2D boxes).
 * The rectified frame is the camera's `referenceFromCamera` (KITTI: camera 0 rectified) or the camera's own.
 */
export function kittiViewOf(scene: Scene, frame: Frame | undefined, cameraId?: string): KittiView {
  const byId = (id: string | undefined) => scene.cameras.find((c) => c.id === id);
  const sampleIds = frame?.cameras.map((s) => s.sensorId) ?? [];
  const named =
    cameraId === undefined
      ? undefined
      : (sampleIds.find((id) => id === cameraId || id.startsWith(`${cameraId}@`)) ?? cameraId);
  const camera = byId(named) ?? (cameraId === undefined ? (byId(sampleIds[0]) ?? scene.cameras[0]) : undefined);
  const rectFromEgo = camera
    ? camera.referenceFromCamera
      ? multiply(camera.referenceFromCamera, camera.cameraFromEgo)
      : [...camera.cameraFromEgo]
    : [...RECT_FROM_EGO_AXES];
  return { camera, rectFromEgo, egoFromRect: invertAffine(rectFromEgo) };
}

/** A frame's name in KITTI files: its sweep's number where it has one (`000042`), else its index, 6 digits. */
export function kittiFrameName(frame: Frame): string {
  const stem = frame.lidar[0] ? stemOf(frame.lidar[0].uri) : '';
  return /^\d+$/.test(stem) ? stem : String(frame.index).padStart(6, '0');
}

/** The tracking sequence a scene came from (`velodyne/0003/…` → `0003`), else `0000`. */
export function kittiSequenceName(scene: Scene): string {
  const uri = scene.frames[0]?.lidar[0]?.uri ?? '';
  return /(?:^|\/)velodyne\/(\d+)\/[^/]+$/.exec(uri)?.[1] ?? '0000';
}

/** KITTI type names of the ontologies' class ids; any other id is written in PascalCase (`traffic_cone` → `TrafficCone`). */
const KITTI_TYPES: Record<string, string> = {
  car: 'Car',
  van: 'Van',
  truck: 'Truck',
  pedestrian: 'Pedestrian',
  person_sitting: 'Person_sitting',
  cyclist: 'Cyclist',
  tram: 'Tram',
  misc: 'Misc',
};

/** A class id as one KITTI `type` token (no spaces). */
export function kittiTypeOf(classId: string): string {
  return (
    KITTI_TYPES[classId] ??
    (classId
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('') ||
      'Unknown')
  );
}
