/**
 * How a class group moves and is told apart from its neighbours. Distances in metres, speeds in m/s, the
 * process noise as the spectral density of a white acceleration (m²/s³: the velocity's variance grows by this
 * much each second).
 */
export interface MotionParams {
  /** Gate radius around the predicted centre with a certain prediction. */
  gateM: number;
  /** The gate grows by this many standard deviations of the predicted centre (speed unknown, frames coasted). */
  gateSigmas: number;
  /** White-acceleration noise of the constant-velocity model. */
  accelNoise: number;
  /** Standard deviation of a new track's unknown speed. */
  initialSpeedSigma: number;
  /** Standard deviation of a detected centre, seen from above. */
  measurementSigma: number;
  /** A track that covers more than this at more than `movingSpeed` moves; less is a standing object's noise. */
  movingTravelM: number;
  /** On one frame, the track moves when its smoothed speed exceeds this. */
  movingSpeed: number;
}

export interface TrackerParams {
  /** Classes associated with each other as vehicles (a detector may call one car a van on another sweep). */
  vehicleClasses: readonly string[];
  /** Classes associated with each other as people and riders; every other class is associated on its own. */
  vulnerableClasses: readonly string[];
  /** Motion of vehicles and of any class in no group. */
  vehicle: MotionParams;
  /** Motion of people and riders. */
  vulnerable: MotionParams;
  /**
   * Classes that turn on the spot (people): heading from their motion where they move, else the detection's.
   * Every other class keeps one heading while it stands and faces its motion while it moves.
   */
  turnOnTheSpotClasses: readonly string[];
  /** A new track is confirmed after this many detections within its first `confirmWindow` frames… */
  confirmHits: number;
  confirmWindow: number;
  /** …or at once by one detection scoring at least this. */
  confirmScore: number;
  /** A confirmed track ends after this many frames in a row without a detection. */
  maxMisses: number;
  /** Tracks with fewer detections than this, or a lower mean score, are left out of the result. */
  minHits: number;
  minScore: number;
  /** A detection within this angle (degrees) of a moving track's motion keeps its own heading. */
  headingToleranceDeg: number;
  /** The size of a track is a point-weighted median over its this many best-seen (most points) detections. */
  sizeFrames: number;
  /** Smooth centres over the whole track (Rauch–Tung–Striebel); off, detected boxes keep the detection's centre. */
  smoothPositions: boolean;
  /**
   * When the track's size differs from a detection's, move the centre so that the faces seen from the sensor
   * (the ego origin) stay where the detection put them, rather than keeping the centre.
   */
  keepSeenFaces: boolean;
  /** Frame rate assumed where frame times are missing or out of order, Hz. */
  fallbackRateHz: number;
}

/** Defaults, chosen on KITTI tracking sequences 0001–0010 with simulated detections (see the README). */
export const TRACKER_PARAMS: TrackerParams = {
  vehicleClasses: ['car', 'truck', 'bus', 'van', 'trailer', 'construction_vehicle', 'motorcycle'],
  vulnerableClasses: ['pedestrian', 'cyclist', 'bicycle', 'person'],
  vehicle: {
    gateM: 1.5,
    gateSigmas: 3,
    accelNoise: 2,
    initialSpeedSigma: 10,
    measurementSigma: 0.3,
    movingTravelM: 2,
    movingSpeed: 1,
  },
  vulnerable: {
    gateM: 0.7,
    gateSigmas: 3,
    accelNoise: 1,
    initialSpeedSigma: 2,
    measurementSigma: 0.2,
    movingTravelM: 1.5,
    movingSpeed: 0.5,
  },
  turnOnTheSpotClasses: ['pedestrian', 'person'],
  confirmHits: 3,
  confirmWindow: 5,
  confirmScore: 0.95,
  maxMisses: 8,
  minHits: 3,
  minScore: 0,
  headingToleranceDeg: 30,
  sizeFrames: 5,
  smoothPositions: true,
  keepSeenFaces: false,
  fallbackRateHz: 10,
};

export type GroupKind = 'vehicle' | 'vulnerable' | 'other';

/** The association group of a class: detections only ever match tracks of the same group. */
export function groupOf(classId: string, params: TrackerParams): { key: string; kind: GroupKind } {
  if (params.vehicleClasses.includes(classId)) return { key: 'vehicle', kind: 'vehicle' };
  if (params.vulnerableClasses.includes(classId)) return { key: 'vulnerable', kind: 'vulnerable' };
  return { key: `class:${classId}`, kind: 'other' };
}

export function motionOf(kind: GroupKind, params: TrackerParams): MotionParams {
  return kind === 'vulnerable' ? params.vulnerable : params.vehicle;
}

/** The defaults with some fields replaced; the two motion records may be given in part. */
export function resolveParams(overrides: Partial<TrackerParams> = {}): TrackerParams {
  return {
    ...TRACKER_PARAMS,
    ...overrides,
    vehicle: { ...TRACKER_PARAMS.vehicle, ...overrides.vehicle },
    vulnerable: { ...TRACKER_PARAMS.vulnerable, ...overrides.vulnerable },
  };
}
