import { describe, expect, it } from 'vitest';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { createMemoryFiles } from '../../../../src/formats/scene/scene-files';
import { writeFrustumManifest } from '../../../../src/formats/scene/write-frustum-manifest';
import { randomLabelSet } from '../labels/random-label-set';
import { fromTranslation } from '../../../../src/core/math/mat4';

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('writeFrustumManifest', () => {
  it('describes a scene so that importing the manifest beside its files gives back sensors, frames and poses', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const { scene: random } = randomLabelSet(seed);
      // A KITTI-like stereo offset back to the reference camera travels with the camera.
      const cameras = random.cameras.map((c, i) =>
        i % 2 ? c : { ...c, referenceFromCamera: fromTranslation(-0.06, 0, 0) },
      );
      const scene = { ...random, cameras };
      const manifest = writeFrustumManifest(scene);
      const entries: Record<string, Uint8Array> = { 'frustum-manifest.json': new TextEncoder().encode(JSON.stringify(manifest)) }; // prettier-ignore
      for (const f of scene.frames) for (const s of [...f.lidar, ...f.cameras]) entries[s.uri] = new Uint8Array(1);
      const imported = await importScene(createMemoryFiles('bundle', entries));
      expect(imported.problems).toEqual([]);
      expect(imported.scene.frames).toEqual(scene.frames);
      // Compared as JSON, which is what the manifest is (no -0).
      expect(asJson(imported.scene.lidars)).toEqual(asJson(scene.lidars));
      expect(asJson(imported.scene.cameras)).toEqual(asJson(scene.cameras));
      expect(imported.scene.cameras.some((c) => c.referenceFromCamera)).toBe(scene.cameras.length > 0);
    }
  });
});
