import type { Patch } from '../core/edits/patch';
import { composePatches } from '../core/edits/patch';
import { predictCuboid, propagateCuboid } from '../core/edits/propagate';
import { deleteTrackFrom, mergeTracks, reassignFrom, splitTrack } from '../core/edits/track-operations';
import { reportError } from '../formats/problems/error-report';
import type { SessionState } from './session.svelte';
import { refitSelected } from './box-actions';
import { refitWhenLoaded } from './refit-when-loaded';

/**
 * What an annotator does to tracks through the sequence, as session actions: each is one named edit (one undo
 * entry). A refused operation (two boxes of one track on a frame) is said in the status bar, never applied.
 */

function run(session: SessionState, name: string, make: () => Patch | undefined): boolean {
  try {
    const patch = make();
    // A read-only tab refuses the edit: say nothing happened, so no selection or jump follows.
    return patch ? session.labels.commit(name, patch) : false;
  } catch (error) {
    session.error = reportError(error);
    return false;
  }
}

/** Copies the selected box to the next (or previous) frame, where it stays put in the world, and goes there. */
export async function propagateSelected(session: SessionState, step: 1 | -1, refit: boolean): Promise<void> {
  const box = session.selectedCuboid();
  const to = session.frameIndex + step;
  if (!box || to < 0 || to >= session.frameCount) return;
  const frames = session.scene.frames;
  if (
    !run(session, 'propagateCuboid', () =>
      propagateCuboid(session.labels.doc, { box, toFrame: to, frames, id: newId() }),
    )
  )
    return;
  await session.goToFrame(to);
  // Only if the user is still where this put them: a later key press or click may have moved on meanwhile.
  if (refit && session.frameIndex === to && session.selectedCuboid()?.trackId === box.trackId) {
    refitSelected(session);
  }
}

/**
 * Copies every box of the frame (stored or derived) to the next (or previous) frame, in one edit: those whose
 * track has no box there yet.
 */
export async function propagateAll(session: SessionState, step: 1 | -1): Promise<void> {
  const to = session.frameIndex + step;
  if (to < 0 || to >= session.frameCount) return;
  const frames = session.scene.frames;
  const ok = run(session, 'propagateAll', () => {
    const doc = session.labels.doc;
    // Tracks that already have a box there (stored, or derived between keyframes) keep it.
    const present = new Set(session.labels.cuboidsOn(to).map((c) => c.trackId));
    const patches = session.labels
      .cuboidsOn(session.frameIndex)
      .filter((box) => !present.has(box.trackId))
      .map((box) => propagateCuboid(doc, { box, toFrame: to, frames, id: newId() }));
    return patches.length > 0 ? patches.reduce(composePatches) : undefined;
  });
  if (ok) await session.goToFrame(to);
}

/**
 * Gives the selected (or held) track a box on this frame, where it has none: its nearest stored box copied
 * here where it stays put in the world, then fitted to the points when asked (once the frame has loaded: the
 * promise settles after the fit; the copy itself is made at once).
 */
export async function copyTrackHere(session: SessionState, refit: boolean): Promise<void> {
  const trackId = session.selectedTrackId;
  const here = session.frameIndex;
  if (!trackId || session.labels.tracks.boxesOf(trackId).some((c) => c.frameIndex === here)) return;
  const nearest = [...session.labels.tracks.boxesOf(trackId)].sort(
    (a, b) => Math.abs(a.frameIndex - here) - Math.abs(b.frameIndex - here),
  )[0];
  if (!nearest) return;
  const frames = session.scene.frames;
  const id = newId();
  if (
    !run(session, 'copyTrackHere', () =>
      propagateCuboid(session.labels.doc, { box: nearest, toFrame: here, frames, id }),
    )
  )
    return;
  session.selectTrack(trackId);
  if (refit) await refitWhenLoaded(session);
}

/** Puts the selected (or held) track's box on this frame at constant velocity from its two nearest boxes. */
export function predictHere(session: SessionState): void {
  const trackId = session.selectedTrackId;
  if (!trackId) return;
  const frames = session.scene.frames;
  const made = run(session, 'predictCuboid', () =>
    predictCuboid(session.labels.doc, { trackId, toFrame: session.frameIndex, frames, id: newId() }),
  );
  if (made) session.selectTrack(trackId);
}

/** Splits the selected track here: this frame and the later ones become a new track. */
export function splitHere(session: SessionState): void {
  const trackId = session.selectedTrackId;
  if (!trackId) return;
  const newTrackId = newId();
  if (
    run(session, 'splitTrack', () =>
      splitTrack(session.labels.doc, { trackId, atFrame: session.frameIndex, newTrackId }),
    )
  ) {
    session.selectTrack(newTrackId);
  }
}

/** Deletes the selected track's boxes from this frame on (the whole track on its first frame). */
export function deleteTrackFromHere(session: SessionState): void {
  const trackId = session.selectedTrackId;
  if (!trackId) return;
  if (
    run(session, 'deleteTrackFrom', () =>
      deleteTrackFrom(session.labels.doc, { trackId, fromFrame: session.frameIndex }),
    )
  ) {
    session.selectTrack(trackId);
  }
}

/** From this frame on, the selected track's boxes belong to another track (fixing an identity switch). */
export function reassignHere(session: SessionState, toTrackId: string): void {
  const trackId = session.selectedTrackId;
  if (!trackId) return;
  const fromFrame = session.frameIndex;
  if (run(session, 'reassignTrack', () => reassignFrom(session.labels.doc, { trackId, fromFrame, toTrackId }))) {
    session.selectTrack(toTrackId);
  }
}

/** Merges another track into the selected one. */
export function mergeIntoSelected(session: SessionState, mergeId: string): void {
  const keepId = session.selectedTrackId;
  if (!keepId) return;
  if (run(session, 'mergeTracks', () => mergeTracks(session.labels.doc, { keepId, mergeId })))
    session.selectTrack(keepId);
}

function newId(): string {
  return crypto.randomUUID();
}
