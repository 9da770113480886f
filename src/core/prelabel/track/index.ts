export { createTracker, trackDetections, type Tracker } from './tracker';
export { TRACKER_PARAMS, type MotionParams, type TrackerParams } from './params';
