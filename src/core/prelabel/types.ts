import type { Mat4, Vec3 } from '../math/mat4';
import type { PointCloud } from '../model/point-cloud';
import type { SweepIndex } from '../fit';

/** One object found on one sweep, in that sweep's ego frame (geometric centre, [l, w, h], yaw in (−π, π]). */
export interface Detection {
  classId: string;
  /** How sure the detector is, in (0, 1]. */
  score: number;
  position: Vec3;
  size: Vec3;
  yaw: number;
  /** LiDAR returns inside the box. */
  points: number;
}

/** What a detector is given for one sweep. */
export interface DetectorInput {
  /** The sweep, in its sensor frame. */
  cloud: PointCloud;
  egoFromLidar: Mat4;
  /** Ground and grid index, when the caller already built them for this sweep. */
  index?: SweepIndex;
  /** The class ids wanted; detections of other classes are dropped. */
  classes: readonly string[];
}

/**
 * The detector stage of pre-labelling: the classical pipeline today, a learned model behind the same interface
 * later. `model` and `version` go into every box's lineage; `version` ends in a hash of the parameters, so two runs
 * with different settings never look alike.
 */
export interface Detector {
  readonly model: string;
  readonly version: string;
  detect(input: DetectorInput): Detection[] | Promise<Detection[]>;
}

/** One frame's detections, as the tracker takes them. */
export interface FrameDetections {
  frameIndex: number;
  /** Seconds. */
  time: number;
  /** The ego pose; absent, the ego is taken as standing still. */
  worldFromEgo?: Mat4;
  detections: Detection[];
}

/** One box of a pre-label track, in its frame's ego frame; `detected` is false where the track coasted. */
export interface PrelabelBox {
  frameIndex: number;
  position: Vec3;
  yaw: number;
  score: number;
  points: number;
  detected: boolean;
}

/** One object the tracker followed: one size (rigid), a box on each frame from its first to its last detection. */
export interface PrelabelTrack {
  classId: string;
  /** Mean score of its detected boxes. */
  score: number;
  size: Vec3;
  boxes: PrelabelBox[];
}
