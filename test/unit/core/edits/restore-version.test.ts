import { describe, expect, it } from 'vitest';
import { applyPatch, invertPatch, isEmptyPatch, type LabelDoc } from '../../../../src/core/edits/patch';
import { restoreVersion } from '../../../../src/core/edits/restore-version';
import { History } from '../../../../src/core/edits/history';
import { diffRecords, isSameRecords } from '../../../../src/core/tracks/diff-records';
import type { Cuboid, Dismissal, LabelRecord, TimeSegment, Track } from '../../../../src/core/model/labels';
import type { Verdict } from '../../../../src/core/model/review';

const track = (id: string, over: Partial<Track> = {}): Track => ({ type: 'track', id, sceneId: 's', classId: 'car', attributes: {}, rigid: true, ...over }); // prettier-ignore
const box = (id: string, trackId: string, frameIndex: number, over: Partial<Cuboid> = {}): Cuboid => ({ type: 'cuboid', id, sceneId: 's', trackId, frameIndex, position: [10, 2, 0.8], size: [4, 2, 1.5], yaw: 0.1, pitch: 0, roll: 0, attributes: {}, keyframe: true, source: { kind: 'manual' }, ...over }); // prettier-ignore
const segment = (id: string, over: Partial<TimeSegment> = {}): TimeSegment => ({ type: 'segment', id, sceneId: 's', trackId: 't1', kind: 'braking', startFrame: 2, endFrame: 5, attributes: {}, ...over }); // prettier-ignore
const verdict: Verdict = { type: 'verdict', id: 'verdict:track:t1', sceneId: 's', target: { kind: 'track', trackId: 't1' }, decision: 'accept', author: 'r', time: 1, labelDigest: 'x' }; // prettier-ignore
const dismissal: Dismissal = { type: 'dismissal', id: 'dismissal:f', sceneId: 's', findingId: 'f', reason: 'ok', author: 'r', time: 1 }; // prettier-ignore
const doc = (records: readonly LabelRecord[]): LabelDoc => new Map(records.map((r) => [r.id, r]));
/** The doc as text, in id order: equal text, equal labels (field order included). */
const text = (d: LabelDoc) => JSON.stringify([...d].sort(([a], [b]) => (a < b ? -1 : 1)));

const version: LabelRecord[] = [track('t1'), track('t2', { name: 'Van' }), box('b1', 't1', 0), box('b2', 't1', 4), box('b3', 't2', 4), segment('g1')]; // prettier-ignore

/** The labels after some work since the version: a box moved, a track renamed and re-classed, one deleted, one added, a review given. */
const current = (): LabelDoc =>
  doc([
    track('t1', { classId: 'truck', changedBy: 'ann', changedAt: 9 }),
    box('b1', 't1', 0, { position: [11, 2, 0.8] }),
    box('b2', 't1', 4),
    track('t3'),
    box('b9', 't3', 2),
    segment('g1', { endFrame: 8 }),
    segment('g2'),
    verdict,
    dismissal,
  ]);

describe('restoreVersion', () => {
  it("makes the labels the version's and leaves review records and dismissals alone", () => {
    const d = current();
    const patch = restoreVersion(d, { records: [...version, { ...verdict, decision: 'reject' }] });
    applyPatch(d, patch);
    expect(isSameRecords(diffRecords(version, d.values()))).toBe(true);
    for (const r of version) expect(d.get(r.id)).toEqual(r);
    expect(d.get(verdict.id)).toBe(verdict);
    expect(d.get(dismissal.id)).toBe(dismissal);
    expect([...d.keys()].sort()).toEqual(['b1', 'b2', 'b3', 'dismissal:f', 'g1', 't1', 't2', 'verdict:track:t1']);
  });

  it('is one undo entry: undo gives back the exact doc, redo the restored one', () => {
    const d = current();
    const before = text(d);
    const history = new History();
    const patch = restoreVersion(d, { records: version });
    applyPatch(d, patch);
    history.push({ name: 'restoreVersion', patch, time: 1 });
    const restored = text(d);
    applyPatch(d, history.undo()!);
    expect(text(d)).toBe(before);
    applyPatch(d, history.redo()!);
    expect(text(d)).toBe(restored);
    applyPatch(d, invertPatch(patch));
    expect(text(d)).toBe(before);
  });

  it('is empty when the labels already are the version, whoever made them', () => {
    expect(isEmptyPatch(restoreVersion(doc(version), { records: version }))).toBe(true);
    const stamped = doc([...version.map((r) => ({ ...r, madeBy: 'ann' })), verdict]);
    expect(isEmptyPatch(restoreVersion(stamped, { records: version }))).toBe(true);
  });

  it('restores an empty version by removing every object record', () => {
    const d = current();
    applyPatch(d, restoreVersion(d, { records: [verdict] }));
    expect([...d.keys()].sort()).toEqual(['dismissal:f', 'verdict:track:t1']);
  });

  it('refuses a version whose object shares an id with a review record', () => {
    const d = doc([{ ...dismissal, id: 'b1' }]);
    expect(() => restoreVersion(d, { records: version })).toThrow(/cuboid b1 is a dismissal/);
  });
});
