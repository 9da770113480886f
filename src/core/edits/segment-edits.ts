import { checkAttributeValue } from '../model/attribute-value';
import type { AttributeValue, TimeSegment } from '../model/labels';
import type { AttributeSpec } from '../model/ontology';
import { emptyPatch, type LabelDoc, type Patch } from './patch';
import { AttributeRefusedError } from './set-attribute';

/**
 * Time-segment edits: each a pure `(doc, args) → Patch`, one undo entry (a boundary drag is many of these under
 * one gesture). Frames are frame indices, both ends included; `frameCount` is the scene's, and every span is
 * kept inside it with start ≤ end.
 */

/** A span put inside [0, frameCount − 1], its ends in order. Fractions round to the nearest frame. */
export function clampSpan(startFrame: number, endFrame: number, frameCount: number): [number, number] {
  const last = Math.max(0, frameCount - 1);
  const clamp = (f: number) => Math.max(0, Math.min(last, Math.round(f)));
  const [a, b] = [clamp(startFrame), clamp(endFrame)];
  return a <= b ? [a, b] : [b, a];
}

function segmentOf(doc: LabelDoc, id: string, edit: string): TimeSegment {
  const s = doc.get(id);
  if (!s || s.type !== 'segment') throw new Error(`${edit}: no segment ${id}`);
  return s;
}

/** Marks a span on a track (`trackId`) or on the whole scene (no `trackId`). */
export function createSegment(
  doc: LabelDoc,
  args: {
    id: string;
    sceneId: string;
    trackId?: string;
    kind: string;
    startFrame: number;
    endFrame: number;
    frameCount: number;
    attributes?: Record<string, AttributeValue>;
  },
): Patch {
  if (doc.has(args.id)) throw new Error(`createSegment: id ${args.id} already in use`);
  if (args.trackId !== undefined && doc.get(args.trackId)?.type !== 'track') {
    throw new Error(`createSegment: no track ${args.trackId}`);
  }
  const [startFrame, endFrame] = clampSpan(args.startFrame, args.endFrame, args.frameCount);
  const segment: TimeSegment = {
    type: 'segment',
    id: args.id,
    sceneId: args.sceneId,
    ...(args.trackId !== undefined && { trackId: args.trackId }),
    kind: args.kind,
    startFrame,
    endFrame,
    attributes: { ...args.attributes },
  };
  return { added: [segment], updated: [], removed: [] };
}

/**
 * Moves one or both ends of a segment. One end moved alone stops at the other (a drag past it leaves a
 * one-frame segment rather than turning the segment round); both given are put in order. Unchanged: empty patch.
 */
export function setSegmentBounds(
  doc: LabelDoc,
  args: { segmentId: string; startFrame?: number; endFrame?: number; frameCount: number },
): Patch {
  const before = segmentOf(doc, args.segmentId, 'setSegmentBounds');
  let [start, end] = clampSpan(args.startFrame ?? before.startFrame, args.endFrame ?? before.endFrame, args.frameCount);
  if (args.startFrame === undefined && args.endFrame !== undefined && args.endFrame < before.startFrame) {
    [start, end] = [before.startFrame, before.startFrame];
  }
  if (args.endFrame === undefined && args.startFrame !== undefined && args.startFrame > before.endFrame) {
    [start, end] = [before.endFrame, before.endFrame];
  }
  if (start === before.startFrame && end === before.endFrame) return emptyPatch();
  return { added: [], updated: [[before, { ...before, startFrame: start, endFrame: end }]], removed: [] };
}

/** Gives a segment another kind. Attributes stay (kept and shown even where the new kind does not define them). */
export function setSegmentKind(doc: LabelDoc, args: { segmentId: string; kind: string }): Patch {
  const before = segmentOf(doc, args.segmentId, 'setSegmentKind');
  if (before.kind === args.kind) return emptyPatch();
  return { added: [], updated: [[before, { ...before, kind: args.kind }]], removed: [] };
}

/**
 * Sets one attribute of a segment, or clears it when `value` is undefined. A value the spec refuses throws
 * `AttributeRefusedError` and nothing changes.
 */
export function setSegmentAttribute(
  doc: LabelDoc,
  args: { segmentId: string; spec: AttributeSpec; value: AttributeValue | undefined },
): Patch {
  const before = segmentOf(doc, args.segmentId, 'setSegmentAttribute');
  const { spec, value } = args;
  if (value !== undefined) {
    const problem = checkAttributeValue(spec, value);
    if (problem) throw new AttributeRefusedError(spec.id, problem);
  }
  if (before.attributes[spec.id] === value) return emptyPatch();
  const attributes = { ...before.attributes };
  if (value === undefined) delete attributes[spec.id];
  else attributes[spec.id] = value;
  return { added: [], updated: [[before, { ...before, attributes }]], removed: [] };
}

export function deleteSegment(doc: LabelDoc, args: { segmentId: string }): Patch {
  return { added: [], updated: [], removed: [segmentOf(doc, args.segmentId, 'deleteSegment')] };
}
