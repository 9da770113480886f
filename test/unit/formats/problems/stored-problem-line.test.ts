import { describe, expect, it } from 'vitest';
import type { LabelSet } from '../../../../src/core/model/label-set';
import { writeCsv } from '../../../../src/formats/labels/csv-writer';
import { writeKitti } from '../../../../src/formats/labels/kitti-writer';
import { writeNuscenesStyle } from '../../../../src/formats/labels/nuscenes-writer';
import { writeOpenLabel } from '../../../../src/formats/labels/openlabel-writer';
import { formatProblemGroups, groupProblems } from '../../../../src/formats/problems/group-problems';
import { parseProblemLine } from '../../../../src/formats/problems/stored-problem-line';
import { testLineage } from '../labels/label-set-fixtures';
import { randomLabelSet } from '../labels/random-label-set';

/** A set every writer has something to say about: each code a writer has, at least once. */
function troubled(): LabelSet {
  const set = randomLabelSet(11);
  const [first, second, ...rest] = set.cuboids;
  return {
    ...set,
    scene: { ...set.scene, cameras: [], frames: set.scene.frames.map(({ worldFromEgo: _, ...f }) => f) },
    cuboids: [
      { ...first!, attributes: { ...first!.attributes, 'depth (m)': Number.POSITIVE_INFINITY } },
      second!,
      { ...second!, id: 'again' },
      { ...second!, id: 'late', frameIndex: 9999 },
      { ...second!, id: 'stray', trackId: 'no (such) track' },
      ...rest,
    ],
    segments: [{ type: 'segment', id: 's', sceneId: set.scene.id, kind: 'braking', startFrame: 0, endFrame: 0, attributes: {} }], // prettier-ignore
  };
}

describe('parseProblemLine', () => {
  it("reads back every writer's stored group with the values its sentence needs, as the writer gave them", () => {
    const set = troubled();
    const problems = [
      ...writeOpenLabel(set, testLineage(), { fileName: 'out.json' }).problems,
      ...writeKitti(set, testLineage(), { mode: 'tracking' }).problems,
      ...writeNuscenesStyle(set, testLineage(), 'n.json').problems,
      ...writeCsv(set, testLineage(), 'b.csv').problems,
    ];
    const groups = groupProblems(problems);
    expect(groups.map((g) => g.code).sort()).toEqual([
      'csv.segments.dropped',
      'kitti.box.off-image',
      'kitti.segments.dropped',
      'nuscenes.pose.missing',
      'nuscenes.segments.dropped',
      'openlabel.attribute.not-finite',
      'openlabel.box.duplicate',
      'openlabel.box.no-frame',
      'openlabel.box.no-track',
    ]);
    const lines = formatProblemGroups(groups);
    lines.forEach((line, i) => {
      const group = groups[i]!;
      const first = problems.find((p) => p.code === group.code)!;
      expect(parseProblemLine(line), line).toEqual({
        code: group.code,
        count: group.count,
        message: group.message,
        places: group.places,
        more: group.count > group.places.length,
        values: first.values ?? {},
      });
    });
  });

  it('reads a line stored by an earlier release, its message keeping its own parentheses', () => {
    expect(parseProblemLine('kitti.box.off-image ×1: 3 boxes are in no camera image: their 2D box is written as -1 -1 -1 -1 (label_2/)')).toEqual({ code: 'kitti.box.off-image', count: 1, message: '3 boxes are in no camera image: their 2D box is written as -1 -1 -1 -1', places: ['label_2/'], more: false, values: { boxes: 3 } }); // prettier-ignore
    const more = parseProblemLine('openlabel.box.no-frame ×5: frame 60 is not in the scene; left out (x.json box a@60, x.json box b@61, x.json box c@62, …)'); // prettier-ignore
    expect(more).toMatchObject({ count: 5, more: true, places: ['x.json box a@60', 'x.json box b@61', 'x.json box c@62'], values: { frame: 60 } }); // prettier-ignore
  });

  it('keeps words it does not know without values, and refuses a line of another shape', () => {
    expect(parseProblemLine('kitti.segments.dropped ×1: some newer wording (label_2/)')).toMatchObject({ code: 'kitti.segments.dropped', message: 'some newer wording' }); // prettier-ignore
    expect(parseProblemLine('kitti.segments.dropped ×1: some newer wording (label_2/)')?.values).toBeUndefined();
    expect(parseProblemLine('disk full')).toBeUndefined();
  });
});
