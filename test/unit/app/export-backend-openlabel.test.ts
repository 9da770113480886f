import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createExportBackend } from '../../../src/app/export-backend';
import { generalDriving } from '../../../src/core/model/default-ontology';
import type { LabelRecord } from '../../../src/core/model/labels';
import { findOpenLabelFaults, validateOpenLabel } from '../../../src/formats/labels/openlabel-validate';
import { createMemoryFiles } from '../../../src/formats/scene/scene-files';
import { openDb, type FrustumDb, type SceneOrigin } from '../../../src/storage/db';
import { randomLabelSet } from '../formats/labels/random-label-set';

/** ASAM's published schema, read where the shared test data keeps it (never copied into the project). */
const asamSchema = JSON.parse(readFileSync(new URL('../../../../shared/data/openlabel/schema/openlabel_json_schema-v1.0.0.json', import.meta.url), 'utf8')) as object; // prettier-ignore

let db: FrustumDb | undefined;
afterEach(() => db?.close());

describe("the app's OpenLABEL export", () => {
  it("passes Frustum's schema (and ASAM's) for scenes of every kind the random label sets make", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      db = openDb(`export-openlabel-${seed}`);
      const set = randomLabelSet(seed);
      const scene = { ...set.scene, source: { kind: 'files' as const, root: '' } };
      await db.scenes.put(scene);
      const origin: SceneOrigin = { sceneId: scene.id, kind: 'opfs', name: 'run', paths: ['lidar/0.pcd'] };
      await db.origins.put(origin);
      const files = createMemoryFiles('run', { 'lidar/0.pcd': new Uint8Array([1, 2, 3]) });
      const backend = createExportBackend(db, async () => files);
      const records: LabelRecord[] = [...set.tracks, ...set.cuboids.filter((c) => c.keyframe), ...set.segments];
      const result = await backend.exportScene({ scene, ontology: generalDriving, records, format: 'openlabel', embedData: false, versionMessage: 'v', onProgress: () => {} }); // prettier-ignore
      const text = strFromU8(result.bytes);
      expect(findOpenLabelFaults(JSON.parse(text))).toEqual([]);
      validateOpenLabel(text, result.fileName, asamSchema);
      // The check is not vacuous: the same export with a frame key that is no number breaks it.
      const broken = JSON.parse(text) as { openlabel: { frames: Record<string, unknown> } };
      broken.openlabel.frames['first'] = {};
      expect(findOpenLabelFaults(broken)).toEqual([
        { place: '/openlabel/frames/first', message: expect.stringMatching(/not a frame number/), keyword: 'propertyNames' }, // prettier-ignore
      ]);
      db.close();
      db = undefined;
    }
  });
});
