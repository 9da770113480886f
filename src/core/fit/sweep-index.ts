import type { Mat4 } from '../math/mat4';
import type { PointCloud } from '../model/point-cloud';
import { estimateGround } from './estimate-ground';
import { buildGridIndex, type GridIndex } from './grid-index';
import type { GroundModel } from './ground-model';

/**
 * What every click, drag and count on one sweep reads: its ground and its points bucketed in the ego frame.
 * Plain numbers and typed arrays only, so it is built in a worker and crosses back by transfer.
 */
export interface SweepIndex {
  ground: GroundModel;
  index: GridIndex;
}

/**
 * The parts of a sweep the index needs: positions in the sensor frame (metres), their bounds, and for an
 * interleaved sweep its records (the positions' stride).
 */
export type SweepPositions = Pick<PointCloud, 'count' | 'positions' | 'bounds' | 'interleaved'>;

/** Builds the ground model and the grid index of one sweep (a few milliseconds at 120k points). */
export function buildSweepIndex(sweep: SweepPositions, egoFromLidar: Mat4): SweepIndex {
  const cloud: PointCloud = { ...sweep, attributes: {} };
  return { ground: estimateGround(cloud, egoFromLidar), index: buildGridIndex(cloud, egoFromLidar) };
}

/** The buffers of a sweep index, each once, for `comlink.transfer` (every array owns its buffer). */
export function sweepIndexBuffers(sweep: SweepIndex): ArrayBuffer[] {
  const { ground, index } = sweep;
  const arrays = [ground.heights, index.xyz, index.sourceIndex, index.cellStart];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
