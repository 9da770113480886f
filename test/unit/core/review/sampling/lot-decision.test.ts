import { describe, expect, it } from 'vitest';
import type { PinnedIssue, ReviewTarget, Severity } from '../../../../../src/core/model/review';
import { lotOutcome, nonconformingUnits } from '../../../../../src/core/review/sampling/lot-decision';

let issueCount = 0;

function issue(target: ReviewTarget, severity: Severity = 'major'): PinnedIssue {
  return {
    type: 'issue', id: `i${++issueCount}`, sceneId: 's', target, defect: 'too-loose', severity, comment: '',
    author: 'r', time: 0, labelDigest: '', events: [{ kind: 'opened', author: 'r', time: 0 }],
  }; // prettier-ignore
}

describe('nonconformingUnits', () => {
  const box = (trackId: string, frameIndex: number): ReviewTarget => ({ kind: 'box', trackId, frameIndex });

  it('box units: a major or critical issue on the box, or on a span of its track', () => {
    const sample = ['box:a@1', 'box:a@2', 'box:b@1', 'box:x@y@4'];
    const issues = [
      issue(box('a', 1)),
      issue(box('b', 1), 'minor'), // minor: not a nonconformity
      issue(box('c', 1), 'critical'), // not sampled
      issue({ kind: 'span', trackId: 'x@y', startFrame: 3, endFrame: 5 }),
      issue({ kind: 'span', startFrame: 0, endFrame: 9 }), // no track: names no box
      issue({ kind: 'track', trackId: 'a' }),
    ];
    expect(nonconformingUnits(issues, 'box', sample)).toEqual(new Set(['box:a@1', 'box:x@y@4']));
  });

  it('track units: an issue on the track, one of its boxes, or a span of it', () => {
    const sample = ['track:a', 'track:b', 'track:c', 'track:d'];
    const issues = [
      issue(box('a', 7)),
      issue({ kind: 'track', trackId: 'b' }, 'critical'),
      issue({ kind: 'span', trackId: 'c', startFrame: 1, endFrame: 2 }),
      issue({ kind: 'frame', frameIndex: 1 }),
    ];
    expect(nonconformingUnits(issues, 'track', sample)).toEqual(new Set(['track:a', 'track:b', 'track:c']));
  });

  it('frame units: an issue on the frame, a box or a point on it, or a span covering it', () => {
    const sample = ['frame:1', 'frame:2', 'frame:5', 'frame:8', 'frame:9'];
    const issues = [
      issue({ kind: 'frame', frameIndex: 1 }),
      issue(box('a', 2)),
      issue({ kind: 'point', frameIndex: 9, position: [1, 2, 0] }),
      issue({ kind: 'span', trackId: 'a', startFrame: 4, endFrame: 6 }),
      issue({ kind: 'track', trackId: 'a' }),
    ];
    expect(nonconformingUnits(issues, 'frame', sample)).toEqual(new Set(['frame:1', 'frame:2', 'frame:5', 'frame:9']));
  });
});

describe('lotOutcome', () => {
  const acceptance = (accept: number, reject: number) => ({
    plan: { kind: 'acceptance', aql: 1, level: 'II' } as const,
    acceptance: { severity: 'reduced', codeLetter: 'K', sampleSize: 50, accept, reject } as const,
  });

  it('acceptance plans: accept up to Ac, reject from Re', () => {
    // Table II-A, H (n=50), AQL 1.0: Ac 1 Re 2.
    expect(lotOutcome(acceptance(1, 2), 1)).toEqual({ passed: true });
    expect(lotOutcome(acceptance(1, 2), 2)).toEqual({ passed: false });
  });

  it("reduced inspection's gap accepts the lot", () => {
    // Table II-C, K (n=50), AQL 1.0: Ac 1 Re 4.
    expect(lotOutcome(acceptance(1, 4), 3)).toEqual({ passed: true });
    expect(lotOutcome(acceptance(1, 4), 4)).toEqual({ passed: false });
  });

  it('other plans pass only with no nonconforming unit', () => {
    expect(lotOutcome({ plan: { kind: 'all' } }, 0).passed).toBe(true);
    expect(lotOutcome({ plan: { kind: 'random-frames', percent: 10 } }, 1).passed).toBe(false);
  });
});
