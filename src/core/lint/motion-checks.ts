import { normalizeAngle } from '../math/angle';
import { rounded, type Hit, type Severity } from './finding';
import { worldPoses, type LintContext, type TrackBoxes, type WorldPose } from './lint-context';
import { num } from './profile';

const DEG = 180 / Math.PI;

/**
 * Frames inside a track's span with no stored box, more than `maxFrames` in a row: the track was lost there
 * and its boxes are only interpolated (a file that holds every frame's box has no such run unless the object
 * went missing). One hit on every frame of the run, so that the finding spans it.
 */
export function gapHits(ctx: LintContext): Hit[] {
  const hits: Hit[] = [];
  for (const t of ctx.tracks) {
    const s = ctx.settings('gap', t.track.id);
    if (!s.enabled) continue;
    const maxFrames = num(s, 'maxFrames');
    for (let i = 1; i < t.stored.length; i++) {
      const from = t.stored[i - 1]!.frameIndex,
        to = t.stored[i]!.frameIndex;
      const missing = to - from - 1;
      if (missing <= maxFrames) continue;
      for (let f = from + 1; f < to; f++) {
        hits.push({ trackId: t.track.id, frame: f, value: missing, limit: maxFrames, excess: missing, severity: s.severity, params: { after: from, before: to } }); // prettier-ignore
      }
    }
  }
  return hits;
}

/**
 * A heading that turns by more than `maxTurnDeg` between neighbouring frames of a track (in the world, so the
 * ego's own turn does not count): no road user turns round in a tenth of a second, so one box faces the wrong
 * way. Hits the later box of each such pair.
 */
export function headingFlipHits(ctx: LintContext): Hit[] {
  const hits: Hit[] = [];
  for (const t of ctx.tracks) {
    const s = ctx.settings('headingFlip', t.track.id);
    if (!s.enabled) continue;
    const poses = worldPoses(t.boxes, ctx.input);
    const limit = num(s, 'maxTurnDeg');
    for (let i = 1; i < poses.length; i++) {
      const a = poses[i - 1]!,
        b = poses[i]!;
      if (a.world !== b.world) continue;
      const turn = Math.abs(normalizeAngle(b.yaw - a.yaw)) * DEG;
      if (turn > limit) hits.push(motionHit(t, b, turn, limit, s.severity, { from: a.frame }));
    }
  }
  return hits;
}

type RateCheck = 'speed' | 'acceleration' | 'yawRate';

/**
 * Speed, acceleration and yaw rate along a track, in the world frame, each measured over at least `windowS`
 * seconds (box centres jitter by a decimetre from frame to frame; differences over one 0.1 s step would make
 * that jitter metres per second, and accelerations of tens of m/s²). Frames without an ego pose or a
 * timestamp that runs forward are skipped: the motion there is unknown. The yaw rate reads the turn of the
 * box's axis (a flip end for end is `headingFlip`'s finding, not a fast turn).
 */
export function rateHits(ctx: LintContext, check: RateCheck): Hit[] {
  const hits: Hit[] = [];
  const key = check === 'speed' ? 'maxSpeed' : check === 'acceleration' ? 'maxAccel' : 'maxYawRateDeg';
  for (const t of ctx.tracks) {
    const s = ctx.settings(check, t.track.id);
    if (!s.enabled) continue;
    const window = num(s, 'windowS');
    const limit = num(s, key);
    const poses = worldPoses(t.boxes, ctx.input).filter((p) => p.world && Number.isFinite(p.t));
    const steps = windowed(poses, window);
    if (check === 'acceleration') {
      // Velocity at each step's start, then its change over one more window.
      const velocity = steps.map(([a, b]) => ({ at: a, vx: (b.x - a.x) / (b.t - a.t), vy: (b.y - a.y) / (b.t - a.t) }));
      const byIndex = new Map(velocity.map((v) => [v.at.frame, v]));
      for (const [a, b] of steps) {
        const va = byIndex.get(a.frame),
          vb = byIndex.get(b.frame);
        if (!va || !vb) continue;
        const accel = Math.hypot(vb.vx - va.vx, vb.vy - va.vy) / (b.t - a.t);
        if (accel > limit) hits.push(motionHit(t, b, accel, limit, s.severity, { from: a.frame }));
      }
      continue;
    }
    for (const [a, b] of steps) {
      const dt = b.t - a.t;
      const value =
        check === 'speed' ? Math.hypot(b.x - a.x, b.y - a.y, b.z - a.z) / dt : (axisTurn(b.yaw - a.yaw) * DEG) / dt;
      if (value > limit) hits.push(motionHit(t, b, value, limit, s.severity, { from: a.frame }));
    }
  }
  return hits;
}

/**
 * Pairs of poses at least `window` seconds apart: from each pose to the first one that far after it (or none,
 * near the track's end). Pairs spanning a stretch with a skipped frame still count; time says how far apart.
 */
function windowed(poses: readonly WorldPose[], window: number): [WorldPose, WorldPose][] {
  const out: [WorldPose, WorldPose][] = [];
  let j = 0;
  for (let i = 0; i < poses.length; i++) {
    const a = poses[i]!;
    j = Math.max(j, i + 1);
    while (j < poses.length && poses[j]!.t - a.t < window - 1e-9) j++;
    const b = poses[j];
    if (!b) break;
    if (b.t > a.t) out.push([a, b]);
  }
  return out;
}

/** The turn of a box's axis, radians in [0, π/2]: an end-for-end flip is no turn of the axis. */
function axisTurn(d: number): number {
  const a = Math.abs(normalizeAngle(d));
  return a > Math.PI / 2 ? Math.PI - a : a;
}

function motionHit(
  t: TrackBoxes,
  at: WorldPose,
  value: number,
  limit: number,
  severity: Severity,
  params: Record<string, number>,
): Hit {
  const box = t.boxes.find((c) => c.frameIndex === at.frame);
  const hit: Hit = { trackId: t.track.id, frame: at.frame, value: rounded(value, 2), limit, excess: value / limit, severity, params }; // prettier-ignore
  if (box) hit.cuboidId = box.id;
  return hit;
}
