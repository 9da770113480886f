import {
  CHECK_IDS,
  POINT_CHECK_IDS,
  groupHits,
  type CheckId,
  type Finding,
  type Hit,
  type LintInput,
  type LintProgress,
} from './finding';
import { createContext, type LintContext } from './lint-context';
import { attributeHits, unknownClassHits } from './ontology-checks';
import { pairHits, rigidSizeHits, sizeHits } from './box-checks';
import { gapHits, headingFlipHits, rateHits } from './motion-checks';
import { pointHits, type PointCheck } from './point-checks';
import { checkRuns, type LintProfile } from './profile';

/** The checks that read labels alone, by id: each gives its hits, which `groupHits` makes findings of. */
const LABEL_CHECKS: Partial<Record<CheckId, (ctx: LintContext) => Hit[]>> = {
  unknownClass: unknownClassHits,
  attributeMissing: (ctx) => attributeHits(ctx, 'attributeMissing'),
  attributeValue: (ctx) => attributeHits(ctx, 'attributeValue'),
  attributeUnknown: (ctx) => attributeHits(ctx, 'attributeUnknown'),
  size: sizeHits,
  rigidSize: rigidSizeHits,
  duplicate: (ctx) => pairHits(ctx, 'duplicate'),
  overlap: (ctx) => pairHits(ctx, 'overlap'),
  gap: gapHits,
  headingFlip: headingFlipHits,
  speed: (ctx) => rateHits(ctx, 'speed'),
  acceleration: (ctx) => rateHits(ctx, 'acceleration'),
  yawRate: (ctx) => rateHits(ctx, 'yawRate'),
};

const POINT_CHECKS: readonly PointCheck[] = POINT_CHECK_IDS;

/**
 * Runs every check the profile leaves on over a scene's labels and gives the findings, ordered by check (as
 * `CHECK_IDS` lists them), then by first frame. Pure: no DOM, no node, nothing kept between runs, so the app
 * runs it in a worker and the CLI in node. The point checks run only where `input.points` gives sweeps; each
 * label check is one progress step and each frame of the point pass another.
 */
export async function runChecks(
  input: LintInput,
  profile: LintProfile = { checks: {} },
  onProgress?: (progress: LintProgress) => void,
): Promise<Finding[]> {
  const ctx = createContext(input, profile);
  const labelChecks = CHECK_IDS.filter((id) => LABEL_CHECKS[id] && checkRuns(profile, id));
  const pointChecks = new Set(input.points ? POINT_CHECKS.filter((id) => checkRuns(profile, id)) : []);
  const frameSteps = pointChecks.size > 0 ? ctx.byFrame.size : 0;
  const total = labelChecks.length + frameSteps;
  const byCheck = new Map<CheckId, Finding[]>();
  labelChecks.forEach((id, k) => {
    byCheck.set(id, groupHits(id, LABEL_CHECKS[id]!(ctx)));
    onProgress?.({ done: k + 1, total, check: id });
  });
  const first = [...pointChecks][0];
  if (first) {
    const hits = await pointHits(ctx, pointChecks, (done) => {
      onProgress?.({ done: labelChecks.length + done, total, check: first });
    });
    for (const id of pointChecks) byCheck.set(id, groupHits(id, hits[id]));
  }
  return CHECK_IDS.flatMap((id) => byCheck.get(id) ?? []);
}
