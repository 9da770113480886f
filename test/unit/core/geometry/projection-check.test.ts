import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectCloud } from '../../../../src/core/geometry/project-cloud';
import { imageDownAngle, projectionHint } from '../../../../src/core/geometry/projection-check';
import { multiply, type Mat4 } from '../../../../src/core/math/mat4';
import { positionStride } from '../../../../src/core/model/point-cloud';
import type { CameraSensor } from '../../../../src/core/model/scene';
import { invertAffine } from '../../../../src/formats/calibration/invert-affine';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';
import { importShared, SHARED_DATA } from '../../formats/scene/scene-test-helpers';

/** The hint a camera gets on the first frame with images of a real scene, as the camera panel computes it. */
async function hintsOf(folder: string, change: (camera: CameraSensor) => CameraSensor = (c) => c) {
  const { scene } = await importShared(folder);
  const frame = scene.frames.find((f) => f.cameras.length > 0)!;
  const sample = frame.lidar[0]!;
  const cloud = readPointCloudFile(new Uint8Array(readFileSync(`${SHARED_DATA}${folder}/${sample.uri}`)), sample.uri);
  const lidar = scene.lidars[0]!;
  const out = new Float32Array(cloud.count * 3);
  return scene.cameras
    .filter((c) => frame.cameras.some((s) => s.sensorId === c.id))
    .map((c) => {
      const camera = change(c);
      const inside = projectCloud(camera, lidar.egoFromLidar, cloud.positions, cloud.count, out, 0.5, positionStride(cloud)); // prettier-ignore
      return { id: c.id, inside, total: cloud.count, hint: projectionHint(camera, inside, cloud.count) };
    });
}

/** The same camera with its translation in millimetres, as a calibration file in mm read as metres gives it. */
function inMillimetres(camera: CameraSensor): CameraSensor {
  const m = [...camera.cameraFromEgo];
  for (const i of [3, 7, 11]) m[i] = m[i]! * 1000 + 5000;
  return { ...camera, cameraFromEgo: m as Mat4 };
}

describe('the projection check after an import', () => {
  it.each(['kitti-object/training', 'nuscenes-sample', 'sustechpoints'])(
    'has nothing to say about the real calibrations of %s',
    async (folder) => {
      const hints = await hintsOf(folder);
      expect(hints.length).toBeGreaterThan(0);
      for (const h of hints) {
        expect(h.hint, h.id).toBeUndefined();
        // Real cameras hold 9–22 % of a 360° sweep: well above the hint's threshold.
        expect(h.inside / h.total, h.id).toBeGreaterThan(0.05);
      }
    },
  );

  it.each([
    ['kitti-object/training', 'image_2'],
    ['nuscenes-sample', 'CAM_FRONT'],
    ['sustechpoints', 'front'],
  ])('says the rotation may be the wrong way round when %s’s %s matrix is given inverted', async (folder, front) => {
    const hints = await hintsOf(folder, (c) => ({ ...c, cameraFromEgo: invertAffine(c.cameraFromEgo) }));
    expect(hints.find((h) => h.id === front)?.hint).toMatchObject({ kind: 'tilted' });
    // A camera looking straight right has a rotation that is its own inverse: only the forward-facing ones and
    // those looking left or back are sure to be caught, which is most of a rig.
    expect(hints.filter((h) => h.hint?.kind === 'tilted').length).toBeGreaterThanOrEqual(hints.length / 2);
  });

  it('says almost no points land inside when the calibration is in other units', async () => {
    const hints = await hintsOf('kitti-object/training', inMillimetres);
    expect(hints[0]!.hint).toMatchObject({ kind: 'few-inside' });
    expect((hints[0]!.hint as { percent: number }).percent).toBeLessThan(2);
  });

  it('measures the image’s down against the vehicle’s down', () => {
    // A level forward camera: image x = −ego y, image y = −ego z, optical axis = ego x.
    const level = [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1] as Mat4;
    const camera = { cameraFromEgo: level } as CameraSensor;
    expect(imageDownAngle(camera)).toBeCloseTo(0, 6);
    // Pitched down by 30°: still level enough.
    const c = Math.cos(Math.PI / 6),
      s = Math.sin(Math.PI / 6);
    const pitchDown = [c, 0, s, 0, 0, 1, 0, 0, -s, 0, c, 0, 0, 0, 0, 1] as Mat4; // about ego y, nose down
    expect(imageDownAngle({ ...camera, cameraFromEgo: multiply(level, pitchDown) })).toBeCloseTo(30, 6);
  });
});
