import type { Patch } from '../core/edits/patch';
import {
  createSegment,
  deleteSegment,
  setSegmentAttribute,
  setSegmentBounds,
  setSegmentKind,
} from '../core/edits/segment-edits';
import type { AttributeValue, TimeSegment } from '../core/model/labels';
import type { AttributeSpec } from '../core/model/ontology';
import { segmentKindsOf } from '../core/model/segment-kinds';
import type { SessionState } from './session.svelte';
import { timelineOf } from './timeline.svelte';

/** How many frames after the current one a new segment reaches, before the user drags its end. */
export const NEW_SEGMENT_FRAMES = 10;

/** Time-segment actions of the session: each one named edit, so one undo entry (a drag: one per gesture). */

function commit(session: SessionState, name: string, patch: Patch, gesture?: string): void {
  session.labels.commit(name, patch, gesture);
}

/** The segment with this id, if it still exists (an undo may have removed it). */
export function segmentById(session: SessionState, id: string | undefined): TimeSegment | undefined {
  const r = id ? session.labels.doc.get(id) : undefined;
  return r?.type === 'segment' ? r : undefined;
}

/**
 * Marks a segment of the chosen kind from the current frame to NEW_SEGMENT_FRAMES later (clamped to the scene):
 * on the selected track, or on the whole scene when no track is selected. It becomes the selected segment.
 */
export function addSegmentHere(session: SessionState): string | undefined {
  const timeline = timelineOf(session);
  const kinds = segmentKindsOf(session.ontology);
  const kind = kinds.find((k) => k.id === timeline.kind) ?? kinds[0];
  if (!kind || session.labels.readOnly) return undefined;
  const id = crypto.randomUUID();
  const trackId = session.selectedTrackId;
  commit(
    session,
    'createSegment',
    createSegment(session.labels.doc, {
      id,
      sceneId: session.scene.id,
      ...(trackId !== undefined && { trackId }),
      kind: kind.id,
      startFrame: session.frameIndex,
      endFrame: session.frameIndex + NEW_SEGMENT_FRAMES,
      frameCount: session.frameCount,
    }),
  );
  timeline.selectedSegmentId = id;
  return id;
}

/** Moves one end of a segment to a frame; the steps of one drag share `gesture`. */
export function moveSegmentEdge(
  session: SessionState,
  segmentId: string,
  edge: 'start' | 'end',
  frame: number,
  gesture: string,
): void {
  const frames = edge === 'start' ? { startFrame: frame } : { endFrame: frame };
  const patch = setSegmentBounds(session.labels.doc, { segmentId, ...frames, frameCount: session.frameCount });
  commit(session, 'resizeSegment', patch, gesture);
}

export function changeSegmentKind(session: SessionState, segmentId: string, kind: string): void {
  commit(session, 'updateSegment', setSegmentKind(session.labels.doc, { segmentId, kind }));
}

/** Sets or clears an attribute; throws `AttributeRefusedError` for a value the spec refuses (nothing changes). */
export function changeSegmentAttribute(
  session: SessionState,
  segmentId: string,
  spec: AttributeSpec,
  value: AttributeValue | undefined,
): void {
  commit(session, 'updateSegment', setSegmentAttribute(session.labels.doc, { segmentId, spec, value }));
}

export function deleteSegmentById(session: SessionState, segmentId: string): void {
  if (!segmentById(session, segmentId)) return;
  commit(session, 'deleteSegment', deleteSegment(session.labels.doc, { segmentId }));
  const timeline = timelineOf(session);
  if (timeline.selectedSegmentId === segmentId) timeline.selectedSegmentId = undefined;
}
