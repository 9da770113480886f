import type { ReviewTarget } from '../../core/model/review';
import type { SessionState } from '../../state/session.svelte';

/**
 * Shows a target: goes to its frame and selects its box there (or holds its track where the frame has none);
 * a frame or a point leaves the selection as it is. A track already on the frame shown stays on that frame.
 */
export async function showTarget(session: SessionState, target: ReviewTarget): Promise<void> {
  const onScreen =
    target.kind === 'track' && session.labels.cuboidsOn(session.frameIndex).some((c) => c.trackId === target.trackId);
  const frame = onScreen ? session.frameIndex : session.review.frameOf(target);
  if (frame !== undefined) await session.goToFrame(frame);
  const trackId = target.kind === 'box' || target.kind === 'track' || target.kind === 'span' ? target.trackId : undefined; // prettier-ignore
  if (trackId !== undefined) session.selectTrack(trackId);
}
