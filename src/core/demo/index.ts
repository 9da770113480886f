/**
 * The built-in demo drive: a seeded synthetic city street, its LiDAR sweeps, front-camera images and ground
 * truth, all generated on demand by pure functions (node, browser, web worker alike).
 *
 * Ground-truth object ids: track ids are `gt-<class>-<index>`, where `index` is the object index carried by the
 * sweep's `objectId` attribute and by `CameraRender.objectIds`; `groundTruthObjectIndex` reads it back.
 */
export const DEMO_SEED = 7;
export { DEMO_FRAME_COUNT, createDemoDrive, type DemoDrive } from './drive';
export { simulateSweep, type SweepOptions, LIDAR_MAX_RANGE } from './lidar-simulator';
export { renderCamera, type CameraRender } from './camera-renderer';
export { groundTruthAt, groundTruthObjectIndex, groundTruthTrackId } from './ground-truth';
