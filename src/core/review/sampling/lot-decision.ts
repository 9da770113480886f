import type { InspectionUnit, PinnedIssue, ReviewRound, ReviewTarget } from '../../model/review';
import { reviewTargetKey } from '../../model/review';

/**
 * The sampled units found nonconforming: those with an issue of severity major or critical pinned to them. A box
 * unit: an issue on that box, or on a span of its track covering its frame. A track unit: an issue on the track,
 * on one of its boxes, or on a span of it. A frame unit: an issue on the frame, on a box or a point on it, or on a
 * span covering it. Every issue given counts, whatever its state: a fix after the inspection does not undo what
 * the inspection found; the caller picks the issues (the round's, the scene's).
 */
export function nonconformingUnits(
  issues: readonly PinnedIssue[],
  unit: InspectionUnit,
  sample: readonly string[],
): Set<string> {
  const sampled = new Set(sample);
  const found = new Set<string>();
  const spans: Extract<ReviewTarget, { kind: 'span' }>[] = [];
  for (const issue of issues) {
    if (issue.severity === 'minor') continue;
    if (issue.target.kind === 'span') spans.push(issue.target);
    const key = unitKeyOf(issue.target, unit);
    if (key !== undefined && sampled.has(key)) found.add(key);
  }
  // Spans are matched against the sample rather than expanded, since a span may cover thousands of frames.
  if (spans.length > 0) {
    for (const key of sample) {
      const at = parseUnitKey(key, unit);
      if (at && spans.some((span) => spanCovers(span, at))) found.add(key);
    }
  }
  return found;
}

/**
 * Whether a closed round's lot passed: Ac/Re for acceptance plans, otherwise no nonconforming unit at all. Under
 * reduced inspection a count above Ac but below Re still passes (the switching rules then return to normal; they
 * read that case from the round's count and Ac, see `switchingHistory`).
 */
export function lotOutcome(
  round: Pick<ReviewRound, 'plan' | 'acceptance'>,
  nonconforming: number,
): { passed: boolean } {
  const acceptance = round.plan.kind === 'acceptance' ? round.acceptance : undefined;
  return { passed: acceptance ? nonconforming < acceptance.reject : nonconforming === 0 };
}

/** The unit key an issue's target names directly, if any (spans are matched apart). */
function unitKeyOf(target: ReviewTarget, unit: InspectionUnit): string | undefined {
  switch (unit) {
    case 'box':
      return target.kind === 'box' ? reviewTargetKey(target) : undefined;
    case 'track':
      return target.kind === 'box' || target.kind === 'track'
        ? reviewTargetKey({ kind: 'track', trackId: target.trackId })
        : undefined;
    case 'frame':
      return target.kind === 'box' || target.kind === 'frame' || target.kind === 'point'
        ? reviewTargetKey({ kind: 'frame', frameIndex: target.frameIndex })
        : undefined;
  }
}

interface UnitPlace {
  trackId?: string;
  frameIndex?: number;
}

/** The track and frame a unit key names (`box:<track>@<frame>`, `track:<id>`, `frame:<index>`). */
function parseUnitKey(key: string, unit: InspectionUnit): UnitPlace | undefined {
  if (!key.startsWith(`${unit}:`)) return undefined;
  const body = key.slice(unit.length + 1);
  if (unit === 'track') return { trackId: body };
  if (unit === 'frame') return { frameIndex: Number(body) };
  // A track id may itself hold an '@': the frame is after the last one.
  const at = body.lastIndexOf('@');
  return at < 0 ? undefined : { trackId: body.slice(0, at), frameIndex: Number(body.slice(at + 1)) };
}

function spanCovers(span: Extract<ReviewTarget, { kind: 'span' }>, at: UnitPlace): boolean {
  if (at.trackId !== undefined && span.trackId !== at.trackId) return false;
  if (at.frameIndex === undefined) return true;
  return at.frameIndex >= span.startFrame && at.frameIndex <= span.endFrame;
}
