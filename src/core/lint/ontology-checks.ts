import { checkAttributeValue } from '../model/attribute-value';
import type { AttributeValue, Cuboid } from '../model/labels';
import type { AttributeSpec } from '../model/ontology';
import type { Hit } from './finding';
import type { LintContext, TrackBoxes } from './lint-context';

/**
 * A track whose class the ontology lacks: one finding over the track's whole span (it is one mistake, made
 * once). Silent without an ontology, and for a track with no box (nothing to show it on).
 */
export function unknownClassHits(ctx: LintContext): Hit[] {
  if (!ctx.input.ontology) return [];
  const hits: Hit[] = [];
  for (const t of ctx.tracks) {
    const s = ctx.settings('unknownClass', t.track.id);
    if (!s.enabled || ctx.classOf(t.track.id)) continue;
    for (const c of t.boxes) {
      hits.push({ trackId: t.track.id, frame: c.frameIndex, cuboidId: c.id, value: t.track.classId, excess: 0, severity: s.severity, params: { classId: t.track.classId } }); // prettier-ignore
    }
  }
  return hits;
}

type AttributeCheck = 'attributeMissing' | 'attributeValue' | 'attributeUnknown';

/**
 * Attribute values against the ontology's class: a value the class defines but the box (dynamic) or the
 * track (static) lacks, a value the attribute does not allow (wrong type, not in the enum, out of range), or a
 * value the class does not define at all (often a dataset's extra field, hence only `info` by default).
 */
export function attributeHits(ctx: LintContext, check: AttributeCheck): Hit[] {
  if (!ctx.input.ontology) return [];
  const hits: Hit[] = [];
  for (const t of ctx.tracks) {
    const cls = ctx.classOf(t.track.id);
    const s = ctx.settings(check, t.track.id);
    if (!cls || !s.enabled) continue;
    const specs = new Map(cls.attributes.map((a) => [a.id, a]));
    // A track's static attributes are judged on every box, so that the finding spans the track.
    const staticProblems = problemsOf(check, specs, t.track.attributes, false);
    for (const c of t.boxes) {
      const problems = [...staticProblems, ...problemsOf(check, specs, c.attributes, true)];
      const first = problems[0];
      if (!first) continue;
      hits.push({ ...boxHit(t, c), ...first, excess: problems.length, severity: s.severity });
    }
  }
  return hits;
}

interface Problem {
  value?: string | number;
  limit?: string | number;
  params: Record<string, string | number>;
}

function problemsOf(
  check: AttributeCheck,
  specs: Map<string, AttributeSpec>,
  values: Record<string, AttributeValue>,
  dynamic: boolean,
): Problem[] {
  const out: Problem[] = [];
  if (check === 'attributeUnknown') {
    // Keys the class does not define at all (a static attribute stored per box, or the reverse, is `value`'s).
    for (const key of Object.keys(values)) {
      if (!specs.has(key)) out.push({ value: key, params: { attribute: key, where: dynamic ? 'box' : 'track' } });
    }
    return out;
  }
  for (const spec of specs.values()) {
    if (spec.dynamic !== dynamic) continue;
    const value = values[spec.id];
    if (check === 'attributeMissing') {
      // A boolean left unset reads as false everywhere in the app, so only the other kinds are missing.
      if (value === undefined && spec.kind !== 'boolean') out.push({ params: { attribute: spec.id, where: dynamic ? 'box' : 'track' } }); // prettier-ignore
      continue;
    }
    if (value === undefined) continue;
    const problem = checkAttributeValue(spec, value);
    if (!problem) continue;
    const limit =
      problem.kind === 'notAllowed' ? problem.values.join('|')
      : problem.kind === 'wrongType' ? problem.expected
      : problem.kind === 'belowMin' ? problem.min
      : problem.kind === 'aboveMax' ? problem.max
      : 'finite'; // prettier-ignore
    out.push({ value: String(value), limit, params: { attribute: spec.id, problem: problem.kind } });
  }
  return out;
}

function boxHit(t: TrackBoxes, c: Cuboid): Pick<Hit, 'trackId' | 'frame' | 'cuboidId'> {
  return { trackId: t.track.id, frame: c.frameIndex, cuboidId: c.id };
}
