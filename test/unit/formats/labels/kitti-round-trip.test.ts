import { describe, expect, it } from 'vitest';
import type { Cuboid } from '../../../../src/core/model/labels';
import { readKittiLabels } from '../../../../src/formats/labels/kitti-label';
import { readKittiLabelSet } from '../../../../src/formats/labels/kitti-reader';
import { writeKitti } from '../../../../src/formats/labels/kitti-writer';
import { expectPoseClose } from './label-set-compare';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

/** The boxes of a set in the order the KITTI writer writes them: by frame, in the set's order within one. */
const inFileOrder = (cuboids: readonly Cuboid[]) => [...cuboids].sort((a, b) => a.frameIndex - b.frameIndex);

describe('KITTI round trip (property test over random scenes)', () => {
  it('keeps position, size and yaw within 1e-6 at 9 decimals; loses pitch, roll, ids and all but occlusion', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const set = randomLabelSet(seed);
      for (const mode of ['object', 'tracking'] as const) {
        const { files } = writeKitti(set, testLineage(), { mode, decimals: 9 });
        const read = readKittiLabelSet(files, set.scene, { mode });
        // Classes outside general-driving (tram, traffic_cone) come back under their own ids, with a note.
        expect(read.problems.filter((p) => !/is not in the ontology/.test(p.message))).toEqual([]);
        const want = inFileOrder(set.cuboids);
        expect(read.cuboids).toHaveLength(want.length);
        read.cuboids.forEach((box, i) => {
          const original = want[i]!;
          expect(box.frameIndex).toBe(original.frameIndex);
          expectPoseClose(box, original, 1e-6, 1e-6, false);
          expect([box.pitch, box.roll]).toEqual([0, 0]);
          // Attributes beyond KITTI's columns are lost; `occluded` comes from the estimate (or stays unknown).
          expect(Object.keys(box.attributes).filter((k) => k !== 'occluded')).toEqual([]);
          const track = read.tracks.find((t) => t.id === box.trackId)!;
          expect(track.classId).toBe(set.tracks.find((t) => t.id === original.trackId)!.classId);
          expect(track.attributes).toEqual({});
        });
        // Object files give one track per box; tracking files keep which boxes belong together, under new ids.
        const groups = (boxes: Cuboid[], of: (c: Cuboid) => string) =>
          [...new Set(boxes.map(of))].map((id) => boxes.filter((c) => of(c) === id).map((c) => want.indexOf(c) >= 0 ? want.indexOf(c) : read.cuboids.indexOf(c)).join()).sort(); // prettier-ignore
        if (mode === 'object') expect(read.tracks).toHaveLength(want.length);
        else expect(groups(read.cuboids, (c) => c.trackId)).toEqual(groups(want, (c) => c.trackId));
      }
    }
  });

  it("at KITTI's 2 decimals loses exactly the rounding: writing what was read gives the same 3D fields", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const set = randomLabelSet(seed);
      const first = writeKitti(set, testLineage(), { mode: 'tracking' });
      const read = readKittiLabelSet(first.files, set.scene, { mode: 'tracking' });
      const again = writeKitti({ ...set, tracks: read.tracks, cuboids: read.cuboids }, testLineage(), { mode: 'tracking' }); // prettier-ignore
      const fields = (text: string) => readKittiLabels(text, 'l', 'tracking').map((r) => [r.frame, r.trackId, r.type, ...r.hwl, ...r.location, r.rotationY]); // prettier-ignore
      expect(fields(again.files[0]!.text)).toEqual(fields(first.files[0]!.text));
      read.cuboids.forEach((box, i) => expectPoseClose(box, inFileOrder(set.cuboids)[i]!, 0.01, 0.005, false));
    }
  });
});
