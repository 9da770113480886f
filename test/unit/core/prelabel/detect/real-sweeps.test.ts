import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFolder } from '../../fit/track-size-data';
import { evaluateDetections, recallPrecision, type DetectionEval } from './evaluate-detections';

const DATA = fileURLToPath(new URL('../../../../../../shared/data/', import.meta.url));

function report(name: string, result: DetectionEval) {
  for (const threshold of [0, 0.4]) {
    const { recall, precision } = recallPrecision(result, threshold);
    console.log(
      `${name}, score ≥ ${threshold}: ${result.labels.length} cars, recall ${(100 * recall).toFixed(0)} %, ` +
        `precision ${(100 * precision).toFixed(0)} % of ${result.detections.filter((d) => d.score >= threshold).length}`,
    );
  }
}

/**
 * Cars with ≥ 10 LiDAR points within 50 m (KITTI: inside its front camera's view, the only part it labels), found
 * at bird's-eye IoU ≥ 0.5. The floors sit under what the detector measured (see the folder's README); precision
 * is low in absolute terms because the samples leave many parked cars unlabelled.
 */
describe('detectObjects on real sweeps', () => {
  it('KITTI object 000000–000002 and SUSTechPOINTS: car recall and precision', async () => {
    const kitti = await loadFolder(DATA + 'kitti-object/training');
    const sustech = await loadFolder(DATA + 'sustechpoints');
    const k = evaluateDetections(kitti.frames, kitti.tracks, 'car', 10, { maxRange: 50, frontHalfAngle: 40 });
    const s = evaluateDetections(sustech.frames, sustech.tracks, 'car', 10, { maxRange: 50 });
    report('KITTI', k);
    report('SUSTechPOINTS', s);
    const both: DetectionEval = {
      labels: [...k.labels, ...s.labels],
      detections: [...k.detections, ...s.detections],
      msPerFrame: 0,
    };
    expect(both.labels.length).toBeGreaterThanOrEqual(30);
    const all = recallPrecision(both, 0);
    expect(all.recall).toBeGreaterThanOrEqual(0.5);
    expect(all.precision).toBeGreaterThanOrEqual(0.2);
    // The score ranks: keeping the surer half of the boxes raises precision and keeps most of the recall.
    const sure = recallPrecision(both, 0.4);
    expect(sure.precision).toBeGreaterThanOrEqual(0.4);
    expect(sure.precision).toBeGreaterThan(all.precision);
    expect(sure.recall).toBeGreaterThanOrEqual(0.5);
  });
});
