import { describe, expect, it } from 'vitest';
import { clearMot, type TrackFrame } from '../../../../src/core/agreement/clear-mot';
import { hota } from '../../../../src/core/agreement/hota';

/** A frame where every reference track sits exactly on the compared track listed beside it (similarity 1). */
function frameOf(pairs: readonly [string | undefined, string | undefined][]): TrackFrame {
  const refIds = pairs.flatMap(([r]) => (r === undefined ? [] : [r]));
  const candIds = pairs.flatMap(([, c]) => (c === undefined ? [] : [c]));
  const sim = refIds.map((r) => candIds.map((c) => (pairs.some(([pr, pc]) => pr === r && pc === c) ? 1 : 0)));
  return { refIds, candIds, sim };
}

describe('CLEAR MOT (Bernardin & Stiefelhagen 2008)', () => {
  it('counts an identity switch when two compared tracks trade objects', () => {
    // g1 and g2 over 4 frames; t1 follows g1 then g2 from frame 2, t2 the other way round.
    const frames = [0, 1, 2, 3].map((t) => frameOf(t < 2 ? [['g1', 't1'], ['g2', 't2']] : [['g1', 't2'], ['g2', 't1']])); // prettier-ignore
    const m = clearMot(frames, 0.5);
    expect(m).toMatchObject({ tp: 8, fp: 0, fn: 0, idSwitches: 2, fragmentations: 0 });
    // MOTA = 1 − (0 + 0 + 2) / 8.
    expect(m.mota).toBeCloseTo(0.75, 12);
    expect(m.motp).toBeCloseTo(1, 12);
  });

  it('counts a fragmentation when a track is lost for a frame and found again', () => {
    const frames = [0, 1, 2, 3, 4].map((t) => frameOf([['g', t === 2 ? undefined : 't']]));
    const m = clearMot(frames, 0.5);
    expect(m).toMatchObject({ tp: 4, fp: 0, fn: 1, idSwitches: 0, fragmentations: 1 });
    expect(m.mota).toBeCloseTo(1 - 1 / 5, 12);
    // Found again under another id: a switch as well (the last match is remembered across the gap).
    const renamed = [0, 1, 2, 3, 4].map((t) => frameOf([['g', t === 2 ? undefined : t < 2 ? 't' : 'u']]));
    expect(clearMot(renamed, 0.5)).toMatchObject({ idSwitches: 1, fragmentations: 1 });
    // A frame where the reference track itself is absent (left unlabelled) interrupts nothing.
    const absent = [0, 1, 2, 3, 4].map((t) => frameOf(t === 2 ? [] : [['g', 't']]));
    expect(clearMot(absent, 0.5)).toMatchObject({ tp: 4, fn: 0, fragmentations: 0 });
  });

  it('counts a miss and an extra box', () => {
    const m = clearMot(
      [
        frameOf([
          ['g', 't'],
          ['h', undefined],
          [undefined, 'x'],
        ]),
      ],
      0.5,
    );
    expect(m).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(m.mota).toBeCloseTo(1 - 2 / 2, 12);
  });

  it('keeps last frame’s correspondence while it stays above the threshold, as the paper’s mapping does', () => {
    const first: TrackFrame = { refIds: ['g1'], candIds: ['t1'], sim: [[0.9]] };
    // The optimal assignment alone would pair g1–t2 and g2–t1 (1.8 against 1.15) and count a switch.
    const second: TrackFrame = { refIds: ['g1', 'g2'], candIds: ['t1', 't2'], sim: [[0.6, 0.9], [0.9, 0.55]] }; // prettier-ignore
    const m = clearMot([first, second], 0.5);
    expect(m).toMatchObject({ tp: 3, idSwitches: 0 });
    expect(m.motp).toBeCloseTo((0.9 + 0.6 + 0.55) / 3, 12);
  });
});

describe('HOTA (Luiten et al. 2020)', () => {
  it('is 1 for a perfect tracking', () => {
    const frames = [0, 1, 2].map(() =>
      frameOf([
        ['g1', 't1'],
        ['g2', 't2'],
      ]),
    );
    expect(hota(frames)).toEqual({ hota: 1, detA: 1, assA: 1, locA: 1 });
  });

  it('scores an identity switch through AssA alone', () => {
    const frames = [0, 1, 2, 3].map((t) => frameOf(t < 2 ? [['g1', 't1'], ['g2', 't2']] : [['g1', 't2'], ['g2', 't1']])); // prettier-ignore
    // Every TP belongs to a pair matched 2 times of 4 + 4 boxes: |TPA| / (|TPA| + |FNA| + |FPA|) = 2 / (2 + 2 + 2).
    const h = hota(frames);
    expect(h.detA).toBeCloseTo(1, 12);
    expect(h.assA).toBeCloseTo(1 / 3, 12);
    expect(h.hota).toBeCloseTo(Math.sqrt(1 / 3), 12);
  });

  it('scores a track split in two halves with AssA ½, and a gap through DetA and AssA', () => {
    const split = [0, 1, 2, 3].map((t) => frameOf([['g', t < 2 ? 't' : 'u']]));
    // Each TP: 2 / (2 + 2 + 0).
    expect(hota(split).assA).toBeCloseTo(0.5, 12);
    const gap = [0, 1, 2, 3, 4].map((t) => frameOf([['g', t === 2 ? undefined : 't']]));
    // DetA = 4 / (4 + 1); AssA = 4 / (4 + 1 + 0); HOTA = √(0.8 · 0.8).
    expect(hota(gap).detA).toBeCloseTo(0.8, 12);
    expect(hota(gap).assA).toBeCloseTo(0.8, 12);
    expect(hota(gap).hota).toBeCloseTo(0.8, 12);
  });

  it('counts a poor overlap as a match only at the thresholds α it reaches', () => {
    // One frame, similarity 1/3: a TP for α = 0.05 … 0.30 (6 of 19), a miss and an extra above.
    const h = hota([{ refIds: ['g'], candIds: ['t'], sim: [[1 / 3]] }]);
    expect(h.detA).toBeCloseTo(6 / 19, 12);
    expect(h.assA).toBeCloseTo(6 / 19, 12);
    expect(h.hota).toBeCloseTo(6 / 19, 12);
    // LocA: 1/3 where matched; TrackEval's convention gives 1 to the thresholds with no TP at all.
    expect(h.locA).toBeCloseTo((6 / 3 + 13) / 19, 12);
  });

  it('matches by similarity weighted by the tracks’ alignment over the sequence', () => {
    // g and t agree on 3 frames; on the last frame u lies a little nearer g than t does. Matching by similarity
    // alone would take u; weighted by alignment (t has been g's all along) it keeps t.
    const same: TrackFrame = { refIds: ['g'], candIds: ['t'], sim: [[0.9]] };
    const last: TrackFrame = { refIds: ['g'], candIds: ['t', 'u'], sim: [[0.8, 0.85]] };
    const h = hota([same, same, same, last]);
    // α 0.05 … 0.80 (16): all 4 TPs with t, AssA = 4 / (4 + 0 + 0). α 0.85, 0.90: the three 0.9s,
    // 3 / (3 + 1 + 1). α 0.95: no TP, 0.
    expect(h.assA).toBeCloseTo((16 * 1 + 2 * (3 / 5)) / 19, 12);
    // DetA: 4 / (4 + 0 + 1) for 16 α; 3 / (3 + 1 + 2) for 2, t and u both unmatched on the last frame; 0 for one.
    expect(h.detA).toBeCloseTo((16 * (4 / 5) + 2 * (3 / 6)) / 19, 12);
  });
});
