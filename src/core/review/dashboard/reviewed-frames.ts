import type { ReviewRound, Verdict, VerdictTarget } from '../../model/review';
import { unitKeyTarget } from '../review-status';
import type { LabelOwners } from './label-owners';

/**
 * The frames review has reached: those in any round's sample and those under a verdict. A box or a frame
 * names its frame; a track covers the frames from its first stored box to its last (its derived boxes lie
 * between), since judging a track is looking at it on all of them. Frames outside 0..frameCount−1 are dropped.
 */
export function reviewedFrames(
  rounds: readonly ReviewRound[],
  verdicts: readonly Verdict[],
  owners: LabelOwners,
  frameCount: number,
): Set<number> {
  const frames = new Set<number>();
  const add = (target: VerdictTarget | undefined) => {
    if (target === undefined) return;
    if (target.kind !== 'track') return void frames.add(target.frameIndex);
    const span = owners.framesOf(target.trackId);
    if (span === undefined) return;
    for (let f = span.first; f <= span.last; f++) frames.add(f);
  };
  for (const round of rounds) for (const key of round.sample) add(unitKeyTarget(key));
  for (const v of verdicts) add(v.target);
  for (const f of frames) if (!(Number.isInteger(f) && f >= 0 && f < frameCount)) frames.delete(f);
  return frames;
}
