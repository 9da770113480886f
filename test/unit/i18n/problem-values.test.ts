import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../../../src/core/model/scene';
import { labelsIntoScene } from '../../../src/formats/labels/labels-into-scene';
import { readLabelFiles } from '../../../src/formats/labels/read-label-files';
import type { FileProblem } from '../../../src/formats/problems/file-problem';
import { importScene } from '../../../src/formats/scene/import-scene';
import { createMemoryFiles } from '../../../src/formats/scene/scene-files';
import { LOCALES } from '../../../src/i18n/i18n';
import { problemPlainText } from '../../../src/i18n/problem-texts';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const read = (path: string) => new Uint8Array(readFileSync(`${DATA}${path}`));
const encode = (text: string) => new TextEncoder().encode(text);

/** Every problem must be sayable in every language: its code worded, each value its sentence needs given. */
function unsaid(problems: readonly FileProblem[]): string[] {
  return LOCALES.flatMap((locale) =>
    problems.filter((p) => problemPlainText(locale, p.code, p.values) === undefined).map((p) => `${locale} ${p.code}`),
  );
}

describe('problems carry what their sentences say', () => {
  it('the real KITTI tracking OpenLABEL file read into a shorter scene: 2D boxes, DontCare regions, frames past the end', () => {
    const scene = { id: 's', frames: Array.from({ length: 50 }, (_, index) => ({ index, timestampUs: index * 100_000 })) } as unknown as Scene; // prettier-ignore
    const name = 'openlabel100_kitti_tracking_0014.json';
    const text = readFileSync(`${DATA}kitti-tracking-openlabel/${name}`, 'utf8');
    const read = readLabelFiles([{ path: name, text }], scene);
    const into = labelsIntoScene(read.set, { id: 's', frameCount: 50 }, new Map(), name);
    const problems = [...read.problems, ...into.problems];
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['openlabel.unsupported-geometry', 'openlabel.cuboid.nonpositive-size', 'labels.frame.outside-scene'])); // prettier-ignore
    expect(unsaid(problems)).toEqual([]);
    const past = problems.find((p) => p.code === 'labels.frame.outside-scene')!;
    expect(problemPlainText('zh-CN', past.code, past.values)).toMatch(
      /^第 \d+ 帧上的框超出场景的最后一帧（第 50 帧）：已略过。$/,
    );
  });

  it('a KITTI object folder with a broken label row, a broken calibration and labels of frames with no sweep', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (const stem of ['000000', '000001', '000002']) {
      for (const path of [`velodyne/${stem}.bin`, `image_2/${stem}.png`, `calib/${stem}.txt`, `label_2/${stem}.txt`])
        entries[`training/${path}`] = read(`kitti-object/training/${path}`);
    }
    entries['training/label_2/000001.txt'] = encode('Car 0.0 0 not-a-number\n');
    entries['training/calib/000002.txt'] = encode('P2: 1 2 3\n');
    entries['training/label_2/000010.txt'] = read('kitti-object/training/label_2/000000.txt');
    const { problems } = await importScene(createMemoryFiles('broken', entries));
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['kitti.row.columns', 'kitti.calib.malformed', 'kitti.label.no-sweep'])); // prettier-ignore
    expect(unsaid(problems)).toEqual([]);
  });
});
