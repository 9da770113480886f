import type { Cuboid, TimeSegment, Track } from './labels';
import type { Scene } from './scene';

/**
 * A scene with all of its labels, as label writers take them and label readers give them back. `cuboids` holds
 * a box for every frame a track is on (keyframes and derived boxes alike: see `materializeCuboids`), because
 * files in other formats know nothing of interpolation.
 */
export interface LabelSet {
  scene: Scene;
  tracks: Track[];
  cuboids: Cuboid[];
  segments: TimeSegment[];
}
