import type { Vec3 } from '../math/mat4';

/**
 * A display name: English in `name`, other languages in `names` by locale code (`{ 'zh-CN': '轿车' }`). Where a
 * language is missing the English name is shown, and where that is missing too, the id.
 */
export interface DisplayNames {
  name?: string;
  names?: Record<string, string>;
}

/**
 * What an attribute holds and where: `dynamic: false` attributes belong to the track (the same on every frame,
 * e.g. "emergency vehicle"), `dynamic: true` ones to each frame's box (e.g. "occluded", "moving").
 */
interface AttributeBase extends DisplayNames {
  id: string;
  dynamic: boolean;
  /** Short advice on choosing the value, shown beside the class's guideline. */
  guideline?: string;
  /** `guideline` in other languages, by locale code, as `names` holds the name. */
  guidelines?: Record<string, string>;
}

export type AttributeSpec =
  | (AttributeBase & {
      kind: 'enum';
      values: string[];
      /** Display names of the values by value; a value without one shows as written. */
      valueNames?: Record<string, DisplayNames>;
    })
  | (AttributeBase & { kind: 'boolean' })
  /** `min` and `max` are inclusive; a unit, where there is one, belongs in the name ("truncated (0–1)"). */
  | (AttributeBase & { kind: 'number'; min?: number; max?: number })
  | (AttributeBase & { kind: 'text' });

export type AttributeKind = AttributeSpec['kind'];

export const ATTRIBUTE_KINDS: readonly AttributeKind[] = ['enum', 'boolean', 'number', 'text'];

export interface OntologyClass extends DisplayNames {
  /** Stable key stored in each track's `classId`; names may change, ids must not. */
  id: string;
  /** `#rrggbb`. */
  color: string;
  /** Default [length, width, height], metres. */
  defaultSize: Vec3;
  attributes: AttributeSpec[];
  /** What belongs in the class and how to draw its box, shown to annotators in the guideline panel. */
  guideline: string;
  /** `guideline` in other languages, by locale code, as `names` holds the name. */
  guidelines?: Record<string, string>;
}

/**
 * A kind of time segment ("lane change", "parked"): a span of frames on a track or the whole scene. Its
 * attributes hold one value for the whole span, so their `dynamic` flag does not apply (it reads `false`).
 */
export interface SegmentKind extends DisplayNames {
  /** Stable key stored in each segment's `kind`. */
  id: string;
  /** `#rrggbb`: the segment's bar on the timeline. */
  color: string;
  attributes: AttributeSpec[];
}

/** The classes a scene is labelled with. `version` grows when a published ontology changes. */
export interface Ontology extends DisplayNames {
  id: string;
  name: string;
  version: number;
  /** Who wrote it and what it is for, shown where the ontology is chosen. */
  description?: string;
  /** `description` in other languages, by locale code. */
  descriptions?: Record<string, string>;
  classes: OntologyClass[];
  /** The kinds of time segment offered; where absent, the default list (`DEFAULT_SEGMENT_KINDS`). */
  segmentKinds?: SegmentKind[];
}
