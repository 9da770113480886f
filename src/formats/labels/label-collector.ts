import { uprightAngles } from '../../core/geometry/upright-box';
import type { AttributeValue, Cuboid, CuboidSource, Track } from '../../core/model/labels';
import type { FileProblem } from '../scene/scene-files';
import { mapClass, type ClassDialect } from './map-class';

/** One imported box, in the ego frame of its frame (metres, radians; DESIGN.md's cuboid convention). */
export interface ImportedBox extends Pick<Cuboid, 'frameIndex' | 'position' | 'size' | 'yaw' | 'pitch' | 'roll'> {
  /**
   * The dataset's own object key (a KITTI tracking id, a SUSTech obj_id, a manifest trackId, a nuScenes instance
   * token): kept as the track's `externalId`; undefined gives a track of its own with none.
   */
  objectKey: string | undefined;
  className: string;
  attributes?: Record<string, AttributeValue>;
  /** The dataset's own id of this box (a nuScenes sample_annotation token): kept as the cuboid's `externalId`. */
  externalId?: string;
}

/**
 * Gathers the boxes of an import into tracks and keyframe cuboids with deterministic ids
 * (`<sceneId>-t-<n>`, `<sceneId>-c-<n>`, numbered in the order added; the dataset's object key is kept as the
 * track's `externalId`), mapping class names into the
 * ontology and noting one problem per class that is not in it and per object whose class changes.
 */
export class LabelCollector {
  readonly tracks: Track[] = [];
  readonly cuboids: Cuboid[] = [];
  readonly problems: FileProblem[] = [];
  readonly #byKey = new Map<string, Track>();
  readonly #reported = new Set<string>();

  constructor(
    readonly sceneId: string,
    readonly dialect: ClassDialect,
    readonly source: CuboidSource,
  ) {}

  /** Adds one box read from `path`. */
  add(box: ImportedBox, path: string): void {
    const { classId, known } = mapClass(this.dialect, box.className);
    if (!known && !this.#reported.has(box.className)) {
      this.#reported.add(box.className);
      this.problems.push({
        path,
        code: 'labels.class.unknown',
        message: `class ${box.className} is not in the ontology; imported as '${classId}'`,
        values: { className: box.className, classId },
      });
    }
    const track = this.#trackFor(box.objectKey, classId, box.className, path);
    this.cuboids.push({
      type: 'cuboid',
      id: `${this.sceneId}-c-${this.cuboids.length}`,
      sceneId: this.sceneId,
      trackId: track.id,
      frameIndex: box.frameIndex,
      position: box.position,
      // Every layout hands over upright boxes: a manifest written by another tool may give one lying on its side.
      ...uprightAngles(box),
      attributes: box.attributes ?? {},
      keyframe: true,
      source: this.source,
      ...(box.externalId !== undefined ? { externalId: box.externalId } : {}),
    });
  }

  #trackFor(key: string | undefined, classId: string, className: string, path: string): Track {
    const existing = key === undefined ? undefined : this.#byKey.get(key);
    if (existing) {
      if (existing.classId !== classId && !this.#reported.has(`key:${key}`)) {
        this.#reported.add(`key:${key}`);
        this.problems.push({
          path,
          code: 'labels.class.changed',
          message: `object ${key} is ${className} here but '${existing.classId}' before; kept '${existing.classId}'`,
          values: { object: key!, className, classId: existing.classId },
        });
      }
      return existing;
    }
    const track: Track = {
      type: 'track',
      id: `${this.sceneId}-t-${this.tracks.length}`,
      sceneId: this.sceneId,
      classId,
      attributes: {},
      rigid: true,
      ...(key !== undefined ? { externalId: key } : {}),
    };
    this.tracks.push(track);
    if (key !== undefined) this.#byKey.set(key, track);
    return track;
  }
}
