import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateClicks, median, type ClickOutcome } from './evaluate-clicks';

const DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

/** One row of the accuracy table: cars, hit rate (IoU ≥ 0.7), median IoU, median heading error (degrees). */
function summarise(name: string, outcomes: ClickOutcome[]) {
  const row = {
    name,
    cars: outcomes.length,
    hitRate: outcomes.filter((o) => o.iou >= 0.7).length / outcomes.length,
    medianIou: median(outcomes.map((o) => o.iou)),
    medianHeadingError: median(outcomes.map((o) => o.headingError)),
    medianBottomError: median(outcomes.map((o) => Math.abs(o.bottomError))),
  };
  console.log(
    `${name}: ${row.cars} cars, IoU ≥ 0.7 for ${(100 * row.hitRate).toFixed(0)} %, median IoU ` +
      `${row.medianIou.toFixed(3)}, median heading error ${row.medianHeadingError.toFixed(1)}°, ` +
      `median |bottom error| ${row.medianBottomError.toFixed(2)} m`,
  );
  return row;
}

/**
 * One click at the centre (x, y) of every labelled car with ≥ 50 LiDAR points inside its label box, nothing
 * else given: the fitted box must reach bird's-eye IoU ≥ 0.7 with the label for ≥ 80 % of the cars and a
 * median heading error ≤ 5° (a flip counts 180°). KITTI's three frames hold one such car and the nuScenes
 * sample none (its best car has 45 points), so SUSTechPOINTS' four frames (30 cars) carry most of the weight.
 */
describe('one-click fitting on real sweeps', () => {
  it('KITTI object and nuScenes sample', async () => {
    const kitti = await evaluateClicks(DATA + 'kitti-object/training', 'car', 50);
    const nuscenes = await evaluateClicks(DATA + 'nuscenes-sample', 'car', 50);
    summarise('KITTI', kitti);
    if (nuscenes.length > 0) summarise('nuScenes', nuscenes);
    const both = summarise('KITTI + nuScenes', [...kitti, ...nuscenes]);
    expect(both.cars).toBeGreaterThanOrEqual(1);
    expect(both.hitRate).toBeGreaterThanOrEqual(0.8);
    expect(both.medianHeadingError).toBeLessThanOrEqual(5);
  });

  it('SUSTechPOINTS', async () => {
    const row = summarise('SUSTechPOINTS', await evaluateClicks(DATA + 'sustechpoints', 'car', 50));
    expect(row.cars).toBeGreaterThanOrEqual(25);
    expect(row.hitRate).toBeGreaterThanOrEqual(0.8);
    expect(row.medianHeadingError).toBeLessThanOrEqual(5);
    expect(row.medianBottomError).toBeLessThanOrEqual(0.15);
  });

  it('sparser cars (≥ 10 points) still mostly fit', async () => {
    const all = [
      ...(await evaluateClicks(DATA + 'kitti-object/training', 'car', 10)),
      ...(await evaluateClicks(DATA + 'nuscenes-sample', 'car', 10)),
      ...(await evaluateClicks(DATA + 'sustechpoints', 'car', 10)),
    ];
    const row = summarise('all three, ≥ 10 points', all);
    expect(row.hitRate).toBeGreaterThanOrEqual(0.75);
    expect(row.medianHeadingError).toBeLessThanOrEqual(5);
  });
});
