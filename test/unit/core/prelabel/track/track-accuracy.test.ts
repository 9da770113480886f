import { describe, expect, it } from 'vitest';
import { trackDetections } from '../../../../../src/core/prelabel/track';
import {
  evaluate,
  loadSequence,
  nearestNeighbourTracks,
  pooled,
  VALIDATION,
  type TrackingFigures,
} from './kitti-noisy';

/**
 * The tracker on real motion: KITTI tracking's labels of the validation sequences (never used to choose the
 * parameters, which were chosen on 0001–0010), turned into simulated detections (`kitti-noisy.ts`: a stand-in
 * for the detector, which runs on sweeps these files do not have). Floors a little below the figures the README
 * reports, and above the nearest-neighbour anchor measured here on the same detections.
 */
describe('tracker accuracy on KITTI tracking validation sequences (simulated detections)', () => {
  it('few identity switches, HOTA well above nearest neighbour without a filter, headings turned right', () => {
    const ours: { figures: TrackingFigures; boxes: number }[] = [];
    const anchor: { figures: TrackingFigures; boxes: number }[] = [];
    for (const name of VALIDATION) {
      const sequence = loadSequence(name);
      const boxes = sequence.reference.cuboids.length;
      ours.push({ figures: evaluate(sequence, trackDetections(sequence.frames)), boxes });
      anchor.push({ figures: evaluate(sequence, nearestNeighbourTracks(sequence.frames)), boxes });
    }
    const a = pooled(ours),
      b = pooled(anchor);
    expect(a.referenceTracks).toBe(341);
    expect(a.idSwitchesPerTrack).toBeLessThanOrEqual(0.1);
    expect(a.hota).toBeGreaterThan(0.75);
    expect(a.mota).toBeGreaterThan(0.85);
    expect(a.flipRate).toBeLessThan(0.01);
    expect(a.hota).toBeGreaterThan(b.hota + 0.2);
    expect(a.idSwitches).toBeLessThan(b.idSwitches / 5);
    expect(a.predictedTracks).toBeLessThan(1.1 * a.referenceTracks);
  });
});
