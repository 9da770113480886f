import type { Vec3 } from '../math/mat4';
import type { HeadingRule } from './choose-heading';
import type { GridIndex } from './grid-index';
import type { GroundModel } from './ground-model';

/** A fitted box in the EGO frame: geometric centre and [length, width, height] in metres, yaw in (−π, π]. */
export interface FitResult {
  position: Vec3;
  size: Vec3;
  yaw: number;
  /** Points of the sweep inside the fitted box. */
  points: number;
  /**
   * Which cue settled the heading (see `chooseHeading`): a UI may flag the guesses (`away-from-sensor`, `lane`)
   * for the annotator to check, since a flip is a full error.
   */
  headingFrom: HeadingRule;
}

/** What a fit may be told. Everything is optional; what is left out is estimated from the sweep. */
export interface FitOptions {
  /** Ontology class id of the object (default `car`): sets the typical size and the search radius. */
  classId?: string;
  /** Typical [length, width, height], metres, overriding the class's. */
  defaultSize?: Vec3;
  /** This sweep's ground (from `estimateGround`), to reuse over many clicks. */
  ground?: GroundModel;
  /** Direction of travel (radians, ego frame) where known, e.g. from the track's motion: settles the heading. */
  motionYaw?: number;
  /** This sweep's index (from `buildGridIndex`), to reuse over many clicks. */
  index?: GridIndex;
}
