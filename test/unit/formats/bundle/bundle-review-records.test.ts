import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PinnedIssue, ReviewRound, Verdict } from '../../../../src/core/model/review';
import { bundleFromLabelSet } from '../../../../src/formats/bundle/bundle-from-label-set';
import { BUNDLE_VERSION } from '../../../../src/formats/bundle/frustum-bundle';
import { readBundle } from '../../../../src/formats/bundle/read-bundle';
import { writeBundle } from '../../../../src/formats/bundle/write-bundle';
import { testLineage } from '../labels/label-set-fixtures';
import { randomLabelSet } from '../labels/random-label-set';

function reviewRecords(sceneId: string): [Verdict, PinnedIssue, ReviewRound] {
  const target = { kind: 'box', trackId: 't1', frameIndex: 3 } as const;
  return [
    { type: 'verdict', id: 'verdict:box:t1@3', sceneId, target, decision: 'reject', author: 'rita', time: 5, labelDigest: 'ab12' }, // prettier-ignore
    { type: 'issue', id: 'i1', sceneId, target, defect: 'wrong-heading', severity: 'major', comment: '反了', rootCause: 'carelessness', author: 'rita', time: 5, labelDigest: 'ab12', roundId: 'r1', events: [{ kind: 'opened', author: 'rita', time: 5 }, { kind: 'fixed', author: 'ann', time: 9, comment: 'turned' }] }, // prettier-ignore
    { type: 'review-round', id: 'r1', sceneId, reviewer: 'rita', startedAt: 1, closedAt: 7, versionId: 'v1', plan: { kind: 'acceptance', aql: 1, level: 'II' }, unit: 'box', seed: 42, sample: ['box:t1@3'], lotSize: 20, acceptance: { severity: 'normal', codeLetter: 'C', sampleSize: 5, accept: 0, reject: 1 }, outcome: { nonconforming: 1, inspected: 5, passed: false } }, // prettier-ignore
  ];
}

describe('review records in bundles (format version 4)', () => {
  it('carries verdicts, issues with their events, rounds and who made each box, exactly', () => {
    const bundle = bundleFromLabelSet(randomLabelSet(7), testLineage(), 'r.zip');
    const stamped = bundle.records.map((r) => (r.type === 'cuboid' ? { ...r, madeBy: 'ann', changedBy: 'bo', changedAt: 3 } : r)); // prettier-ignore
    const records = [...stamped, ...reviewRecords(bundle.scene.id)];
    const read = readBundle(writeBundle({ ...bundle, records }), 'r.zip');
    expect(read.records).toEqual(records);
    expect(BUNDLE_VERSION).toBeGreaterThanOrEqual(4);
  });

  it('a version 3 bundle (written before review records) still opens', () => {
    const entries = unzipSync(writeBundle(bundleFromLabelSet(randomLabelSet(8), testLineage(), 'v3.zip')));
    const index = JSON.parse(strFromU8(entries['bundle.json']!)) as { version: number };
    entries['bundle.json'] = strToU8(JSON.stringify({ ...index, version: 3 }));
    const read = readBundle(zipSync(entries), 'v3.zip');
    expect(read.records.filter((r) => r.type === 'cuboid').length).toBeGreaterThan(0);
  });

  it('an issue without its events is refused, naming the bundle, the part and the field', () => {
    const bundle = bundleFromLabelSet(randomLabelSet(9), testLineage(), 'bad.zip');
    const [, issue] = reviewRecords(bundle.scene.id);
    const broken = { ...issue, events: undefined } as unknown as PinnedIssue;
    expect(() => readBundle(writeBundle({ ...bundle, records: [...bundle.records, broken] }), 'bad.zip')).toThrow(
      new RegExp(`bad\\.zip/labels/current\\.json.*/${bundle.records.length}/events must be an array`),
    );
  });
});
