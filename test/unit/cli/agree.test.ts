import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgreeArgs } from '../../../src/cli/agree';
import { materializeCuboids } from '../../../src/core/tracks/materialize-cuboids';
import { readOpenLabel } from '../../../src/formats/labels/openlabel-reader';
import { buildCli, runBuilt } from './built-cli';

const NAME = 'openlabel100_kitti_tracking_0003.json';
const TRACKING = fileURLToPath(new URL(`../../../../shared/data/kitti-tracking-openlabel/${NAME}`, import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-agree-'));
const DAMAGED = path.join(scratch, 'without-car0.json');

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  recall: number;
}
interface Report {
  similarity: string;
  iouThresholds: number[];
  boxes: { reference: number; compared: number };
  detection: { atIou: Record<string, Counts>; meanIou3d: number };
  tracking: { mota: number; hota: number; idSwitches: number };
  byClass?: Record<string, unknown>;
}

/** Car0's boxes as the CLI counts them: every frame of the track, derived ones included. */
function car0Boxes(): number {
  const { set } = readOpenLabel(readFileSync(TRACKING, 'utf8'), NAME);
  return materializeCuboids([...set.tracks, ...set.cuboids], set.scene.frames).filter((c) => c.trackId === 'Car0').length; // prettier-ignore
}

beforeAll(() => {
  buildCli();
  // The sequence with KITTI object 0 (Car0) taken out of the file: its object and its data on every frame.
  const doc = JSON.parse(readFileSync(TRACKING, 'utf8')) as { openlabel: { objects: Record<string, unknown>; frames: Record<string, { objects?: Record<string, unknown> }> } }; // prettier-ignore
  delete doc.openlabel.objects['0'];
  for (const frame of Object.values(doc.openlabel.frames)) delete frame.objects?.['0'];
  writeFileSync(DAMAGED, JSON.stringify(doc));
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('parseAgreeArgs', () => {
  it('reads two inputs and the options', () => {
    expect(parseAgreeArgs(['a.json', 'b.json'])).toEqual({ a: 'a.json', b: 'b.json', options: {} });
    expect(
      parseAgreeArgs([
        'a',
        'b',
        '--iou',
        '0.3,0.5',
        '--by-class',
        '--similarity',
        'center',
        '--max-range',
        '50',
        '--min-points',
        '5',
        '--classes',
        'Car,Van',
        '--ignore',
        '',
      ]),
    ).toEqual({
      // prettier-ignore
      a: 'a',
      b: 'b',
      options: { iouThresholds: [0.3, 0.5], byClass: true, similarity: 'center', maxRange: 50, minPoints: 5, classes: ['Car', 'Van'], ignoreClasses: [] }, // prettier-ignore
    });
  });

  it('refuses what does not fit', () => {
    for (const args of [
      ['a'],
      ['a', 'b', 'c'],
      ['a', 'b', '--iou', '0,0.5'],
      ['a', 'b', '--iou', '1.5'],
      ['a', 'b', '--similarity', 'giou'],
      ['a', 'b', '--max-range', '-1'],
      ['a', 'b', '--min-points', '2.5'],
      ['a', 'b', '--frob'],
      ['a', 'b', '--ignore'],
    ]) {
      // prettier-ignore
      expect(parseAgreeArgs(args), args.join(' ')).toBeUndefined();
    }
  });
});

describe('the built CLI: frustum agree', () => {
  it('finds a KITTI sequence in full agreement with itself', () => {
    const { code, stdout, stderr } = runBuilt(['agree', TRACKING, TRACKING, '--by-class']);
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout) as Report;
    expect(report).toMatchObject({ similarity: '3d-iou', iouThresholds: [0.5, 0.7] });
    expect(report.detection.atIou['0.5']).toMatchObject({ fp: 0, fn: 0, recall: 1 });
    expect(report.detection.atIou['0.7']!.tp).toBe(report.boxes.reference);
    expect(report.detection.meanIou3d).toBe(1);
    expect(report.tracking).toMatchObject({ mota: 1, hota: 1, idSwitches: 0 });
    expect(Object.keys(report.byClass!)).toEqual(['Car', 'Egocar', 'Van']);
  });

  it('counts a deleted object as misses one way and extras the other', () => {
    const n = car0Boxes();
    expect(n).toBeGreaterThan(50);
    const run = (a: string, b: string, extra: string[] = []) => {
      const { code, stdout, stderr } = runBuilt(['agree', a, b, ...extra]);
      expect([code, stderr]).toEqual([0, '']);
      return JSON.parse(stdout) as Report;
    };
    const missing = run(TRACKING, DAMAGED, ['--iou', '0.3,0.5', '--similarity', 'bev-iou']);
    expect(missing.similarity).toBe('bev-iou');
    expect(missing.detection.atIou['0.3']).toMatchObject({ fp: 0, fn: n });
    expect(missing.detection.atIou['0.5']!.tp).toBe(missing.boxes.reference - n);
    const extra = run(DAMAGED, TRACKING);
    expect(extra.detection.atIou['0.5']).toMatchObject({ fp: n, fn: 0 });
  });

  it('says how to call it, in English and in Chinese, and names an unreadable input', () => {
    const usage = runBuilt(['agree', TRACKING]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^Usage: frustum agree <reference> <other>/);
    expect(runBuilt(['help']).stdout).toMatch(/\n {2}agree +\S/);
    expect(runBuilt(['help'], 'zh_CN.UTF-8').stdout).toContain('比较同一场景的两套标注');
    const missing = runBuilt(['agree', TRACKING, path.join(scratch, 'nothing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nothing.json');
  });
});
