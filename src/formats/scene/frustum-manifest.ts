import type { AttributeValue } from '../../core/model/labels';

/** `frustum-manifest.json` / `*.frustum.json`, version 1, as `frustum-manifest.schema.json` defines it. */
export interface FrustumManifest {
  format: 'frustum-scene';
  version: 1;
  name: string;
  lidars: { id: string; name: string; egoFromLidar: number[]; layout?: 'kitti' | 'nuscenes' }[];
  cameras?: ManifestCamera[];
  frames: ManifestFrame[];
  labels?: { frame: number; cuboids: ManifestCuboid[] }[];
}

export interface ManifestCamera {
  id: string;
  name: string;
  cameraFromEgo: number[];
  /** Where the dataset's labels are given in another frame than this camera's (KITTI: rectified camera 0). */
  referenceFromCamera?: number[];
  intrinsics: { fx: number; fy: number; cx: number; cy: number; skew?: number };
  width: number;
  height: number;
  /** radtan: k1 k2 p1 p2 [k3]; fisheye: k1 k2 k3 k4. */
  distortion?: { model: 'none' | 'radtan' | 'fisheye'; coefficients?: number[] };
}

export interface ManifestSample {
  sensorId: string;
  path: string;
  timestampUs?: number;
}

export interface ManifestFrame {
  timestampUs: number;
  worldFromEgo?: number[];
  lidar: ManifestSample[];
  cameras?: ManifestSample[];
  /** False for a sweep between keyframes (see `Frame.keyframe`). */
  keyframe?: boolean;
  externalId?: string;
}

export interface ManifestCuboid {
  trackId: string;
  classId: string;
  position: [number, number, number];
  size: [number, number, number];
  yaw: number;
  pitch?: number;
  roll?: number;
  attributes?: Record<string, AttributeValue>;
}
