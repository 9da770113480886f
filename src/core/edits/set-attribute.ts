import { checkAttributeValue, type AttributeProblem } from '../model/attribute-value';
import type { AttributeValue } from '../model/labels';
import type { AttributeSpec } from '../model/ontology';
import { emptyPatch, type LabelDoc, type Patch } from './patch';
import { updateCuboid } from './update-cuboid';
import { updateTrack } from './update-track';

/** A value its attribute does not allow: the edit is refused and nothing changes. */
export class AttributeRefusedError extends Error {
  override name = 'AttributeRefusedError';

  constructor(
    readonly attributeId: string,
    readonly problem: AttributeProblem,
  ) {
    super(`attribute ${attributeId}: ${problem.kind}`);
  }
}

/**
 * Sets one attribute of the object a box shows, or clears it when `value` is undefined. A static attribute
 * (`dynamic: false`) is the track's, so every frame of the object shares it; a dynamic one is this box's alone
 * (which makes it a keyframe, as any edit of a box does). A value the spec refuses throws
 * `AttributeRefusedError`; setting the value already there is an empty patch.
 */
export function setAttribute(
  doc: LabelDoc,
  args: { cuboidId: string; spec: AttributeSpec; value: AttributeValue | undefined },
): Patch {
  const { spec, value } = args;
  const cuboid = doc.get(args.cuboidId);
  if (!cuboid || cuboid.type !== 'cuboid') throw new Error(`setAttribute: no cuboid ${args.cuboidId}`);
  const track = doc.get(cuboid.trackId);
  if (!track || track.type !== 'track') throw new Error(`setAttribute: no track ${cuboid.trackId}`);
  if (value !== undefined) {
    const problem = checkAttributeValue(spec, value);
    if (problem) throw new AttributeRefusedError(spec.id, problem);
  }
  const owner = spec.dynamic ? cuboid : track;
  if (owner.attributes[spec.id] === value) return emptyPatch();
  const attributes = { ...owner.attributes };
  if (value === undefined) delete attributes[spec.id];
  else attributes[spec.id] = value;
  return spec.dynamic
    ? updateCuboid(doc, { cuboidId: cuboid.id, change: { attributes } })
    : updateTrack(doc, { trackId: track.id, attributes });
}
