/** One-click and dragged-rectangle cuboid fitting, and the per-sweep structures it reuses. */
export { fitCuboidAtClick } from './fit-cuboid-at-click';
export { fitCuboidInRect, type BevRect } from './fit-cuboid-in-rect';
export type { FitOptions, FitResult } from './fit-result';
export type { HeadingRule } from './choose-heading';
export { estimateGround, type GroundOptions } from './estimate-ground';
export { groundHeightAt, createFlatGround, type GroundModel } from './ground-model';
export { buildGridIndex, type GridIndex } from './grid-index';
export { countPointsInBox, type BoxPose } from './count-points-in-box';
export { bevIou, type BevBox } from './bev-iou';
export { buildSweepIndex, sweepIndexBuffers, type SweepIndex, type SweepPositions } from './sweep-index';
export { paintPointsInBoxes, type PaintBox } from './paint-points-in-boxes';
export { estimateTrackSize, type TrackSizeEstimate, type TrackSizePart } from './estimate-track-size';
export { refitInTrack, keepSeenFaces, type TrackRefit } from './refit-in-track';
export { refitHeading, trackHeading, turnFit, type RefitHeadingInput, type RefitHeadingRule } from './refit-heading';
export { replacesSize, supportOf, readSizeSource, type SizeSupport } from './size-evidence';
