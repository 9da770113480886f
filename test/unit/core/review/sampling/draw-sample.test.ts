import { describe, expect, it } from 'vitest';
import { drawSample, type SamplingPopulation } from '../../../../../src/core/review/sampling/draw-sample';

/** 20 frames; cars c0…c5 on every frame, a pedestrian p0 on frames 0–9 and a cyclist y0 on frame 3 only. */
function scene(): SamplingPopulation {
  const frames = Array.from({ length: 20 }, (_, i) => i);
  const tracks = [
    ...Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, classId: 'car' })),
    { id: 'p0', classId: 'pedestrian' },
    { id: 'y0', classId: 'cyclist' },
  ];
  const boxes = [
    ...frames.flatMap((frameIndex) => tracks.slice(0, 6).map((t) => ({ trackId: t.id, frameIndex, classId: 'car' }))),
    ...frames.slice(0, 10).map((frameIndex) => ({ trackId: 'p0', frameIndex, classId: 'pedestrian' })),
    { trackId: 'y0', frameIndex: 3, classId: 'cyclist' },
  ];
  return { frames, tracks, boxes };
}

describe('drawSample', () => {
  it('is the same for the same seed, also when the records come in another order', () => {
    const plan = { kind: 'random-frames', percent: 25 } as const;
    const a = drawSample(plan, 'box', scene(), 42, 'normal');
    const shuffled = scene();
    shuffled.frames.reverse();
    shuffled.tracks.reverse();
    shuffled.boxes.reverse();
    expect(drawSample(plan, 'box', shuffled, 42, 'normal')).toEqual(a);
    expect(drawSample(plan, 'box', scene(), 43, 'normal').sample).not.toEqual(a.sample);
  });

  it('gives fixed output for a fixed seed (mulberry32, so every machine agrees)', () => {
    const { sample } = drawSample({ kind: 'random-frames', percent: 20 }, 'frame', scene(), 7, 'normal');
    expect(sample).toEqual(['frame:0', 'frame:2', 'frame:19', 'frame:14']);
  });

  it('all: every unit, lot = all units of the chosen kind', () => {
    expect(drawSample({ kind: 'all' }, 'frame', scene(), 1, 'normal')).toMatchObject({ lotSize: 20 });
    const tracks = drawSample({ kind: 'all' }, 'track', scene(), 1, 'normal');
    expect(tracks).toEqual({ sample: ['track:c0', 'track:c1', 'track:c2', 'track:c3', 'track:c4', 'track:c5', 'track:p0', 'track:y0'], lotSize: 8 }); // prettier-ignore
    expect(drawSample({ kind: 'all' }, 'box', scene(), 1, 'normal').sample).toHaveLength(131);
  });

  it('random frames: p % of the frames, then their boxes or the tracks seen on them', () => {
    const plan = { kind: 'random-frames', percent: 25 } as const;
    const frames = drawSample(plan, 'frame', scene(), 5, 'normal').sample;
    expect(frames).toHaveLength(5);
    const boxes = drawSample(plan, 'box', scene(), 5, 'normal');
    expect(boxes.lotSize).toBe(131);
    // The same frames, in the same drawn order, with every box on them.
    const framesOfBoxes = [...new Set(boxes.sample.map((k) => `frame:${k.split('@')[1]}`))];
    expect(framesOfBoxes).toEqual(frames);
    const tracks = drawSample(plan, 'track', scene(), 5, 'normal').sample;
    expect(tracks.slice(0, 6).sort()).toEqual(['track:c0', 'track:c1', 'track:c2', 'track:c3', 'track:c4', 'track:c5']);
    expect(new Set(tracks).size).toBe(tracks.length);
  });

  it('every k-th frame from a drawn start', () => {
    const frames = drawSample({ kind: 'every-kth-frame', k: 5 }, 'frame', scene(), 9, 'normal').sample;
    expect(frames).toHaveLength(4);
    const indices = frames.map((k) => Number(k.slice(6)));
    expect(indices[0]).toBeLessThan(5);
    expect(indices.map((i) => i - indices[0]!)).toEqual([0, 5, 10, 15]);
    expect(() => drawSample({ kind: 'every-kth-frame', k: 0 }, 'frame', scene(), 9, 'normal')).toThrow(RangeError);
  });

  it('tracks: a share of the tracks, then their boxes', () => {
    const tracks = drawSample({ kind: 'tracks', percent: 25 }, 'track', scene(), 3, 'normal').sample;
    expect(tracks).toHaveLength(2);
    const boxes = drawSample({ kind: 'tracks', percent: 25 }, 'box', scene(), 3, 'normal').sample;
    expect([...new Set(boxes.map((k) => `track:${k.slice(4, k.indexOf('@'))}`))]).toEqual(tracks);
  });

  it('stratified: p % of each class, at least one of a class that has any', () => {
    const { sample } = drawSample({ kind: 'stratified', percent: 10 }, 'box', scene(), 11, 'normal');
    // 120 car boxes → 12, 10 pedestrian boxes → 1, 1 cyclist box → 1.
    const byClass = (prefix: string) => sample.filter((k) => k.startsWith(`box:${prefix}`)).length;
    expect([byClass('c'), byClass('p'), byClass('y')]).toEqual([12, 1, 1]);
    expect(drawSample({ kind: 'stratified', percent: 0 }, 'box', scene(), 11, 'normal').sample).toEqual([]);
  });

  it('acceptance: n from Tables I and II, capped at the lot (100 % inspection), without replacement', () => {
    // 131 boxes, level II → code letter F; AQL 1.0 normal → ↑ E, n=13 Ac 0 Re 1 (Table I, Table II-A).
    const boxes = drawSample({ kind: 'acceptance', aql: 1, level: 'II' }, 'box', scene(), 2, 'normal');
    expect(boxes.acceptance).toEqual({ severity: 'normal', codeLetter: 'E', sampleSize: 13, accept: 0, reject: 1 });
    expect(boxes.sample).toHaveLength(13);
    expect(new Set(boxes.sample).size).toBe(13);
    // 8 tracks, level II → A; AQL 0.65 tightened → ↓ G, n=32 Ac 0 Re 1 (Table II-B) > 8: every track inspected.
    const tracks = drawSample({ kind: 'acceptance', aql: 0.65, level: 'II' }, 'track', scene(), 2, 'tightened');
    expect(tracks.acceptance).toMatchObject({ severity: 'tightened', codeLetter: 'G', sampleSize: 32 });
    expect([...tracks.sample].sort()).toEqual(drawSample({ kind: 'all' }, 'track', scene(), 2, 'normal').sample);
  });

  it('an empty scene gives an empty sample', () => {
    const empty = { frames: [], tracks: [], boxes: [] };
    expect(drawSample({ kind: 'random-frames', percent: 50 }, 'box', empty, 1, 'normal')).toEqual({ sample: [], lotSize: 0 }); // prettier-ignore
    expect(drawSample({ kind: 'acceptance', aql: 1, level: 'II' }, 'frame', empty, 1, 'reduced').sample).toEqual([]);
    expect(() => drawSample({ kind: 'tracks', percent: 101 }, 'track', empty, 1, 'normal')).toThrow(RangeError);
  });
});
