import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { loadLabelSet } from '../../../src/cli/load-label-set';
import type { LabelRecord } from '../../../src/core/model/labels';
import { bundleFromLabelSet } from '../../../src/formats/bundle/bundle-from-label-set';
import { writeBundle } from '../../../src/formats/bundle/write-bundle';
import { parseLintArgs, readDismissals, type LintReport } from '../../../src/cli/lint';

const TRACKING = fileURLToPath(new URL('../../../../shared/data/kitti-tracking-openlabel/', import.meta.url));
const SEQ = (n: string) => `${TRACKING}openlabel100_kitti_tracking_${n}.json`;
const KITTI_OBJECT = fileURLToPath(new URL('../../../../shared/data/kitti-object/training/', import.meta.url));

async function run(args: string[], lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { lang }, (l) => out.push(l), (l) => err.push(l)); // prettier-ignore
  return { code, out, err, report: out.length > 0 ? (JSON.parse(out.join('\n')) as LintReport) : undefined };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('parseLintArgs', () => {
  it('takes one input and the optional files, and refuses anything else', () => {
    expect(parseLintArgs(['a.json', '--profile', 'p.json', '--dismissals', 'd.json', '--ontology', 'kitti'])).toEqual({
      target: 'a.json',
      profile: 'p.json',
      dismissals: 'd.json',
      ontology: 'kitti',
    });
    expect(parseLintArgs(['a.json'])).toEqual({ target: 'a.json' });
    for (const bad of [
      [],
      ['a', 'b'],
      ['a', '--profile'],
      ['a', '--strict'],
      ['a', '--profile', 'p', '--profile', 'q'],
    ]) {
      expect(parseLintArgs(bad), bad.join(' ')).toBeUndefined();
    }
  });
});

describe('readDismissals', () => {
  it('reads an array or an object holding one, and names the file and place of a fault', () => {
    const d = { findingId: 'size:t:0-3', reason: 'a limousine' };
    expect(readDismissals(JSON.stringify([d]), 'd.json')).toEqual([d]);
    expect(readDismissals(JSON.stringify({ dismissals: [d] }), 'd.json')).toEqual([d]);
    expect(() => readDismissals('[{"findingId": 3}]', 'd.json')).toThrow(/d\.json: \/0\/findingId must be a string/);
    expect(() => readDismissals('{}', 'd.json')).toThrow(/d\.json: \/ must be an array/);
  });
});

describe('frustum lint', () => {
  it('prints usage and exits 2 on misuse', async () => {
    const { code, err } = await run(['lint']);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^Usage: frustum lint /);
    expect((await run(['lint'], 'zh_CN.UTF-8')).err[0]).toMatch(/^用法：frustum lint /);
  });

  it('exits 0 on a clean real sequence read without an ontology', async () => {
    const { code, report, err } = await run(['lint', SEQ('0001'), '--ontology', 'none']);
    expect([code, err]).toEqual([0, []]);
    expect(report!.counts.error).toBe(0);
    expect(report!.ontology).toBeNull();
  });

  it('checks a label file that names no ontology without one, and with the one asked for', async () => {
    // KITTI's OpenLABEL names no ontology: its classes and numeric `occluded` are not the fallback's to judge.
    const plain = await run(['lint', SEQ('0001')]);
    expect([plain.code, plain.report!.ontology, plain.report!.counts.error]).toEqual([0, null, 0]);
    const kitti = await run(['lint', SEQ('0001'), '--ontology', 'kitti']);
    expect(kitti.report!.ontology).toBe('kitti');
    expect(kitti.report!.findings.some((f) => f.check === 'attributeValue')).toBe(true);
  });

  it('exits 1 on error findings, prints them, and exits 0 once each is dismissed or its check is off', async () => {
    const { code, report } = await run(['lint', SEQ('0003'), '--ontology', 'kitti']);
    expect(code).toBe(1);
    const errors = report!.findings.filter((f) => f.severity === 'error');
    expect(new Set(errors.map((f) => f.check))).toEqual(new Set(['attributeValue', 'unknownClass']));
    expect(errors.find((f) => f.check === 'unknownClass')).toMatchObject({ track: 'Egocar', value: 'Egocar' });
    expect(errors[0]).toEqual(expect.objectContaining({ id: expect.any(String), frame: expect.any(Number), box: expect.any(String) })); // prettier-ignore
    const dismissals = path.join(scratch, 'dismissals.json');
    writeFileSync(dismissals, JSON.stringify(errors.map((f) => ({ findingId: f.id, reason: 'checked by hand' }))));
    const after = await run(['lint', SEQ('0003'), '--ontology', 'kitti', '--dismissals', dismissals]);
    expect(after.code).toBe(0);
    expect(after.report!.dismissed).toHaveLength(errors.length);
    expect(after.report!.dismissed[0]!.reason).toBe('checked by hand');
    const profile = path.join(scratch, 'lenient.json');
    writeFileSync(profile, JSON.stringify({ checks: { attributeValue: { severity: 'info' }, unknownClass: { enabled: false } } })); // prettier-ignore
    expect((await run(['lint', SEQ('0003'), '--ontology', 'kitti', '--profile', profile])).code).toBe(0);
  });

  it("honours the dismissals a Frustum bundle's labels hold", async () => {
    const { report, code } = await run(['lint', KITTI_OBJECT]);
    const errors = report!.findings.filter((f) => f.severity === 'error');
    expect([code, errors.length > 0]).toEqual([1, true]);
    const { set } = await loadLabelSet(KITTI_OBJECT);
    const lineage = { frustumVersion: '0', author: 'qa', time: '2026-01-01T00:00:00.000Z', inputs: [], ontology: { id: 'general-driving', version: 1 }, prelabelModels: [] }; // prettier-ignore
    const bundle = bundleFromLabelSet(set, lineage, 'scene.frustum');
    const dismissals: LabelRecord[] = errors.map((f) => ({ type: 'dismissal', id: `dismissal:${f.id}`, sceneId: set.scene.id, findingId: f.id, reason: 'seen', author: 'qa', time: 0 })); // prettier-ignore
    const file = path.join(scratch, 'scene.frustum');
    writeFileSync(file, writeBundle({ ...bundle, records: [...bundle.records, ...dismissals] }));
    const after = await run(['lint', KITTI_OBJECT, '--dismissals', file]);
    expect(after.err).toEqual([]);
    expect([after.code, after.report!.dismissed.length]).toEqual([0, errors.length]);
  });

  it('runs the point checks on a scene folder with sweeps, reading its points', async () => {
    // The real labelled objects hold returns and stand on the ground: no point finding as shipped …
    const { report } = await run(['lint', KITTI_OBJECT]);
    expect(report!.findings.filter((f) => ['points', 'belowGround', 'aboveGround'].includes(f.check))).toEqual([]);
    // … while a box needs more returns than any object has, every labelled box within range is found, each
    // with the count of the returns inside it, read from its sweep.
    const profile = path.join(scratch, 'many-points.json');
    writeFileSync(profile, JSON.stringify({ checks: { points: { params: { minPoints: 1_000_000 } } } }));
    const strict = (await run(['lint', KITTI_OBJECT, '--profile', profile])).report!.findings.filter((f) => f.check === 'points'); // prettier-ignore
    expect(strict.length).toBeGreaterThan(3);
    for (const f of strict) expect(f.value).toBeGreaterThan(0);
  });

  it('fails with one line naming the profile and the JSON path of a bad setting', async () => {
    const profile = path.join(scratch, 'typo.json');
    writeFileSync(profile, JSON.stringify({ checks: { speed: { params: { maxSped: 3 } } } }));
    const { code, err } = await run(['lint', SEQ('0001'), '--profile', profile]);
    expect(code).toBe(1);
    expect(err).toEqual(['frustum lint: typo.json: /checks/speed/params/maxSped is not a setting of speed: maxSpeed, windowS']); // prettier-ignore
  });
});
