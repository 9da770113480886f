import type { CameraSensor, Frame, Scene } from '../../core/model/scene';
import { invertAffine } from '../calibration/invert-affine';
import { EGO_CS, WORLD_CS, type OlCoordinateSystem, type OlFrame, type OlStream } from './openlabel-types';

/** Where a camera's model lives in `stream_properties`: OpenCV's pinhole, or our Kannala-Brandt as a custom model. */
export const FISHEYE_MODEL = 'kannala_brandt';

/**
 * A scene's sensors as OpenLABEL coordinate systems and streams. The ego frame is `vehicle-iso8855`; each
 * sensor has a system of its own name under it whose `pose_wrt_parent` is `egoFromSensor` (cameras with OpenCV
 * axes); `odom` above the ego where frames have ego poses (given per frame by `olFrameProperties`).
 * Cameras carry `intrinsics_pinhole` (camera_matrix 3×4, distortion_coeffs k1 k2 p1 p2 k3) or, for fisheye
 * lenses, `intrinsics_custom` with model `kannala_brandt` and k1..k4, since OpenLABEL's own fisheye model is
 * another polynomial; a KITTI camera's `reference_from_camera` rides along.
 */
export function olSceneParts(scene: Scene): {
  coordinate_systems: Record<string, OlCoordinateSystem>;
  streams: Record<string, OlStream>;
} {
  const posed = scene.frames.some((f) => f.worldFromEgo);
  const sensors = [...scene.lidars, ...scene.cameras];
  const systems: Record<string, OlCoordinateSystem> = {};
  if (posed) systems[WORLD_CS] = { type: 'scene_cs', parent: '', children: [EGO_CS] };
  systems[EGO_CS] = { type: 'local_cs', parent: posed ? WORLD_CS : '', children: sensors.map((s) => s.id) };
  const streams: Record<string, OlStream> = {};
  for (const lidar of scene.lidars) {
    systems[lidar.id] = { type: 'sensor_cs', parent: EGO_CS, children: [], pose_wrt_parent: { matrix4x4: [...lidar.egoFromLidar] } }; // prettier-ignore
    streams[lidar.id] = { type: 'lidar', description: lidar.name };
  }
  for (const camera of scene.cameras) {
    // Calibrations are only nearly rigid (KITTI's R0_rect is rounded): invert exactly.
    const egoFromCamera = invertAffine(camera.cameraFromEgo);
    systems[camera.id] = { type: 'sensor_cs', parent: EGO_CS, children: [], pose_wrt_parent: { matrix4x4: egoFromCamera } }; // prettier-ignore
    streams[camera.id] = { type: 'camera', description: camera.name, stream_properties: cameraProperties(camera) };
  }
  return { coordinate_systems: systems, streams };
}

function cameraProperties(camera: CameraSensor): Record<string, unknown> {
  const { fx, fy, cx, cy, skew } = camera.intrinsics;
  const common = {
    width_px: camera.width,
    height_px: camera.height,
    camera_matrix: [fx, skew, cx, 0, 0, fy, cy, 0, 0, 0, 1, 0],
  };
  const d = camera.distortion;
  const reference = camera.referenceFromCamera ? { reference_from_camera: [...camera.referenceFromCamera] } : {};
  if (d.model === 'fisheye') {
    return { intrinsics_custom: { model: FISHEYE_MODEL, ...common, distortion_coeffs: [d.k1, d.k2, d.k3, d.k4] }, ...reference }; // prettier-ignore
  }
  const coeffs = d.model === 'radtan' ? [d.k1, d.k2, d.p1, d.p2, d.k3] : [0, 0, 0, 0, 0];
  return { intrinsics_pinhole: { ...common, distortion_coeffs: coeffs }, ...reference };
}

/**
 * A frame's properties: `timestamp` in seconds (as a number; `timestamp_us` keeps the exact µs), each sensor's
 * file and time under `streams`, and the ego pose as the transform `vehicle-iso8855_to_odom`
 * (X_odom = worldFromEgo · X_ego, as the schema defines `transform_src_to_dst`).
 */
export function olFrameProperties(frame: Frame): NonNullable<OlFrame['frame_properties']> {
  const streams: Record<string, OlStream> = {};
  for (const s of [...frame.lidar, ...frame.cameras]) {
    streams[s.sensorId] = { uri: s.uri, stream_properties: { sync: { timestamp: s.timestampUs / 1e6 }, timestamp_us: s.timestampUs } }; // prettier-ignore
  }
  return {
    timestamp: frame.timestampUs / 1e6,
    timestamp_us: frame.timestampUs,
    ...(Object.keys(streams).length > 0 ? { streams } : {}),
    ...(frame.worldFromEgo
      ? { transforms: { [`${EGO_CS}_to_${WORLD_CS}`]: { src: EGO_CS, dst: WORLD_CS, transform_src_to_dst: { matrix4x4: [...frame.worldFromEgo] } } } } // prettier-ignore
      : {}),
  };
}
