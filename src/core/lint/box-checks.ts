import type { Cuboid } from '../model/labels';
import { rounded, type Hit } from './finding';
import type { LintContext } from './lint-context';
import { num, vec3 } from './profile';
import { iou3d } from '../agreement/oriented-iou';

const DIMENSIONS = ['length', 'width', 'height'] as const;

/**
 * A box whose length, width or height lies outside its class's bounds: the profile's `min` / `max` for the
 * class, else half to twice (`minScale`, `maxScale`) the ontology's size for it. A class with neither is not
 * checked. The worst dimension is reported, as a ratio past its bound.
 */
export function sizeHits(ctx: LintContext): Hit[] {
  const hits: Hit[] = [];
  for (const t of ctx.tracks) {
    const s = ctx.settings('size', t.track.id);
    if (!s.enabled) continue;
    const prior = ctx.classOf(t.track.id)?.defaultSize;
    const min = vec3(s, 'min') ?? prior?.map((v) => v * num(s, 'minScale'));
    const max = vec3(s, 'max') ?? prior?.map((v) => v * num(s, 'maxScale'));
    if (!min || !max) continue;
    for (const c of t.boxes) {
      let worst: Hit | undefined;
      for (let d = 0; d < 3; d++) {
        const v = c.size[d]!;
        const lo = min[d]!,
          hi = max[d]!;
        const excess = v < lo ? lo / Math.max(v, 1e-6) - 1 : v > hi ? v / hi - 1 : 0;
        if (excess > 0 && (!worst || excess > worst.excess)) {
          const limit = v < lo ? lo : hi;
          worst = { trackId: t.track.id, frame: c.frameIndex, cuboidId: c.id, value: rounded(v), limit, excess, severity: s.severity, params: { dimension: DIMENSIONS[d]!, bound: v < lo ? 'min' : 'max' } }; // prettier-ignore
        }
      }
      if (worst) hits.push(worst);
    }
  }
  return hits;
}

/**
 * A rigid track whose boxes do not all have one size: each box that differs from the track's most common size
 * by more than `tolerance` metres in some dimension (a rigid object does not grow).
 */
export function rigidSizeHits(ctx: LintContext): Hit[] {
  const hits: Hit[] = [];
  for (const t of ctx.tracks) {
    const s = ctx.settings('rigidSize', t.track.id);
    if (!s.enabled || !t.track.rigid || t.stored.length < 2) continue;
    const reference = mostCommonSize(t.stored);
    const tolerance = num(s, 'tolerance');
    for (const c of t.boxes) {
      const diff = Math.max(...c.size.map((v, d) => Math.abs(v - reference[d]!)));
      if (diff > tolerance) {
        hits.push({ trackId: t.track.id, frame: c.frameIndex, cuboidId: c.id, value: rounded(diff), limit: tolerance, excess: diff, severity: s.severity, params: { size: c.size.map((v) => rounded(v)).join('×'), usual: reference.map((v) => rounded(v)).join('×') } }); // prettier-ignore
      }
    }
  }
  return hits;
}

/** The size most boxes share (to the centimetre): what the other boxes are told they differ from. */
function mostCommonSize(boxes: readonly Cuboid[]): readonly number[] {
  const counts = new Map<string, { size: readonly number[]; n: number }>();
  for (const c of boxes) {
    const key = c.size.map((v) => Math.round(v * 100)).join(',');
    const e = counts.get(key) ?? { size: c.size, n: 0 };
    e.n++;
    counts.set(key, e);
  }
  return [...counts.values()].reduce((a, b) => (b.n > a.n ? b : a)).size;
}

/**
 * Pairs of boxes on one frame, each pair once: `duplicate` for two boxes of one class that nearly coincide
 * (3D IoU of at least `minIou`: one object labelled twice), `overlap` for any other pair whose 3D IoU exceeds
 * `maxIou` (solid objects do not interpenetrate). The pair's tracks, sorted, make the finding's track part
 * (`a+b`), so that each pair is its own finding; the settings are those of the first track's class.
 */
export function pairHits(ctx: LintContext, check: 'duplicate' | 'overlap'): Hit[] {
  const hits: Hit[] = [];
  for (const { a, b, frame, iou } of overlappingPairs(ctx)) {
    const sameClass = ctx.trackOf.get(a.trackId)?.classId === ctx.trackOf.get(b.trackId)?.classId;
    const dup = ctx.settings('duplicate', a.trackId);
    const isDuplicate = dup.enabled && sameClass && iou >= num(dup, 'minIou');
    if (check === 'duplicate' && isDuplicate) {
      hits.push(pairHit(a, b, frame, iou, num(dup, 'minIou'), dup.severity));
    } else if (check === 'overlap' && !isDuplicate) {
      const s = ctx.settings('overlap', a.trackId);
      if (s.enabled && iou > num(s, 'maxIou')) hits.push(pairHit(a, b, frame, iou, num(s, 'maxIou'), s.severity));
    }
  }
  return hits;
}

interface OverlappingPair {
  /** The pair's boxes, `a` of the track whose id sorts first. */
  a: Cuboid;
  b: Cuboid;
  frame: number;
  iou: number;
}

const pairsOfRun = new WeakMap<LintContext, OverlappingPair[]>();

/**
 * Every pair of boxes of two tracks on one frame whose 3D IoU is above 0, found once a run for both pair checks.
 * A frame's boxes are swept in order of their footprint's left edge, so a pair is looked at only where the
 * footprints' extents along x meet (150 boxes a frame are a few hundred such pairs, not 11,000).
 */
function overlappingPairs(ctx: LintContext): OverlappingPair[] {
  const cached = pairsOfRun.get(ctx);
  if (cached) return cached;
  const out: OverlappingPair[] = [];
  for (const [frame, boxes] of ctx.byFrame) {
    const spans = boxes.map((c) => ({ c, r: Math.hypot(c.size[0], c.size[1]) / 2 }));
    spans.sort((p, q) => p.c.position[0] - p.r - (q.c.position[0] - q.r));
    for (let i = 0; i < spans.length; i++) {
      const p = spans[i]!;
      const right = p.c.position[0] + p.r;
      for (let j = i + 1; j < spans.length && spans[j]!.c.position[0] - spans[j]!.r < right; j++) {
        const q = spans[j]!;
        // iou3d itself skips pairs whose bounding spheres are apart (`mayOverlap`).
        if (p.c.trackId === q.c.trackId) continue;
        const [a, b] = p.c.trackId < q.c.trackId ? [p.c, q.c] : [q.c, p.c];
        const iou = iou3d(a, b);
        if (iou > 0) out.push({ a, b, frame, iou });
      }
    }
  }
  pairsOfRun.set(ctx, out);
  return out;
}

function pairHit(a: Cuboid, b: Cuboid, frame: number, iou: number, limit: number, severity: Hit['severity']): Hit {
  return { trackId: a.trackId, frame, cuboidId: a.id, value: rounded(iou), limit, excess: iou, severity, key: `${a.trackId}+${b.trackId}`, params: { otherTrackId: b.trackId, otherCuboidId: b.id } }; // prettier-ignore
}
