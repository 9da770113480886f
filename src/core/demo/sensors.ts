import { fromPose, fromTranslation, invertRigid, multiply } from '../math/mat4';
import type { CameraSensor, LidarSensor } from '../model/scene';

/** The demo car's roof LiDAR: Velodyne axes (x forward, y left, z up), 1.8 m above the ground. */
export const DEMO_LIDAR: LidarSensor = {
  id: 'lidar-top',
  name: 'Top LiDAR',
  egoFromLidar: fromTranslation(1.0, 0, 1.8),
};

/** OpenCV camera axes from a body frame with x forward, y left, z up: x_cam = −y, y_cam = −z, z_cam = x. */
const CAMERA_FROM_BODY = [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1];

/**
 * The front camera behind the windscreen at (1.6, 0, 1.45) m in the ego frame, tilted 0.05 rad (≈ 2.9°) down,
 * 960×540 px, f = 640 px (≈ 74° horizontal field of view), no distortion.
 */
export const DEMO_CAMERA: CameraSensor = {
  id: 'cam-front',
  name: 'Front camera',
  cameraFromEgo: multiply(CAMERA_FROM_BODY, invertRigid(fromPose([1.6, 0, 1.45], 0, 0.05, 0))),
  intrinsics: { fx: 640, fy: 640, cx: 480, cy: 270, skew: 0 },
  width: 960,
  height: 540,
  distortion: { model: 'none' },
};
