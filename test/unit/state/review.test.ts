import { describe, expect, it } from 'vitest';
import { createCuboid } from '../../../src/core/edits/create-cuboid';
import type { Cuboid } from '../../../src/core/model/labels';
import type { Scene } from '../../../src/core/model/scene';
import { LabelsState } from '../../../src/state/labels.svelte';
import { ReviewState } from '../../../src/state/review.svelte';
import type { LabelRepository } from '../../../src/storage/label-repository';

const repository = { append: async () => 1, shouldSnapshot: () => false } as unknown as LabelRepository;
const frames = Array.from({ length: 4 }, (_, i) => ({ index: i, timestampUs: i * 100_000, lidar: [], cameras: [] }));
const scene = { id: 's', frames, lidars: [], cameras: [] } as unknown as Scene;
const box = (frameIndex: number) => ({ kind: 'box', trackId: 't1', frameIndex }) as const;

/** A scene of four frames with one track, keyframes on frames 0 and 3; a clock that ticks once a call. */
function setUp(storage?: Pick<Storage, 'getItem' | 'setItem'>) {
  const labels = new LabelsState({ doc: new Map(), skipped: 0, lines: [] }, repository, 'ann', frames);
  labels.commit('createCuboid', createCuboid(labels.doc, { sceneId: 's', frameIndex: 0, classId: 'car', position: [0, 0, 0.8], size: [4, 2, 1.5], yaw: 0, trackId: 't1', cuboidId: 'c0' })); // prettier-ignore
  const first = labels.doc.get('c0') as Cuboid;
  labels.commit('copy', { added: [{ ...first, id: 'c3', frameIndex: 3, position: [3, 0, 0.8] }], updated: [], removed: [] }); // prettier-ignore
  let clock = 1000;
  let ids = 0;
  const review = new ReviewState({ scene, labels, frameIndex: 0 }, () => 'rev', {
    now: () => (clock += 10),
    newId: () => `id${++ids}`,
    storage,
  });
  return { labels, review };
}

describe('ReviewState', () => {
  it('sets the labels to review mode, where object edits are refused and review actions are not', () => {
    const { labels, review } = setUp();
    review.mode = 'review';
    expect(labels.reviewMode).toBe(true);
    const c0 = labels.doc.get('c0') as Cuboid;
    expect(labels.commit('move', { added: [], updated: [[c0, { ...c0, yaw: 1 }]], removed: [] })).toBe(false);
    expect(review.give(box(0), 'accept')).toBe(true);
    review.mode = 'annotate';
    expect(labels.reviewMode).toBe(false);
  });

  it('gives a verdict that goes stale when the box is edited, each action one undo step', () => {
    const { labels, review } = setUp();
    const steps = labels.history.entries.done.length;
    review.give(box(0), 'accept');
    review.give(box(1), 'reject');
    expect(review.verdictOn(box(0))).toEqual({ decision: 'accept', stale: false, author: 'rev' });
    expect(review.verdictOn(box(1))).toEqual({ decision: 'reject', stale: false, author: 'rev' });
    expect(review.verdictOn(box(2))).toBeUndefined();
    // The same verdict again stands as it was: no undo step.
    expect(review.give(box(0), 'accept')).toBe(true);
    expect(labels.history.entries.done.length).toBe(steps + 2);
    // Moving the keyframe on frame 3 moves the derived box on frame 1 too: both verdicts there are stale.
    const c3 = labels.doc.get('c3') as Cuboid;
    labels.commit('move', { added: [], updated: [[c3, { ...c3, position: [6, 0, 0.8] }]], removed: [] });
    expect(review.verdictOn(box(1))?.stale).toBe(true);
    expect(review.verdictOn(box(0))?.stale).toBe(false);
    expect(review.verdictOn({ kind: 'track', trackId: 't1' })).toBeUndefined();
    review.give(box(1), 'accept');
    expect(review.verdictOn(box(1))).toEqual({ decision: 'accept', stale: false, author: 'rev' });
    labels.undo();
    expect(review.verdictOn(box(1))).toEqual({ decision: 'reject', stale: true, author: 'rev' });
    expect(review.withdraw(box(0))).toBe(true);
    expect(review.verdictOn(box(0))).toBeUndefined();
  });

  it('pins, steps, edits and removes issues, and lists them filtered and sorted', () => {
    const { review } = setUp();
    const a = review.pin({ target: box(3), defect: 'too-loose', severity: 'minor', comment: 'a' })!;
    const b = review.pin({ target: { kind: 'frame', frameIndex: 1 }, defect: 'missing-object', severity: 'critical', comment: 'b' })!; // prettier-ignore
    const c = review.pin({ target: { kind: 'track', trackId: 't1' }, defect: 'too-loose', severity: 'major', comment: 'c' })!; // prettier-ignore
    expect(review.issues.map((i) => i.id)).toEqual([a, b, c]);
    expect(review.step(a, 'fixed', 'tightened')).toBe(true);
    expect(review.edit(c, { severity: 'minor' })).toBe(true);
    const ids = (filter: Parameters<ReviewState['filtered']>[0], sort: Parameters<ReviewState['filtered']>[1]) =>
      review.filtered(filter, sort).map((i) => i.id);
    expect(ids({}, 'time')).toEqual([c, b, a]);
    expect(ids({}, 'frame')).toEqual([c, b, a]);
    expect(ids({}, 'severity')).toEqual([b, c, a]);
    expect(ids({}, 'state')).toEqual([c, b, a]);
    expect(ids({ defect: 'too-loose' }, 'time')).toEqual([c, a]);
    expect(ids({ state: 'fixed' }, 'time')).toEqual([a]);
    expect(ids({ severity: 'minor' }, 'time')).toEqual([c, a]);
    expect(ids({ person: 'rev' }, 'time')).toEqual([c, b, a]);
    expect(ids({ person: 'ann' }, 'time')).toEqual([]);
    expect(() => review.step(b, 'verified')).toThrow();
    expect(review.remove(b)).toBe(true);
    expect(review.issues.map((i) => i.id)).toEqual([a, c]);
  });

  it('runs a round over every frame: sample navigation, verdicts and issues in the round, the lot decided on close', () => {
    const { review } = setUp();
    const round = review.startRound({ kind: 'all' }, 'frame', 42, 'v7')!;
    expect(round).toMatchObject({ reviewer: 'rev', seed: 42, versionId: 'v7', lotSize: 4, unit: 'frame' });
    expect([...round.sample].sort()).toEqual(['frame:0', 'frame:1', 'frame:2', 'frame:3']);
    expect(review.activeRound?.id).toBe(round.id);
    expect(() => review.startRound({ kind: 'all' }, 'frame')).toThrow(/still open/);
    expect(review.sampleTarget).toEqual({ kind: 'frame', frameIndex: Number(round.sample[0]!.slice(6)) });
    expect(review.goToSample(99)).toEqual({ kind: 'frame', frameIndex: Number(round.sample[3]!.slice(6)) });
    expect(review.sampleIndex).toBe(3);
    review.give({ kind: 'frame', frameIndex: 0 }, 'accept');
    review.pin({ target: box(2), defect: 'wrong-position', severity: 'major', comment: '' });
    review.pin({ target: box(1), defect: 'too-loose', severity: 'minor', comment: '' });
    expect(review.issues.every((i) => i.roundId === round.id)).toBe(true);
    const closed = review.closeRound()!;
    expect(closed.outcome).toEqual({ nonconforming: 1, inspected: 4, passed: false });
    expect(review.activeRound).toBeUndefined();
    expect(review.rounds.map((r) => r.id)).toEqual([round.id]);
    expect(review.goToSample(0)).toBeUndefined();
    expect(() => review.closeRound()).toThrow(/no round/);
  });

  it('inspects an acceptance lot at the severity the switching rules give after rejected lots', () => {
    const { review } = setUp();
    // Every box of the lot carries an open critical issue: any sample of it is rejected (Ac 0 at this AQL).
    const plan = { kind: 'acceptance', aql: 1, level: 'II' } as const;
    for (let f = 0; f < 4; f++) review.pin({ target: box(f), defect: 'other', severity: 'critical', comment: '' });
    for (let i = 0; i < 2; i++) {
      const round = review.startRound(plan, 'box', i)!;
      expect(round.acceptance?.severity).toBe('normal');
      expect(round.lotSize).toBe(4);
      expect(review.closeRound()?.outcome?.passed).toBe(false);
    }
    expect(review.startRound(plan, 'box', 9)?.acceptance?.severity).toBe('tightened');
  });

  it('repeats an earlier round’s sample exactly for a second reviewer, who judges it apart', () => {
    const { labels, review } = setUp();
    const first = review.startRound({ kind: 'random-frames', percent: 50 }, 'frame', 77, 'v1')!;
    review.give({ kind: 'frame', frameIndex: 0 }, 'reject');
    review.closeRound();
    const second = new ReviewState({ scene, labels, frameIndex: 0 }, () => 'lin', { newId: () => 'again' });
    const repeat = second.repeatRound(first.id)!;
    expect(repeat).toMatchObject({ id: 'again', reviewer: 'lin', repeats: first.id, versionId: 'v1', seed: 77 });
    expect(repeat.sample).toEqual(first.sample);
    expect(() => second.repeatRound(first.id)).toThrow(/still open/);
  });

  it('keeps the defect taxonomy in storage', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) }; // prettier-ignore
    const { review } = setUp(storage);
    expect(review.taxonomy.defects).toContain('missing-object');
    review.setTaxonomy({ defects: ['Blurry', ' ', 'Blurry'], rootCauses: [] });
    expect(review.taxonomy).toEqual({ defects: ['Blurry'], rootCauses: expect.arrayContaining(['tool-problem']) });
    expect(setUp(storage).review.taxonomy.defects).toEqual(['Blurry']);
  });
});
