import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareLabelSets } from '../../../../src/core/agreement/agreement';
import { parentFromCuboid } from '../../../../src/core/geometry/cuboid';
import { normalizeAngle } from '../../../../src/core/math/angle';
import { transformPoint } from '../../../../src/core/math/mat4';
import type { LabelSet } from '../../../../src/core/model/label-set';
import type { Cuboid } from '../../../../src/core/model/labels';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';

/**
 * KITTI tracking sequence 0003 (Geiger et al. 2012, as OpenLABEL by VCD) against itself and against copies damaged
 * in known ways; each expected figure is worked out from the damage alone. Its boxes carry the small pitch and
 * roll of the camera-to-LiDAR calibration, so the 3D IoU runs the general clipping path throughout.
 */
const FILE = new URL('../../../../../shared/data/kitti-tracking-openlabel/openlabel100_kitti_tracking_0003.json', import.meta.url); // prettier-ignore
const { set } = readOpenLabel(readFileSync(FILE, 'utf8'), 'openlabel100_kitti_tracking_0003.json');
const N = set.cuboids.length;
const classOf = new Map(set.tracks.map((t) => [t.id, t.classId]));
const withCuboids = (cuboids: Cuboid[]): LabelSet => ({ ...set, cuboids });

describe('agreement on KITTI tracking 0003 and damaged copies', () => {
  it('agrees perfectly with itself', () => {
    const r = compareLabelSets(set, set, { byClass: true });
    expect(N).toBe(532);
    expect(r.detection.atIou['0.5']).toEqual({ tp: N, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(r.detection.atIou['0.7']).toEqual({ tp: N, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(r.detection.meanIou3d).toBeCloseTo(1, 9);
    expect(r.detection).toMatchObject({ centreError: 0, flipRate: 0, headingError: 0 });
    expect(r.tracking).toMatchObject({ mota: 1, idSwitches: 0, fragmentations: 0, hota: 1, detA: 1, assA: 1 });
    expect(Object.keys(r.byClass!)).toEqual(['Car', 'Egocar', 'Van']);
  });

  it('deleted boxes: misses, fragmentations and HOTA as the deletions give them', () => {
    const kept = set.cuboids.filter((_, i) => i % 7 !== 3);
    const k = N - kept.length;
    // Per track: boxes, boxes kept, and the times a kept box follows a deleted one after an earlier kept one.
    const keptIds = new Set(kept.map((c) => c.id));
    let frags = 0,
      assSum = 0;
    for (const t of set.tracks) {
      const boxes = set.cuboids.filter((c) => c.trackId === t.id).sort((x, y) => x.frameIndex - y.frameIndex);
      const state = boxes.map((c) => keptIds.has(c.id));
      state.forEach((s, i) => {
        if (s && i > 0 && !state[i - 1] && state.slice(0, i).some(Boolean)) frags++;
      });
      const m = state.filter(Boolean).length;
      // Each of the m TPs of the pair scores m / (n + m − m).
      if (boxes.length > 0) assSum += (m * m) / boxes.length;
    }
    const r = compareLabelSets(set, withCuboids(kept));
    expect(r.detection.atIou['0.5']).toMatchObject({ tp: N - k, fp: 0, fn: k, precision: 1 });
    expect(r.detection.atIou['0.5']!.recall).toBeCloseTo((N - k) / N, 12);
    expect(r.tracking.idSwitches).toBe(0);
    expect(r.tracking.fragmentations).toBe(frags);
    expect(r.tracking.mota).toBeCloseTo(1 - k / N, 12);
    expect(r.tracking.detA).toBeCloseTo((N - k) / N, 12);
    expect(r.tracking.assA).toBeCloseTo(assSum / (N - k), 12);
    expect(r.tracking.hota).toBeCloseTo(Math.sqrt(((N - k) / N) * (assSum / (N - k))), 12);
    expect([k, frags]).toEqual([76, 73]);
  });

  it('swapped identities: two switches, perfect detection, AssA from the swapped stretches', () => {
    const [g1, g2] = ['Car0', 'Car1'];
    const frames = (id: string) => set.cuboids.filter((c) => c.trackId === id).map((c) => c.frameIndex);
    const both = frames(g1).filter((f) => frames(g2).includes(f));
    const from = both[Math.floor(both.length / 2)]!;
    const swap = (c: Cuboid): Cuboid => c.frameIndex < from ? c : c.trackId === g1 ? { ...c, trackId: g2 } : c.trackId === g2 ? { ...c, trackId: g1 } : c; // prettier-ignore
    const r = compareLabelSets(set, withCuboids(set.cuboids.map(swap)));
    expect(r.detection.atIou['0.7']).toMatchObject({ tp: N, fp: 0, fn: 0 });
    expect(r.tracking).toMatchObject({ idSwitches: 2, fragmentations: 0, detA: 1 });
    expect(r.tracking.mota).toBeCloseTo(1 - 2 / N, 12);
    // AssA: untouched tracks score 1 per TP; a swapped pair (g, t) matched m times scores m / (|g| + |t| − m).
    const before = (id: string) => frames(id).filter((f) => f < from).length;
    const after = (id: string) => frames(id).length - before(id);
    const n1 = frames(g1).length,
      n2 = frames(g2).length;
    const t1 = before(g1) + after(g2),
      t2 = before(g2) + after(g1);
    const term = (m: number, g: number, t: number) => (m * m) / (g + t - m);
    const swapped = term(before(g1), n1, t1) + term(after(g1), n1, t2) + term(before(g2), n2, t2) + term(after(g2), n2, t1); // prettier-ignore
    const assA = (N - n1 - n2 + swapped) / N;
    expect(r.tracking.assA).toBeCloseTo(assA, 12);
    expect(r.tracking.hota).toBeCloseTo(Math.sqrt(assA), 12);
  });

  it('boxes moved 1 m along their length: IoU (L − 1)/(L + 1) each, matches and centre error to suit', () => {
    // Every other car box, moved along its own x axis (pitch and roll included), so the overlap stays a box.
    const moved = set.cuboids.map((c, i) => (classOf.get(c.trackId) === 'Car' && i % 2 === 0 ? { ...c, position: transformPoint(parentFromCuboid(c), [1, 0, 0]) } : c)); // prettier-ignore
    const iouOf = moved.map((c, i) => (c === set.cuboids[i] ? 1 : (c.size[0] - 1) / (c.size[0] + 1)));
    const at = (t: number) => iouOf.filter((v) => v >= t).length;
    const r = compareLabelSets(set, withCuboids(moved));
    expect(r.detection.atIou['0.5']).toMatchObject({ tp: at(0.5), fp: N - at(0.5), fn: N - at(0.5) });
    expect(r.detection.atIou['0.7']).toMatchObject({ tp: at(0.7), fp: N - at(0.7), fn: N - at(0.7) });
    const matched = iouOf.filter((v) => v >= 0.5);
    expect(r.detection.meanIou3d).toBeCloseTo(matched.reduce((s, v) => s + v, 0) / matched.length, 9);
    expect(r.detection.centreError).toBeCloseTo(matched.filter((v) => v < 1).length / matched.length, 9);
    expect(r.tracking.motp).toBeCloseTo(r.detection.meanIou3d!, 9);
    expect([at(0.5), at(0.7)]).toEqual([532, 350]);
  });

  it('boxes turned round: same volume, a flip each, no heading error', () => {
    // The same box facing the other way: Rz(ψ)·Ry(θ)·Rx(φ)·Rz(π) = Rz(ψ + π)·Ry(−θ)·Rx(−φ).
    const turned = set.cuboids.map((c, i) => (i % 4 === 0 ? { ...c, yaw: normalizeAngle(c.yaw + Math.PI), pitch: -c.pitch, roll: -c.roll } : c)); // prettier-ignore
    const r = compareLabelSets(set, withCuboids(turned));
    expect(r.detection.atIou['0.7']).toMatchObject({ tp: N });
    expect(r.detection.flipRate).toBeCloseTo(Math.ceil(N / 4) / N, 12);
    expect(r.detection.headingError).toBeCloseTo(0, 9);
    expect(r.detection.meanIou3d).toBeCloseTo(1, 9);
  });
});
