import { describe, expect, it } from 'vitest';
import type { LabelSet } from '../../../../src/core/model/label-set';
import { writeCsv } from '../../../../src/formats/labels/csv-writer';
import { writeKitti } from '../../../../src/formats/labels/kitti-writer';
import { writeNuscenesStyle } from '../../../../src/formats/labels/nuscenes-writer';
import { writeOpenLabel } from '../../../../src/formats/labels/openlabel-writer';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

/** A random set with a time segment, no ego poses, a box with a NaN attribute, and a box of no known track. */
function troubled(): LabelSet {
  const set = randomLabelSet(7);
  const [first, ...rest] = set.cuboids;
  const stray = { ...rest[0]!, id: 'stray', trackId: 'no-such-track' };
  return {
    ...set,
    scene: { ...set.scene, cameras: [], frames: set.scene.frames.map(({ worldFromEgo: _, ...f }) => f) },
    cuboids: [{ ...first!, attributes: { ...first!.attributes, depth: Number.NaN } }, ...rest, stray],
    segments: [{ type: 'segment', id: 's', sceneId: set.scene.id, kind: 'braking', startFrame: 0, endFrame: 0, attributes: {} }], // prettier-ignore
  };
}

describe('writer problems', () => {
  it('each writer names what it left out or guessed by code, in the file it wrote, with the record as place', () => {
    const set = troubled();
    const first = set.cuboids[0]!;
    const openlabel = writeOpenLabel(set, testLineage(), { fileName: 'out.json' }).problems;
    expect(openlabel).toContainEqual({ path: 'out.json', code: 'openlabel.attribute.not-finite', message: 'attribute depth is not a finite number; left out', place: `box ${first.id}`, values: { attribute: 'depth' } }); // prettier-ignore
    expect(openlabel).toContainEqual({ path: 'out.json', code: 'openlabel.box.no-track', message: 'track no-such-track is not in the export; left out', place: 'box stray', values: { track: 'no-such-track' } }); // prettier-ignore

    const kitti = writeKitti(set, testLineage(), { mode: 'tracking' }).problems;
    expect(kitti.map((p) => [p.path, p.code])).toEqual([
      ['label_02/0000.txt', 'kitti.box.off-image'],
      ['label_02/0000.txt', 'kitti.segments.dropped'],
    ]);
    expect(writeKitti(set, testLineage(), { mode: 'object' }).problems.map((p) => p.path)).toEqual(['label_2/', 'label_2/']); // prettier-ignore

    expect(writeNuscenesStyle(set, testLineage(), 'n.json').problems.map((p) => [p.path, p.code])).toEqual([
      ['n.json', 'nuscenes.pose.missing'],
      ['n.json', 'nuscenes.segments.dropped'],
    ]);
    expect(writeCsv(set, testLineage(), 'b.csv').problems).toEqual([
      { path: 'b.csv', code: 'csv.segments.dropped', message: '1 time segments left out: the CSV has one row per box', values: { segments: 1 } }, // prettier-ignore
    ]);
  });
});
