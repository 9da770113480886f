import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';
import { validateOpenLabel } from '../../../../src/formats/labels/openlabel-validate';
import { writeOpenLabel } from '../../../../src/formats/labels/openlabel-writer';
import { byTrackAndFrame, expectClose, expectPoseClose } from './label-set-compare';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

/** ASAM's published schema, read where the shared test data keeps it (never copied into the project). */
const asam = new URL('../../../../../shared/data/openlabel/schema/openlabel_json_schema-v1.0.0.json', import.meta.url); // prettier-ignore
const asamSchema = JSON.parse(readFileSync(asam, 'utf8')) as object;

const sortById = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('OpenLABEL round trip (property test over random scenes)', () => {
  it("writes files that our schema and ASAM's accept and reads back the same labels within 1e-6 m and 1e-6 rad", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const set = randomLabelSet(seed);
      const { files, problems } = writeOpenLabel(set, testLineage());
      expect(problems).toEqual([]);
      const text = files[0]!.text;
      validateOpenLabel(text, 'out.json');
      validateOpenLabel(text, 'out.json', asamSchema);
      const read = readOpenLabel(text, 'out.json');
      expect(read.problems).toEqual([]);
      const { scene } = read.set;
      expect([scene.id, scene.name, scene.ontologyId]).toEqual([set.scene.id, set.scene.name, set.scene.ontologyId]);
      expect(scene.lidars.map((l) => [l.id, l.name])).toEqual([['top', 'Roof LiDAR']]);
      expectClose(scene.lidars[0]!.egoFromLidar, set.scene.lidars[0]!.egoFromLidar, 1e-12);
      expect(scene.cameras).toHaveLength(set.scene.cameras.length);
      scene.cameras.forEach((c, i) => {
        const { cameraFromEgo, referenceFromCamera, ...rest } = set.scene.cameras[i]!;
        expect(c).toMatchObject(rest);
        expectClose(c.cameraFromEgo, cameraFromEgo, 1e-12);
        expect(c.referenceFromCamera).toEqual(referenceFromCamera);
      });
      scene.frames.forEach((f, i) => {
        const { worldFromEgo, ...rest } = set.scene.frames[i]!;
        expect(f).toMatchObject(rest);
        expectClose(f.worldFromEgo, worldFromEgo, 1e-9);
      });
      expect(scene.frames).toHaveLength(set.scene.frames.length);
      // Order is not kept (OpenLABEL keys integer ids before UUIDs, actions before events): compare by id.
      expect(sortById(read.set.tracks)).toEqual(sortById(set.tracks));
      expect(sortById(read.set.segments)).toEqual(sortById(set.segments));
      const got = byTrackAndFrame(read.set.cuboids);
      expect([...got.keys()].sort()).toEqual([...byTrackAndFrame(set.cuboids).keys()].sort());
      for (const want of set.cuboids) {
        const box = got.get(`${want.trackId}@${want.frameIndex}`)!;
        expectPoseClose(box, want, 1e-6, 1e-6);
        expect([box.attributes, box.keyframe, box.source]).toEqual([want.attributes, want.keyframe, want.source]);
        // What is lost: the box's own id (a box is its track on a frame).
        expect(box.id).toBe(`${want.trackId}@${want.frameIndex}`);
      }
    }
  });
});
