import type { Vec3 } from '../math/mat4';
import type { Cuboid } from '../model/labels';
import { issueState, type PinnedIssue, type Severity } from '../model/review';

/** Where an issue is drawn on one frame: a point in that frame's ego coordinates. */
export interface IssuePin {
  issueId: string;
  position: Vec3;
  severity: Severity;
  state: 'open' | 'fixed';
  /** The box it sits on (a box, track or track-span issue), for the side views of that box. */
  cuboidId?: string;
}

/**
 * The pins of the issues still to settle (open or fixed, not verified) on a frame: an issue on a box, on its
 * track or on a span of its track sits on top of the track's box there (stored or derived), a point issue at its
 * point. Issues on a whole frame or a span of the scene have no place in space: the issues panel lists them.
 */
export function issuePinsOn(
  frameIndex: number,
  issues: readonly PinnedIssue[],
  cuboids: readonly Cuboid[],
): IssuePin[] {
  const boxOf = new Map(cuboids.map((c) => [c.trackId, c]));
  const pins: IssuePin[] = [];
  for (const issue of issues) {
    const state = issueState(issue);
    if (state === 'verified') continue;
    const pin = { issueId: issue.id, severity: issue.severity, state };
    const t = issue.target;
    if (t.kind === 'point') {
      if (t.frameIndex === frameIndex) pins.push({ ...pin, position: [...t.position] });
      continue;
    }
    const onFrame =
      (t.kind === 'box' && t.frameIndex === frameIndex) ||
      t.kind === 'track' ||
      (t.kind === 'span' && t.trackId !== undefined && t.startFrame <= frameIndex && frameIndex <= t.endFrame);
    const box = onFrame && 'trackId' in t && t.trackId !== undefined ? boxOf.get(t.trackId) : undefined;
    if (box) pins.push({ ...pin, position: topOf(box), cuboidId: box.id });
  }
  return pins;
}

/** The centre of a box's top face (upright boxes: pitch and roll are small on the road). */
function topOf(c: Cuboid): Vec3 {
  return [c.position[0], c.position[1], c.position[2] + c.size[2] / 2];
}

/** Pin colours by severity: what a reviewer reads first. */
export const SEVERITY_COLORS: Record<Severity, string> = { minor: '#facc15', major: '#f97316', critical: '#ef4444' };
