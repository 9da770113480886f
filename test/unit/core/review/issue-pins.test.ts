import { describe, expect, it } from 'vitest';
import type { Cuboid } from '../../../../src/core/model/labels';
import type { IssueEvent, PinnedIssue, ReviewTarget } from '../../../../src/core/model/review';
import { issuePinsOn } from '../../../../src/core/review/issue-pins';
import { storedCuboid } from '../stored-cuboid';

const opened: IssueEvent = { kind: 'opened', author: 'r', time: 1 };
const issue = (id: string, target: ReviewTarget, events: IssueEvent[] = [opened]): PinnedIssue => ({
  type: 'issue', id, sceneId: 's', target, defect: 'other', severity: 'major', comment: '', author: 'r', time: 1,
  labelDigest: '', events,
}); // prettier-ignore

describe('issuePinsOn', () => {
  it('stands box, track and track-span issues on top of the track’s box on the frame, a point issue at its point', () => {
    const box: Cuboid = storedCuboid({
      id: 'c1',
      trackId: 't1',
      frameIndex: 4,
      position: [10, 2, 0.8],
      size: [4, 2, 1.6],
    });
    const issues = [
      issue('box', { kind: 'box', trackId: 't1', frameIndex: 4 }),
      issue('other-frame', { kind: 'box', trackId: 't1', frameIndex: 5 }),
      issue('track', { kind: 'track', trackId: 't1' }),
      issue('span', { kind: 'span', trackId: 't1', startFrame: 2, endFrame: 6 }),
      issue('scene-span', { kind: 'span', startFrame: 2, endFrame: 6 }),
      issue('frame', { kind: 'frame', frameIndex: 4 }),
      issue('point', { kind: 'point', frameIndex: 4, position: [1, 2, 3] }),
      issue('verified', { kind: 'track', trackId: 't1' }, [opened, { kind: 'fixed', author: 'a', time: 2 }, { kind: 'verified', author: 'r', time: 3 }]), // prettier-ignore
      issue('fixed', { kind: 'track', trackId: 't1' }, [opened, { kind: 'fixed', author: 'a', time: 2 }]),
    ];
    const pins = issuePinsOn(4, issues, [box]);
    expect(pins.map((p) => p.issueId)).toEqual(['box', 'track', 'span', 'point', 'fixed']);
    expect(pins[0]).toMatchObject({ position: [10, 2, 1.6], cuboidId: 'c1', state: 'open', severity: 'major' });
    expect(pins[3]).toMatchObject({ position: [1, 2, 3] });
    expect(pins[3]?.cuboidId).toBeUndefined();
    expect(pins[4]?.state).toBe('fixed');
    // With no box of the track on the frame, its issues have nowhere to stand.
    expect(issuePinsOn(4, issues, []).map((p) => p.issueId)).toEqual(['point']);
  });
});
