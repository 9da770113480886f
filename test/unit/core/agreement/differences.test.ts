import { describe, expect, it } from 'vitest';
import { compareLabelSets } from '../../../../src/core/agreement/agreement';
import { labelSetDifferences } from '../../../../src/core/agreement/differences';
import { makeLabelSet, type BoxSpec } from './make-label-set';

/** Two objects on four frames: `a` at y 0 and `b` at y 10 (never near each other). */
const reference = makeLabelSet(4, [0, 1, 2, 3].flatMap((frame): BoxSpec[] => [{ track: 'a', frame, x: 0 }, { track: 'b', frame, x: 0, y: 10 }])); // prettier-ignore

describe('the differences between two label sets, frame by frame', () => {
  it('names matched, missed, extra and switched boxes, adding up to the reported figures', () => {
    const compared = makeLabelSet(4, [
      ...[0, 1, 2, 3].map((frame) => ({ track: 'A', frame, x: 0 })),
      // b's object is B on frames 0–1, then C on frame 2 (an identity switch); nobody on frame 3 (a miss).
      { track: 'B', frame: 0, x: 0, y: 10 },
      { track: 'B', frame: 1, x: 0, y: 10 },
      { track: 'C', frame: 2, x: 0, y: 10 },
      // Something nothing in the reference is near (an extra).
      { track: 'X', frame: 1, x: 30 },
    ]);
    const diff = labelSetDifferences(reference, compared);
    expect(diff.map((f) => f.frame)).toEqual([0, 1, 2, 3]);
    expect(diff[1]!.extra).toEqual(['X@1']);
    expect(diff[2]!.matched).toContainEqual({ reference: 'b@2', compared: 'C@2', switched: true });
    expect(diff[2]!.matched).toContainEqual({ reference: 'a@2', compared: 'A@2', switched: false });
    expect(diff[3]!.missed).toEqual(['b@3']);
    const report = compareLabelSets(reference, compared);
    const count = (pick: (f: (typeof diff)[number]) => number) => diff.reduce((n, f) => n + pick(f), 0);
    expect(count((f) => f.missed.length)).toBe(1);
    expect(count((f) => f.extra.length)).toBe(1);
    expect(count((f) => f.matched.filter((m) => m.switched).length)).toBe(report.tracking.idSwitches);
    expect(report.tracking.idSwitches).toBe(1);
  });

  it('finds nothing to tell between a set and itself', () => {
    const diff = labelSetDifferences(reference, reference);
    expect(diff.every((f) => f.missed.length === 0 && f.extra.length === 0 && f.matched.every((m) => !m.switched))).toBe(true); // prettier-ignore
    expect(diff.reduce((n, f) => n + f.matched.length, 0)).toBe(8);
  });
});
