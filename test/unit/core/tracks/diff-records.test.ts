import { describe, expect, it } from 'vitest';
import { diffRecords, isSameRecords } from '../../../../src/core/tracks/diff-records';
import type { Cuboid, Dismissal, LabelRecord, TimeSegment, Track } from '../../../../src/core/model/labels';
import type { Verdict } from '../../../../src/core/model/review';

const track = (id: string, over: Partial<Track> = {}): Track => ({ type: 'track', id, sceneId: 's', classId: 'car', attributes: {}, rigid: true, ...over }); // prettier-ignore
const box = (id: string, trackId: string, frameIndex: number, over: Partial<Cuboid> = {}): Cuboid => ({
  type: 'cuboid',
  id,
  sceneId: 's',
  trackId,
  frameIndex,
  position: [10, 2, 0.8],
  size: [4, 2, 1.5],
  yaw: 0.1,
  pitch: 0,
  roll: 0,
  attributes: {},
  keyframe: true,
  source: { kind: 'manual' },
  ...over,
});
const segment = (id: string, over: Partial<TimeSegment> = {}): TimeSegment => ({ type: 'segment', id, sceneId: 's', trackId: 't1', kind: 'braking', startFrame: 2, endFrame: 5, attributes: {}, ...over }); // prettier-ignore
const verdict = (decision: 'accept' | 'reject'): Verdict => ({ type: 'verdict', id: 'verdict:track:t1', sceneId: 's', target: { kind: 'track', trackId: 't1' }, decision, author: 'r', time: 1, labelDigest: 'x' }); // prettier-ignore
const dismissal = (reason: string): Dismissal => ({ type: 'dismissal', id: 'dismissal:f', sceneId: 's', findingId: 'f', reason, author: 'r', time: 1 }); // prettier-ignore

const base: LabelRecord[] = [track('t1'), track('t2'), box('b1', 't1', 0), box('b2', 't1', 4), box('b3', 't2', 4), segment('g1')]; // prettier-ignore

describe('diffRecords', () => {
  it('finds nothing between equal sets, whatever their order', () => {
    const diff = diffRecords(base, [...base].reverse());
    expect(isSameRecords(diff)).toBe(true);
  });

  it('reports added and removed tracks, boxes and segments', () => {
    const to = [track('t1'), track('t3'), box('b1', 't1', 0), box('b9', 't3', 1), segment('g2', { kind: 'lane-change' })]; // prettier-ignore
    const diff = diffRecords(base, to);
    expect(diff.tracks.added.map((t) => t.id)).toEqual(['t3']);
    expect(diff.tracks.removed.map((t) => t.id)).toEqual(['t2']);
    expect(diff.boxes.added.map((b) => b.id)).toEqual(['b9']);
    // By frame, then by track.
    expect(diff.boxes.removed.map((b) => b.id)).toEqual(['b2', 'b3']);
    expect(diff.segments.added.map((s) => s.id)).toEqual(['g2']);
    expect(diff.segments.removed.map((s) => s.id)).toEqual(['g1']);
    expect(diff.tracks.changed).toEqual([]);
    expect(diff.boxes.changed).toEqual([]);
  });

  it('says which of position, size, heading, attributes and keyframe changed on a box', () => {
    const cases: [Partial<Cuboid>, string[]][] = [
      [{ position: [10.01, 2, 0.8] }, ['position']],
      [{ size: [4, 2, 1.6] }, ['size']],
      [{ yaw: 0.2 }, ['heading']],
      [{ roll: 0.05 }, ['heading']],
      [{ attributes: { occluded: true } }, ['attributes']],
      [{ keyframe: false }, ['keyframe']],
      [{ source: { kind: 'prelabel', model: 'm', version: '1', score: 0.9 } }, ['source']],
      [{ position: [0, 0, 0], yaw: 1, size: [1, 1, 1] }, ['position', 'size', 'heading']],
    ];
    for (const [over, changes] of cases) {
      const diff = diffRecords(
        base,
        base.map((r) => (r.id === 'b2' ? box('b2', 't1', 4, over) : r)),
      );
      expect(diff.boxes.changed).toHaveLength(1);
      expect(diff.boxes.changed[0]!.before).toBe(base[3]);
      expect(diff.boxes.changed[0]!.changes).toEqual(changes);
    }
  });

  it('pairs boxes by track and frame: a box drawn again under a new id is the same box', () => {
    const again = base.map((r) => (r.id === 'b2' ? box('b2-new', 't1', 4) : r));
    expect(isSameRecords(diffRecords(base, again))).toBe(true);
    const moved = base.map((r) => (r.id === 'b2' ? box('b2-new', 't1', 4, { yaw: 0.5 }) : r));
    expect(diffRecords(base, moved).boxes.changed.map((c) => [c.before.id, c.after.id, c.changes])).toEqual([
      ['b2', 'b2-new', ['heading']],
    ]);
  });

  it('says which of class, attributes, name and rigid changed on a track', () => {
    const cases: [Partial<Track>, string[]][] = [
      [{ classId: 'truck' }, ['class']],
      [{ attributes: { parked: true } }, ['attributes']],
      [{ name: 'Lead car' }, ['name']],
      [{ rigid: false }, ['rigid']],
      [{ sizeSource: { kind: 'hand' } }, ['other']],
      [{ classId: 'bus', name: 'B' }, ['class', 'name']],
    ];
    for (const [over, changes] of cases) {
      const diff = diffRecords(
        base,
        base.map((r) => (r.id === 't2' ? track('t2', over) : r)),
      );
      expect(diff.tracks.changed.map((c) => [c.after.id, c.changes])).toEqual([['t2', changes]]);
    }
  });

  it('says what changed on a segment', () => {
    const diff = diffRecords(
      base,
      base.map((r) => (r.id === 'g1' ? segment('g1', { endFrame: 9, kind: 'x' }) : r)),
    );
    expect(diff.segments.changed.map((c) => c.changes)).toEqual([['kind', 'frames']]);
  });

  it('leaves out review records, dismissals and who made or changed a record', () => {
    const from: LabelRecord[] = [...base, verdict('accept'), dismissal('fine')];
    const to: LabelRecord[] = [
      ...base.map((r) => (r.type === 'cuboid' || r.type === 'track' ? { ...r, madeBy: 'ann', changedBy: 'bo', changedAt: 5 } : r)), // prettier-ignore
      verdict('reject'),
    ];
    expect(isSameRecords(diffRecords(from, to))).toBe(true);
  });
});
