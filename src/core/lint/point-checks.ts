import { countPointsInBox } from '../fit/count-points-in-box';
import { groundHeightAt } from '../fit/ground-model';
import { rounded, type Hit } from './finding';
import type { LintContext } from './lint-context';
import { num } from './profile';

export type PointCheck = 'points' | 'belowGround' | 'aboveGround';

/**
 * The checks that read a frame's sweep, in one pass over the frames so that each sweep is fetched once:
 * `points` (fewer than `minPoints` returns inside a box within `maxRange` metres; farther boxes are often
 * rightly empty), `belowGround` (the box's bottom more than `maxDepth` below the ground under its centre) and
 * `aboveGround` (more than `maxHeight` above it), both within their own `maxRange`. Frames the source has no sweep for are skipped; with no
 * source at all these checks stay silent. `onFrame` reports each frame done.
 */
export async function pointHits(
  ctx: LintContext,
  wanted: ReadonlySet<PointCheck>,
  onFrame: (done: number, total: number) => void,
): Promise<Record<PointCheck, Hit[]>> {
  const out: Record<PointCheck, Hit[]> = { points: [], belowGround: [], aboveGround: [] };
  const source = ctx.input.points;
  if (!source || wanted.size === 0) return out;
  const frames = [...ctx.byFrame.keys()].sort((a, b) => a - b);
  for (let k = 0; k < frames.length; k++) {
    const frame = frames[k]!;
    const sweep = await source(frame);
    if (sweep) {
      for (const c of ctx.byFrame.get(frame)!) {
        // Each frame its own finding: the app checks one frame's sweep at a time, the CLI every frame, and a
        // dismissal made in one must name the same finding in the other.
        const base = { trackId: c.trackId, frame, cuboidId: c.id, key: `${c.trackId}@${frame}` };
        const pts = ctx.settings('points', c.trackId);
        if (wanted.has('points') && pts.enabled && Math.hypot(c.position[0], c.position[1]) <= num(pts, 'maxRange')) {
          const n = countPointsInBox(sweep.index, c);
          const min = num(pts, 'minPoints');
          if (n < min) out.points.push({ ...base, value: n, limit: min, excess: min - n, severity: pts.severity, params: {} }); // prettier-ignore
        }
        const range = Math.hypot(c.position[0], c.position[1]);
        const ground = groundHeightAt(sweep.ground, c.position[0], c.position[1]);
        const bottom = c.position[2] - c.size[2] / 2;
        // Under the ground by more than maxDepth, or above it by more than maxHeight: one rule, two directions.
        const sides = [['belowGround', ground - bottom, 'maxDepth'], ['aboveGround', bottom - ground, 'maxHeight']] as const; // prettier-ignore
        for (const [check, gap, limitName] of sides) {
          const s = ctx.settings(check, c.trackId);
          const limit = num(s, limitName);
          if (!wanted.has(check) || !s.enabled || range > num(s, 'maxRange') || gap <= limit) continue;
          out[check].push({ ...base, value: rounded(gap), limit, excess: gap, severity: s.severity, params: { ground: rounded(ground) } }); // prettier-ignore
        }
      }
    }
    onFrame(k + 1, frames.length);
  }
  return out;
}
