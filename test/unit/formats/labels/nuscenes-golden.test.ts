import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createNodeFiles } from '../../../../src/cli/node-files';
import { multiply, transformPoint } from '../../../../src/core/math/mat4';
import { materializeCuboids } from '../../../../src/core/tracks/materialize-cuboids';
import { readNuscenesStyle } from '../../../../src/formats/labels/nuscenes-reader';
import { writeNuscenesStyle } from '../../../../src/formats/labels/nuscenes-writer';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';
import { validateOpenLabel } from '../../../../src/formats/labels/openlabel-validate';
import { writeOpenLabel } from '../../../../src/formats/labels/openlabel-writer';
import { importScene } from '../../../../src/formats/scene/import-scene';
import { byTrackAndFrame, expectClose, expectPoseClose } from './label-set-compare';
import { testLineage } from './label-set-fixtures';

const DATA = fileURLToPath(new URL('../../../../../shared/data/nuscenes-sample/', import.meta.url));
const asamSchema = JSON.parse(readFileSync(new URL('../../../../../shared/data/openlabel/schema/openlabel_json_schema-v1.0.0.json', import.meta.url), 'utf8')) as object; // prettier-ignore

interface SampleJson {
  lidar: { lidar2ego: number[][] };
  ego2global: number[][];
  boxes_lidar: { center: [number, number, number]; size_lwh: number[]; valid: boolean }[];
}

async function importSample() {
  const imported = await importScene(createNodeFiles(DATA));
  const cuboids = materializeCuboids([...imported.tracks, ...imported.cuboids], imported.scene.frames);
  return { scene: imported.scene, tracks: imported.tracks, cuboids, segments: [] };
}

describe('the nuScenes sample through OpenLABEL and nuScenes-style JSON', () => {
  it('writes every box in the global frame as the dataset has it, and reads them back within 1e-6', async () => {
    const set = await importSample();
    const json = JSON.parse(readFileSync(`${DATA}derived/sample_calib_and_boxes.json`, 'utf8').replace(/\bNaN\b/g, 'null')) as SampleJson; // prettier-ignore
    const globalFromLidar = multiply(json.ego2global.flat(), json.lidar.lidar2ego.flat());
    const valid = json.boxes_lidar.filter((b) => b.valid);
    expect(set.cuboids).toHaveLength(valid.length);
    const { files } = writeNuscenesStyle(set, testLineage());
    const written = JSON.parse(files[0]!.text) as { sample_annotation: { translation: number[]; size: number[] }[] };
    written.sample_annotation.forEach((a, i) => {
      // The sample's ego2global is float32 and not quite orthonormal; nuScenes keeps poses as quaternions, so
      // the world positions written agree with the matrix to its rounding (~1e-6 m at 1.2 km from the origin).
      expectClose(a.translation, transformPoint(globalFromLidar, valid[i]!.center), 1e-5);
      expect(a.size).toEqual([valid[i]!.size_lwh[1], valid[i]!.size_lwh[0], valid[i]!.size_lwh[2]]);
    });
    const read = readNuscenesStyle(files[0]!.text, 'nuscenes.json');
    const got = byTrackAndFrame(read.set.cuboids);
    for (const want of set.cuboids) expectPoseClose(got.get(`${want.trackId}@${want.frameIndex}`)!, want, 1e-6, 1e-6);
  });

  it('survives OpenLABEL with its six cameras, the LiDAR mount and the ego pose', async () => {
    const set = await importSample();
    const text = writeOpenLabel(set, testLineage()).files[0]!.text;
    validateOpenLabel(text, 'openlabel.json');
    validateOpenLabel(text, 'openlabel.json', asamSchema);
    const { set: back, problems } = readOpenLabel(text, 'openlabel.json');
    expect(problems).toEqual([]);
    expect(back.scene.cameras.map((c) => c.id)).toEqual(set.scene.cameras.map((c) => c.id));
    back.scene.cameras.forEach((c, i) => {
      expectClose(c.cameraFromEgo, set.scene.cameras[i]!.cameraFromEgo, 1e-12);
      expect(c.intrinsics).toEqual(set.scene.cameras[i]!.intrinsics);
    });
    expectClose(back.scene.lidars[0]!.egoFromLidar, set.scene.lidars[0]!.egoFromLidar, 1e-12);
    expectClose(back.scene.frames[0]!.worldFromEgo, set.scene.frames[0]!.worldFromEgo, 1e-9);
    const got = byTrackAndFrame(back.cuboids);
    expect(got.size).toBe(set.cuboids.length);
    for (const want of set.cuboids) expectPoseClose(got.get(`${want.trackId}@${want.frameIndex}`)!, want, 1e-6, 1e-6);
  });
});
