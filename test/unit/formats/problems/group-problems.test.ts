import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';
import { formatProblem, type FileProblem } from '../../../../src/formats/problems/file-problem';
import { formatProblemGroups, groupProblems } from '../../../../src/formats/problems/group-problems';

const DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

const problem = (code: FileProblem['code'], path: string, message: string, place?: string): FileProblem => ({
  path,
  code,
  message,
  ...(place === undefined ? {} : { place }),
});

describe('groupProblems', () => {
  it('gives one group per code in first-seen order, with the count, first message and first three places', () => {
    const problems = [
      problem('kitti.row.columns', 'label_2/000001.txt', 'expected 15 fields', 'line 3'),
      problem('labels.class.unknown', 'label_2/000002.txt', "class Tram is not in the ontology; imported as 'tram'"),
      problem('kitti.row.columns', 'label_2/000004.txt', 'expected 15 fields (but 9)', 'line 1'),
      problem('kitti.row.columns', 'label_2/000005.txt', 'expected 15 fields', 'line 7'),
      problem('kitti.row.columns', 'label_2/000006.txt', 'expected 15 fields', 'line 2'),
      problem('file.unreadable', 'calib/000003.txt', 'disk on fire'),
    ];
    expect(groupProblems(problems)).toEqual([
      { code: 'kitti.row.columns', count: 4, message: 'expected 15 fields', places: ['label_2/000001.txt line 3', 'label_2/000004.txt line 1', 'label_2/000005.txt line 7'] }, // prettier-ignore
      { code: 'labels.class.unknown', count: 1, message: "class Tram is not in the ontology; imported as 'tram'", places: ['label_2/000002.txt'] }, // prettier-ignore
      { code: 'file.unreadable', count: 1, message: 'disk on fire', places: ['calib/000003.txt'] },
    ]);
    expect(groupProblems([])).toEqual([]);
  });

  it('writes groups as one line each, marking places left out, and one problem as one line', () => {
    const groups = groupProblems([
      problem('csv.row.not-numeric', 'a.csv', 'row left out', 'line 2'),
      problem('csv.row.not-numeric', 'a.csv', 'row left out', 'line 5'),
      problem('csv.row.not-numeric', 'a.csv', 'row left out', 'line 6'),
      problem('csv.row.not-numeric', 'a.csv', 'row left out', 'line 9'),
      problem('csv.segments.dropped', 'a.csv', '2 time segments left out'),
    ]);
    expect(formatProblemGroups(groups)).toEqual([
      'csv.row.not-numeric ×4: row left out (a.csv line 2, a.csv line 5, a.csv line 6, …)',
      'csv.segments.dropped ×1: 2 time segments left out (a.csv)',
    ]);
    expect(formatProblem(problem('csv.row.not-numeric', 'a.csv', 'row left out', 'line 2'))).toBe(
      'a.csv line 2: row left out [csv.row.not-numeric]',
    );
  });

  it('folds the DontCare region of every frame of a real KITTI tracking OpenLABEL file into one group', () => {
    const name = 'openlabel100_kitti_tracking_0001.json';
    const text = readFileSync(`${DATA}kitti-tracking-openlabel/${name}`, 'utf8');
    // Counted from the JSON itself: every cuboid of an object of type DontCare, on any frame.
    type Ol = { objects: Record<string, { type: string }>; frames: Record<string, { objects?: Record<string, { object_data?: { cuboid?: unknown[] } }> }> }; // prettier-ignore
    const ol = (JSON.parse(text) as { openlabel: Ol }).openlabel;
    const dontCare = new Set(Object.keys(ol.objects).filter((k) => ol.objects[k]!.type === 'DontCare'));
    const cuboids = Object.values(ol.frames).flatMap((f) =>
      Object.entries(f.objects ?? {}).flatMap(([k, o]) => (dontCare.has(k) ? (o.object_data?.cuboid ?? []) : [])),
    );
    expect(cuboids.length).toBeGreaterThan(100);

    const { problems } = readOpenLabel(text, name);
    const groups = groupProblems(problems);
    const sizes = groups.filter((g) => g.code === 'openlabel.cuboid.nonpositive-size');
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!.count).toBe(cuboids.length);
    expect(sizes[0]!.message).toMatch(/is not above zero \(no box, e\.g\. a KITTI DontCare region\)/);
    expect(sizes[0]!.places).toEqual([0, 1, 2].map((f) => `${name} /openlabel/frames/${f}/objects/-1/object_data/cuboid/0`)); // prettier-ignore
    // Far fewer lines than problems, and every problem is counted in exactly one group.
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(problems.length);
    expect(groups.length).toBeLessThan(10);
  });
});
