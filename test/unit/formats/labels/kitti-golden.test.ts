import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createNodeFiles } from '../../../../src/cli/node-files';
import { materializeCuboids } from '../../../../src/core/tracks/materialize-cuboids';
import { writeKitti } from '../../../../src/formats/labels/kitti-writer';
import { readKittiLabels } from '../../../../src/formats/labels/kitti-label';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { testLineage } from './label-set-fixtures';

const KITTI = fileURLToPath(new URL('../../../../../shared/data/kitti-object/training/', import.meta.url));

/** Intersection over union of two pixel rectangles. */
function iou(a: number[], b: number[]): number {
  const w = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
  const h = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
  const area = (r: number[]) => (r[2]! - r[0]!) * (r[3]! - r[1]!);
  return (w * h) / (area(a) + area(b) - w * h);
}

describe('KITTI object labels → Frustum → KITTI', () => {
  it('gives back every 3D field to the file precision, alpha and a 2D box that match the drawn one', async () => {
    const imported = await importScene(createNodeFiles(KITTI));
    const cuboids = materializeCuboids([...imported.tracks, ...imported.cuboids], imported.scene.frames);
    const set = { scene: imported.scene, tracks: imported.tracks, cuboids, segments: [] };
    const { files } = writeKitti(set, testLineage(), { mode: 'object' });
    const names = readdirSync(`${KITTI}label_2`);
    expect(files.map((f) => f.path).sort()).toEqual([...names.map((n) => `label_2/${n}`), 'frustum-lineage.json'].sort()); // prettier-ignore
    let rows = 0;
    for (const name of names) {
      const original = readKittiLabels(readFileSync(`${KITTI}label_2/${name}`, 'utf8'), name, 'object');
      const kept = original.filter((r) => r.type !== 'DontCare');
      const written = readKittiLabels(files.find((f) => f.path === `label_2/${name}`)!.text, name, 'object');
      expect(written).toHaveLength(kept.length);
      kept.forEach((want, i) => {
        const got = written[i]!;
        expect(got.type).toBe(want.type);
        // 3D fields: exactly the file's two decimals.
        expect([...got.hwl, ...got.location, got.rotationY]).toEqual([...want.hwl, ...want.location, want.rotationY]);
        // Levels 0–2 come back from the `occluded` attribute; 3 (unknown) is not kept, so it is estimated.
        if (want.occluded < 3) expect(got.occluded).toBe(want.occluded);
        // alpha is recomputed from the rounded location: within the rounding of the inputs.
        expect(Math.abs(got.alpha - want.alpha)).toBeLessThanOrEqual(0.02);
        expect(iou(got.box2d, want.box2d)).toBeGreaterThan(0.7);
        rows++;
      });
    }
    expect(rows).toBe(imported.cuboids.length);
  });
});
