import { describe, expect, it } from 'vitest';
import { compareLabelSets } from '../../../../src/core/agreement/agreement';
import { makeLabelSet, trackAlong } from './make-label-set';

describe('compareLabelSets on hand-made cases (2 m cubes)', () => {
  it('two boxes that agree: everything perfect', () => {
    const a = makeLabelSet(1, [{ track: 'g', frame: 0, x: 0 }, { track: 'h', frame: 0, x: 10 }]); // prettier-ignore
    const r = compareLabelSets(a, a);
    expect(r.detection.atIou['0.5']).toEqual({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(r.detection.atIou['0.7']).toMatchObject({ tp: 2 });
    expect(r.detection).toMatchObject({ pairs: 2, meanIou3d: 1, meanIouBev: 1, centreError: 0, headingError: 0, flipRate: 0 }); // prettier-ignore
    expect(r.tracking).toMatchObject({ mota: 1, motp: 1, idSwitches: 0, fragmentations: 0, hota: 1 });
    expect(r).toMatchObject({ similarity: '3d-iou', iouThresholds: [0.5, 0.7], frames: 1 });
  });

  it('a miss and an extra box', () => {
    const a = makeLabelSet(1, [{ track: 'g', frame: 0, x: 0 }, { track: 'h', frame: 0, x: 10 }]); // prettier-ignore
    const b = makeLabelSet(1, [{ track: 'g', frame: 0, x: 0 }, { track: 'x', frame: 0, x: -10 }]); // prettier-ignore
    const counts = compareLabelSets(a, b).detection.atIou['0.5']!;
    expect(counts).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('a box shifted by 1 m: IoU 1/3, a match at neither threshold but within 2 m by centre distance', () => {
    const a = makeLabelSet(1, [{ track: 'g', frame: 0, x: 0 }]);
    const b = makeLabelSet(1, [{ track: 'g', frame: 0, x: 1 }]);
    expect(compareLabelSets(a, b).detection.atIou['0.5']).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    const r = compareLabelSets(a, b, { iouThresholds: [0.3] });
    expect(r.detection.atIou['0.3']).toMatchObject({ tp: 1 });
    expect(r.detection.meanIou3d).toBeCloseTo(1 / 3, 12);
    expect(r.detection.centreError).toBeCloseTo(1, 12);
    // Centre similarity: 1 − 1 m / 2 m = 0.5, a match at 0.5 and not at 0.7.
    const c = compareLabelSets(a, b, { similarity: 'center' });
    expect(c.detection.atIou['0.5']).toMatchObject({ tp: 1 });
    expect(c.detection.atIou['0.7']).toMatchObject({ tp: 0 });
    expect(compareLabelSets(a, b, { similarity: 'bev-iou', iouThresholds: [0.3] }).detection.meanIouBev).toBeCloseTo(1 / 3, 12); // prettier-ignore
  });

  it('reports sizes and headings apart, a turned-round box as a flip', () => {
    const a = makeLabelSet(1, [{ track: 'g', frame: 0, x: 0, size: [4, 2, 1.5] }, { track: 'h', frame: 0, x: 10, size: [4, 2, 1.5] }]); // prettier-ignore
    const b = makeLabelSet(1, [{ track: 'g', frame: 0, x: 0, size: [4.2, 2, 1.5], yaw: 0.1 }, { track: 'h', frame: 0, x: 10, size: [4, 2, 1.5], yaw: Math.PI }]); // prettier-ignore
    const d = compareLabelSets(a, b).detection;
    expect(d.pairs).toBe(2);
    expect(d.sizeError!.length).toBeCloseTo(0.1, 12);
    expect(d.sizeError!.width).toBe(0);
    expect(d.headingError).toBeCloseTo(0.05, 12);
    expect(d.flipRate).toBe(0.5);
  });

  it('an identity switch and a fragmentation over a sequence', () => {
    const a = makeLabelSet(5, [...trackAlong('g1', [0, 1, 2, 3, 4], 0), ...trackAlong('g2', [0, 1, 2, 3, 4], 5)]);
    // t1 takes over g2's object from frame 3 on and t2 g1's; t3 misses frame 2 of g3.
    const b = makeLabelSet(5, [
      ...trackAlong('t1', [0, 1, 2], 0),
      ...trackAlong('t2', [0, 1, 2], 5),
      ...trackAlong('t2', [3, 4], 0),
      ...trackAlong('t1', [3, 4], 5),
    ]);
    expect(compareLabelSets(a, b).tracking).toMatchObject({ idSwitches: 2, fragmentations: 0, mota: 1 - 2 / 10 });
    const gap = makeLabelSet(5, trackAlong('t', [0, 1, 3, 4], 0));
    const single = makeLabelSet(5, trackAlong('g', [0, 1, 2, 3, 4], 0));
    const t = compareLabelSets(single, gap).tracking;
    expect(t).toMatchObject({ idSwitches: 0, fragmentations: 1 });
    expect(t.mota).toBeCloseTo(0.8, 12);
    expect(t.hota).toBeCloseTo(0.8, 12);
  });

  it('ignore regions: boxes in a DontCare box count neither way', () => {
    const big = { classId: 'DontCare', size: [10, 10, 3] as [number, number, number] };
    const a = makeLabelSet(1, [
      { track: 'g', frame: 0, x: 0 },
      { track: 'dc', frame: 0, x: 30, ...big },
    ]);
    // An extra box inside the reference's DontCare region, and a matched one outside it.
    const b = makeLabelSet(1, [
      { track: 'g', frame: 0, x: 0 },
      { track: 'x', frame: 0, x: 31 },
    ]);
    expect(compareLabelSets(a, b).detection.atIou['0.5']).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(compareLabelSets(a, b, { ignoreClasses: [] }).detection.atIou['0.5']).toMatchObject({ fp: 1 });
    // And a reference box inside the compared set's region is no miss.
    expect(compareLabelSets(b, a).detection.atIou['0.5']).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('a minimum point count makes emptier reference boxes ignore regions', () => {
    const a = makeLabelSet(1, [{ track: 'g', frame: 0, x: 0, attributes: { num_lidar_pts: 40 } }, { track: 'e', frame: 0, x: 10, attributes: { num_lidar_pts: 2 } }]); // prettier-ignore
    const onlyFirst = makeLabelSet(1, [{ track: 'g', frame: 0, x: 0 }]);
    const both = makeLabelSet(1, [
      { track: 'g', frame: 0, x: 0 },
      { track: 'e', frame: 0, x: 10 },
    ]);
    expect(compareLabelSets(a, onlyFirst).detection.atIou['0.5']).toMatchObject({ tp: 1, fn: 1 });
    expect(compareLabelSets(a, onlyFirst, { minPoints: 5 }).detection.atIou['0.5']).toMatchObject({ tp: 1, fn: 0 });
    expect(compareLabelSets(a, both, { minPoints: 5 }).detection.atIou['0.5']).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('a range gate, a class filter, and a report per class', () => {
    const a = makeLabelSet(1, [{ track: 'g', frame: 0, x: 20 }, { track: 'far', frame: 0, x: 60 }, { track: 'p', frame: 0, x: -10, classId: 'Pedestrian' }]); // prettier-ignore
    const b = makeLabelSet(1, [
      { track: 'g', frame: 0, x: 20 },
      { track: 'p', frame: 0, x: -10, classId: 'Car' },
    ]);
    // Same place, other class: a miss and an extra; the far box is a miss unless gated.
    expect(compareLabelSets(a, b).detection.atIou['0.5']).toMatchObject({ tp: 1, fp: 1, fn: 2 });
    expect(compareLabelSets(a, b, { maxRange: 50 }).detection.atIou['0.5']).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(compareLabelSets(a, b, { classes: ['Pedestrian'] }).detection.atIou['0.5']).toMatchObject({ tp: 0, fp: 0, fn: 1 }); // prettier-ignore
    const r = compareLabelSets(a, b, { byClass: true, maxRange: 50 });
    expect(Object.keys(r.byClass!)).toEqual(['Car', 'Pedestrian']);
    expect(r.byClass!['Car']!.detection.atIou['0.5']).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(r.byClass!['Pedestrian']!.detection.atIou['0.5']).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });

  it('refuses thresholds outside (0, 1]', () => {
    const a = makeLabelSet(1, []);
    expect(() => compareLabelSets(a, a, { iouThresholds: [0] })).toThrow(/thresholds/);
    expect(() => compareLabelSets(a, a, { iouThresholds: [] })).toThrow(/thresholds/);
  });
});
