import { transformPoint } from '../../src/core/math/mat4';
import type { Cuboid } from '../../src/core/model/labels';
import type { Frame } from '../../src/core/model/scene';

/**
 * KITTI's tracking labels give centres to 1 cm. Three boxes of a track on consecutive frames whose centres lie
 * on a straight line within that rounding (every axis's second difference at most this) are collinear.
 */
export const COLLINEAR_WITHIN = 0.011;

/** How a reference's boxes lie along their tracks, in the vehicle's frame and in the world. */
export interface ReferenceStructure {
  /** Triples of a track's boxes on three consecutive frames. */
  triples: number;
  /** The share of them collinear in the vehicle's own frame. */
  collinearInVehicleFrame: number;
  /** The share of them collinear in world coordinates (through the ego poses). */
  collinearInWorld: number;
}

export interface StructureCounts {
  triples: number;
  vehicle: number;
  world: number;
}

export const emptyCounts = (): StructureCounts => ({ triples: 0, vehicle: 0, world: 0 });

const collinear = (p: readonly number[], q: readonly number[], r: readonly number[]) =>
  [0, 1, 2].every((k) => Math.abs(p[k]! - 2 * q[k]! + r[k]!) <= COLLINEAR_WITHIN);

/**
 * Counts the triples of one track (`boxes`, earliest frame first) into `counts` and returns the frames whose
 * box a person placed: those not collinear with both neighbours in the vehicle's frame. Where a labelling tool
 * filled in the frames between a person's boxes by straight lines in the vehicle's frame, the boxes it made are
 * collinear there and the person's are the corners; a box on a straight stretch is counted as made by the tool.
 */
export function countTrackStructure(
  frames: readonly Frame[],
  boxes: readonly Cuboid[],
  counts: StructureCounts,
): Set<number> {
  const placed = new Set<number>();
  const world = boxes.map((c) => transformPoint(frames[c.frameIndex]!.worldFromEgo!, c.position));
  for (let i = 1; i + 1 < boxes.length; i++) {
    if (boxes[i + 1]!.frameIndex - boxes[i - 1]!.frameIndex !== 2) continue;
    counts.triples++;
    const [p, q, r] = [boxes[i - 1]!, boxes[i]!, boxes[i + 1]!];
    if (collinear(p.position, q.position, r.position)) counts.vehicle++;
    else placed.add(q.frameIndex);
    if (collinear(world[i - 1]!, world[i]!, world[i + 1]!)) counts.world++;
  }
  return placed;
}

const share = (n: number, of: number): number => Math.round((n / of) * 1000) / 1000;

export function structureOf(counts: StructureCounts): ReferenceStructure {
  return {
    triples: counts.triples,
    collinearInVehicleFrame: share(counts.vehicle, counts.triples),
    collinearInWorld: share(counts.world, counts.triples),
  };
}
