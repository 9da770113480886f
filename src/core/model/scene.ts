import type { Mat4 } from '../math/mat4';

/** A LiDAR and where it sits on the vehicle. Points stay in this sensor's frame; `egoFromLidar` places them. */
export interface LidarSensor {
  id: string;
  name: string;
  egoFromLidar: Mat4;
}

/** Pinhole intrinsics in pixels. */
export interface CameraIntrinsics {
  fx: number;
  fy: number;
  cx: number;
  cy: number;
  skew: number;
}

export type Distortion =
  | { model: 'none' }
  /** OpenCV radial-tangential. */
  | { model: 'radtan'; k1: number; k2: number; p1: number; p2: number; k3: number }
  /** Fisheye / Kannala-Brandt. */
  | { model: 'fisheye'; k1: number; k2: number; k3: number; k4: number };

/** A camera with OpenCV axes (x right, y down, z forward). */
export interface CameraSensor {
  id: string;
  name: string;
  cameraFromEgo: Mat4;
  /**
   * Where a dataset gives boxes relative to a rig's reference camera rather than to this one: that frame from
   * this camera's (metres, OpenCV axes). KITTI's labels live in the rectified camera 0, which `P2 = K · [I | b]`
   * offsets from camera 2 by the stereo baseline: `referenceFromCamera = T(−b)`. Absent: this camera's frame.
   */
  referenceFromCamera?: Mat4;
  intrinsics: CameraIntrinsics;
  width: number;
  height: number;
  distortion: Distortion;
}

/** One sensor's recording inside a frame. `uri` names where its bytes come from (a file, a URL, `demo:`). */
export interface SensorSample {
  sensorId: string;
  /** µs since the epoch, or since the scene start where no epoch is known. */
  timestampUs: number;
  uri: string;
}

/** One LiDAR sweep and, per camera, the image nearest to it in time. */
export interface Frame {
  index: number;
  timestampUs: number;
  /**
   * False for a sweep between a dataset's labelled keyframes (nuScenes sweeps at ~20 Hz between its 2 Hz
   * samples): shown and labelled like any frame, but an export in that dataset's own format writes keyframes
   * only. Absent (every scene before this field) or true: a keyframe.
   */
  keyframe?: boolean;
  /** The dataset's own id of the frame (a nuScenes sample token, or the LiDAR sample_data token of a sweep). */
  externalId?: string;
  worldFromEgo?: Mat4;
  lidar: SensorSample[];
  cameras: SensorSample[];
}

export type SceneSource = { kind: 'demo'; seed: number } | { kind: 'files'; root: string };

export interface Scene {
  id: string;
  name: string;
  source: SceneSource;
  lidars: LidarSensor[];
  cameras: CameraSensor[];
  frames: Frame[];
  ontologyId: string;
  /** Content hash of the input files (or of the generator and its seed), for lineage. */
  provenance: { contentHash: string };
}
