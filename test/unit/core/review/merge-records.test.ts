import { describe, expect, it } from 'vitest';
import { applyPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import type { Cuboid, LabelRecord, Track } from '../../../../src/core/model/labels';
import type { IssueEvent, PinnedIssue, ReviewRound, Verdict } from '../../../../src/core/model/review';
import { mergeRecords } from '../../../../src/core/review/merge-records';
import { storedCuboid } from '../stored-cuboid';

const track: Track = { type: 'track', id: 't', sceneId: 's', classId: 'car', attributes: {}, rigid: true, madeBy: 'ann', changedBy: 'ann', changedAt: 1 }; // prettier-ignore
const box = (frameIndex: number, changedAt: number, fields: Partial<Cuboid> = {}): Cuboid =>
  storedCuboid({ frameIndex, madeBy: 'ann', changedBy: 'ann', changedAt, ...fields });
const verdict = (
  frameIndex: number,
  time: number,
  decision: 'accept' | 'reject' = 'accept',
  author = 'rev',
): Verdict => ({
  // prettier-ignore
  type: 'verdict',
  id: `verdict:box:t@${frameIndex}`,
  sceneId: 's',
  target: { kind: 'box', trackId: 't', frameIndex },
  decision,
  author,
  time,
  labelDigest: 'd', // prettier-ignore
});
const event = (kind: IssueEvent['kind'], time: number, author = 'rev'): IssueEvent => ({ kind, author, time });
const issue = (id: string, events: IssueEvent[], fields: Partial<PinnedIssue> = {}): PinnedIssue => ({
  type: 'issue',
  id,
  sceneId: 's',
  target: { kind: 'box', trackId: 't', frameIndex: 0 },
  defect: 'too-loose',
  severity: 'major',
  comment: '',
  author: 'rev',
  time: events[0]!.time,
  labelDigest: 'd',
  events,
  ...fields, // prettier-ignore
});
const docOf = (...records: LabelRecord[]): LabelDoc => new Map(records.map((r) => [r.id, r]));
const noRemovals = new Map<string, number>();

/** Merges and applies the patch to the local doc, as an import does: `applyPatch` must accept it. */
function merge(local: LabelDoc, incoming: LabelRecord[], removals: ReadonlyMap<string, number> = noRemovals) {
  const result = mergeRecords(local, incoming, removals);
  const doc = new Map(local);
  applyPatch(doc, result.patch);
  return { ...result, doc };
}

describe('mergeRecords', () => {
  it("keeps the annotator's edit made after the export, and takes the reviewer's verdicts and issues", () => {
    // Exported at time 100 with the box as it was; the annotator moved it at 200 while the reviewer worked.
    const exported = box(0, 100);
    const local = docOf(track, box(0, 200, { position: [1, 0, 0.8] }), box(1, 100));
    const returned = [track, exported, box(1, 100), verdict(1, 150), issue('i1', [event('opened', 160)])];
    const { doc, changed, conflicts } = merge(local, returned);
    expect(doc.get('c0')).toEqual(local.get('c0'));
    expect(doc.get('verdict:box:t@1')).toEqual(verdict(1, 150));
    expect(doc.get('i1')).toEqual(returned[4]);
    expect(changed).toEqual({ added: 2, updated: 0, kept: 3, removed: 0 });
    expect(conflicts).toEqual([]);
  });

  it('takes an incoming object changed later, and reports one changed on both sides by two people', () => {
    const local = docOf(track, box(0, 200, { changedBy: 'ann' }), box(1, 100));
    const incoming = [box(0, 300, { changedBy: 'bob', yaw: 0.5 }), box(1, 250, { yaw: 0.2 })];
    const { doc, conflicts, changed } = merge(local, incoming);
    expect(doc.get('c0')).toEqual(incoming[0]);
    expect(doc.get('c1')).toEqual(incoming[1]);
    expect(conflicts).toEqual([{ id: 'c0', local: local.get('c0'), incoming: incoming[0] }]);
    expect(changed.updated).toBe(2);
    // The same time: the local copy stays; no stamp at all counts as time 0.
    const unstamped = { ...box(1, 0, { yaw: 1 }), changedAt: undefined };
    expect(merge(local, [box(1, 100, { yaw: 1 }), unstamped]).doc.get('c1')).toEqual(local.get('c1'));
  });

  it('flows review records both ways: each side merging the other ends with the same records', () => {
    const annotator = docOf(
      track,
      box(0, 100),
      issue('i1', [event('opened', 10), event('fixed', 50, 'ann')]),
      verdict(0, 20, 'reject'),
    );
    const reviewer = docOf(
      track,
      box(0, 100),
      issue('i1', [event('opened', 10)], { comment: 'check the rear' }),
      issue('i2', [event('opened', 60)]),
      verdict(0, 70, 'accept'),
    );
    const onAnnotator = merge(annotator, [...reviewer.values()]).doc;
    const onReviewer = merge(reviewer, [...annotator.values()]).doc;
    expect(new Map([...onAnnotator].sort())).toEqual(new Map([...onReviewer].sort()));
    expect(onAnnotator.get('verdict:box:t@0')).toEqual(verdict(0, 70, 'accept'));
    // The fix (the later last event) brings its copy's fields; both events are there.
    expect((onReviewer.get('i1') as PinnedIssue).events.map((e) => e.kind)).toEqual(['opened', 'fixed']);
    expect(onReviewer.get('i1')).toMatchObject({ comment: '' });
    expect(onAnnotator.has('i2')).toBe(true);
  });

  it('joins the events of two copies of an issue: one event once, oldest first, fields of the later copy', () => {
    const opened = event('opened', 10);
    const local = docOf(issue('i1', [opened, event('fixed', 30, 'ann')], { severity: 'minor' }));
    const incoming = issue('i1', [opened, event('fixed', 20, 'bea'), event('verified', 40)], { comment: 'ok now' });
    const { doc, changed } = merge(local, [incoming]);
    const joined = doc.get('i1') as PinnedIssue;
    expect(joined.events).toEqual([opened, event('fixed', 20, 'bea'), event('fixed', 30, 'ann'), event('verified', 40)]); // prettier-ignore
    expect(joined).toMatchObject({ comment: 'ok now', severity: 'major' });
    expect(changed.updated).toBe(1);
    // Nothing new in the incoming copy: nothing to do.
    expect(merge(doc, [incoming]).patch).toEqual({ added: [], updated: [], removed: [] });
  });

  it('reports an issue edited on both sides with the same last event, keeping the local edit', () => {
    const local = docOf(issue('i1', [event('opened', 10)], { comment: 'mine' }));
    const { doc, conflicts } = merge(local, [issue('i1', [event('opened', 10)], { comment: 'theirs' })]);
    expect(doc.get('i1')).toMatchObject({ comment: 'mine' });
    expect(conflicts.map((c) => c.id)).toEqual(['i1']);
  });

  it('keeps a record the local journal removed, unless the incoming copy changed after the removal', () => {
    const local = docOf(track);
    const incoming = [
      issue('gone', [event('opened', 10), event('fixed', 40, 'ann')]),
      issue('back', [event('opened', 10), event('fixed', 90, 'ann')]),
      verdict(2, 50),
      box(3, 50),
    ];
    const removals = new Map([['gone', 50], ['back', 50], ['verdict:box:t@2', 50], ['c3', 60]]); // prettier-ignore
    const { doc, changed } = merge(local, incoming, removals);
    expect([...doc.keys()].sort()).toEqual(['back', 't']);
    expect(changed).toEqual({ added: 1, updated: 0, kept: 1, removed: 0 });
  });

  it('drops incoming boxes whose track the local journal removed', () => {
    const { doc } = merge(docOf(), [track, box(0, 100), box(1, 500)], new Map([['t', 200], ['c0', 200]])); // prettier-ignore
    expect(doc.size).toBe(0);
  });

  it('gives a box slot (track, frame) held by two ids to the later box, removing the other', () => {
    const local = docOf(track, box(3, 100, { id: 'mine' }), box(4, 300, { id: 'mine4' }));
    const later = box(3, 200, { id: 'theirs', changedBy: 'bob' });
    const earlier = box(4, 250, { id: 'theirs4' });
    const { doc, conflicts, changed } = merge(local, [later, earlier]);
    expect(doc.has('mine')).toBe(false);
    expect(doc.get('theirs')).toEqual(later);
    expect(doc.has('mine4')).toBe(true);
    expect(doc.has('theirs4')).toBe(false);
    expect(changed).toEqual({ added: 1, updated: 0, kept: 2, removed: 1 });
    expect(conflicts.map((c) => [c.id, c.local.id, c.incoming.id])).toEqual([['mine', 'mine', 'theirs'], ['theirs4', 'mine4', 'theirs4']]); // prettier-ignore
    // A tie keeps the local box.
    expect(merge(local, [box(3, 100, { id: 'tie' })]).doc.has('tie')).toBe(false);
  });

  it('takes the later verdict, and a closed round over an open one', () => {
    const round: ReviewRound = { type: 'review-round', id: 'r', sceneId: 's', reviewer: 'rev', startedAt: 1, plan: { kind: 'all' }, unit: 'frame', seed: 1, sample: [], lotSize: 0 }; // prettier-ignore
    const closed = { ...round, closedAt: 9, outcome: { nonconforming: 0, inspected: 0, passed: true } };
    expect(merge(docOf(round), [closed]).doc.get('r')).toEqual(closed);
    expect(merge(docOf(closed), [round]).doc.get('r')).toEqual(closed);
    expect(merge(docOf(closed), [{ ...closed, closedAt: 12 }]).doc.get('r')).toMatchObject({ closedAt: 12 });
    const { doc, conflicts } = merge(docOf(verdict(0, 5, 'accept', 'ann')), [verdict(0, 3, 'reject', 'rev')]);
    expect(doc.get('verdict:box:t@0')).toMatchObject({ decision: 'accept' });
    expect(conflicts).toHaveLength(1);
  });
});
