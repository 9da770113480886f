import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dismissFinding } from '../../../../src/core/edits/dismiss-finding';
import type { AutoIssue } from '../../../../src/core/model/review-issue';
import { bundleFromLabelSet } from '../../../../src/formats/bundle/bundle-from-label-set';
import { BUNDLE_VERSION } from '../../../../src/formats/bundle/frustum-bundle';
import { readBundle } from '../../../../src/formats/bundle/read-bundle';
import { writeBundle } from '../../../../src/formats/bundle/write-bundle';
import { testLineage } from '../labels/label-set-fixtures';
import { randomLabelSet } from '../labels/random-label-set';

const issue = (sceneId: string): AutoIssue => ({
  kind: 'auto',
  id: 'size:t1:0-4',
  sceneId,
  check: 'size',
  severity: 'warning',
  frames: [0, 4],
  frame: 2,
  trackId: 't1',
  value: 12,
  limit: 6.2,
  params: { dimension: 'length', bound: 'max' },
  status: 'open',
  firstSeen: 1,
  lastSeen: 2,
});

describe('review records and dismissals in bundles (format version 3)', () => {
  it('carries the checks’ findings and the dismissals among the labels, exactly', () => {
    const set = randomLabelSet(3);
    const bundle = bundleFromLabelSet(set, testLineage(), 'r.zip');
    const sceneId = bundle.scene.id;
    const dismissal = dismissFinding(new Map(), { sceneId, findingId: 'size:t1:0-4', reason: 'a car carrier', author: 'ana', time: 9 }).added[0]!; // prettier-ignore
    const written = { ...bundle, records: [...bundle.records, dismissal], reviews: [issue(sceneId)] };
    const read = readBundle(writeBundle(written), 'r.zip');
    expect(read.reviews).toEqual([issue(sceneId)]);
    expect(read.records.at(-1)).toEqual(dismissal);
    expect(BUNDLE_VERSION).toBeGreaterThanOrEqual(3);
  });

  it('a version 2 bundle (written before: reviews an empty list) still opens', () => {
    const entries = unzipSync(writeBundle(bundleFromLabelSet(randomLabelSet(4), testLineage(), 'v2.zip')));
    const index = JSON.parse(strFromU8(entries['bundle.json']!)) as { version: number };
    entries['bundle.json'] = strToU8(JSON.stringify({ ...index, version: 2 }));
    const read = readBundle(zipSync(entries), 'v2.zip');
    expect(read.reviews).toEqual([]);
    expect(read.records.length).toBeGreaterThan(0);
  });

  it('a review record of a kind this version does not know is refused, naming the part and the field', () => {
    const bundle = bundleFromLabelSet(randomLabelSet(5), testLineage(), 'bad.zip');
    const bad = { ...issue(bundle.scene.id), kind: 'manual' } as unknown as AutoIssue;
    expect(() => readBundle(writeBundle({ ...bundle, reviews: [bad] }), 'bad.zip')).toThrow(/reviews\.json.*\/0\/kind must be auto/); // prettier-ignore
  });
});
