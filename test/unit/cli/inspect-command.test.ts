import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

/** Runs the CLI and keeps stdout and stderr apart. */
async function run(args: string[], lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { lang },
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('frustum inspect', () => {
  it('prints the point-cloud report of a .bin file', async () => {
    const { code, out } = await run(['inspect', DATA + 'kitti-object/training/velodyne/000001.bin']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { format: string; points: number; fields: unknown[]; bounds: unknown };
    expect(report.format).toBe('kitti-bin');
    expect(report.points).toBe(120268);
    expect(Object.keys(report)).toEqual(['format', 'points', 'fields', 'bounds']);
  });

  it('summarises the KITTI object folder', async () => {
    const { code, out } = await run(['inspect', DATA + 'kitti-object/training']);
    expect(code).toBe(0);
    const labels = readdirSync(DATA + 'kitti-object/training/label_2').flatMap(
      (f) =>
      readFileSync(`${DATA}kitti-object/training/label_2/${f}`, 'utf8').trim().split('\n').filter((l) => !l.startsWith('DontCare')), // prettier-ignore
    );
    expect(JSON.parse(out)).toEqual({
      layout: 'kitti-object',
      frames: readdirSync(DATA + 'kitti-object/training/velodyne').length,
      lidars: ['velodyne'],
      cameras: ['image_2', 'image_2@000001'],
      labels: labels.length,
      tracks: labels.length,
      problems: [{ code: 'labels.class.unknown', count: 1, message: "class Misc is not in the ontology; imported as 'misc'", places: ['label_2/000002.txt'] }], // prettier-ignore
    });
  });

  it('lists every problem beside the groups with --verbose, before or after the folder', async () => {
    const problem = { path: 'label_2/000002.txt', code: 'labels.class.unknown', message: "class Misc is not in the ontology; imported as 'misc'", values: { className: 'Misc', classId: 'misc' } }; // prettier-ignore
    for (const args of [
      ['inspect', DATA + 'kitti-object/training', '--verbose'],
      ['inspect', '--verbose', DATA + 'kitti-object/training'],
    ]) {
      // prettier-ignore
      const { code, out } = await run(args);
      expect(code).toBe(0);
      const report = JSON.parse(out) as { problems: unknown[]; allProblems: unknown[] };
      expect(report.allProblems).toEqual([problem]);
      expect(report.problems).toEqual([{ code: problem.code, count: 1, message: problem.message, places: [problem.path] }]); // prettier-ignore
    }
  });

  it('summarises the nuScenes-style sample', async () => {
    const { code, out } = await run(['inspect', DATA + 'nuscenes-sample']);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(DATA + 'nuscenes-sample/derived/sample_calib_and_boxes.json', 'utf8').replace(/\bNaN\b/g, 'null')) as { cameras: object; boxes_lidar: { valid: boolean }[] }; // prettier-ignore
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toMatchObject({
      layout: 'nuscenes-sample',
      frames: 1,
      lidars: ['LIDAR_TOP'],
      cameras: Object.keys(json.cameras),
      labels: json.boxes_lidar.filter((b) => b.valid).length,
      tracks: json.boxes_lidar.filter((b) => b.valid).length,
    });
    expect(Object.keys(report)).toEqual(['layout', 'frames', 'lidars', 'cameras', 'labels', 'tracks', 'problems']);
  });

  it('summarises the SUSTechPOINTS folder', async () => {
    const { code, out } = await run(['inspect', DATA + 'sustechpoints']);
    expect(code).toBe(0);
    const boxes = readdirSync(DATA + 'sustechpoints/label').map((f) => JSON.parse(readFileSync(`${DATA}sustechpoints/label/${f}`, 'utf8')) as { obj_id: string }[]); // prettier-ignore
    expect(JSON.parse(out)).toEqual({
      layout: 'sustechpoints',
      frames: 4,
      lidars: ['lidar'],
      cameras: ['front', 'left', 'right'],
      labels: boxes.flat().length,
      tracks: new Set(boxes.flat().map((b) => b.obj_id)).size,
      problems: [],
    });
  });

  it('fails with one line on a missing path, a folder of no layout, a corrupt file and no argument', async () => {
    const missing = await run(['inspect', path.join(scratch, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual([`frustum inspect: ${path.join(scratch, 'nope')}: no such file or folder`]);
    expect(missing.out).toBe('');

    writeFileSync(path.join(scratch, 'notes.txt'), 'hello');
    const unknown = await run(['inspect', scratch]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toHaveLength(1);
    expect(unknown.err[0]).toMatch(/no scene layout recognised; looked for .*KITTI object/);

    writeFileSync(path.join(scratch, 'broken.bin'), new Uint8Array(7));
    const corrupt = await run(['inspect', path.join(scratch, 'broken.bin')]);
    expect(corrupt.code).toBe(1);
    expect(corrupt.err).toEqual(['frustum inspect: broken.bin: 7 bytes fits neither KITTI (16 bytes a point) nor nuScenes (20 bytes a point)']); // prettier-ignore

    expect((await run(['inspect'])).err).toEqual(['Usage: frustum inspect <file-or-folder> [--verbose]']);
    expect((await run(['inspect', '--verbose'])).code).toBe(2);
    expect((await run(['inspect'], 'zh_CN.UTF-8')).err).toEqual(['用法：frustum inspect <文件或文件夹> [--verbose]']);
  });

  it('says a coded failure in Chinese under a Chinese locale, the English words after it where they say more', async () => {
    writeFileSync(path.join(scratch, 'notes.txt'), 'hello');
    const unknown = await run(['inspect', scratch], 'zh_CN.UTF-8');
    expect(unknown.err).toHaveLength(1);
    expect(unknown.err[0]).toMatch(/^frustum inspect：在文件夹 \S+ 中未识别出场景结构：未导入任何内容。 \(.*no scene layout recognised; looked for .*KITTI object.*\)$/); // prettier-ignore
    writeFileSync(path.join(scratch, 'broken.bin'), new Uint8Array(7));
    const corrupt = await run(['inspect', path.join(scratch, 'broken.bin')], 'zh_CN.UTF-8');
    expect(corrupt.err).toEqual(['frustum inspect：broken.bin：该文件无法按其格式读取。 (7 bytes fits neither KITTI (16 bytes a point) nor nuScenes (20 bytes a point))']); // prettier-ignore
  });
});
