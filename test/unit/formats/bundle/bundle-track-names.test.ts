import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LabelRecord, Track } from '../../../../src/core/model/labels';
import { trackDisplayNames } from '../../../../src/core/model/track-names';
import { bundleFromLabelSet } from '../../../../src/formats/bundle/bundle-from-label-set';
import { checkRecords } from '../../../../src/formats/bundle/check-bundle-parts';
import { BUNDLE_VERSION } from '../../../../src/formats/bundle/frustum-bundle';
import { readBundle } from '../../../../src/formats/bundle/read-bundle';
import { writeBundle } from '../../../../src/formats/bundle/write-bundle';
import { testLineage } from '../labels/label-set-fixtures';
import { randomLabelSet } from '../labels/random-label-set';

/** A set with at least two tracks of one class, some with a dataset id and name (randomLabelSet gives them). */
function setWithNames() {
  for (let seed = 1; ; seed++) {
    const set = randomLabelSet(seed);
    const cars = set.tracks.filter((t) => t.classId === set.tracks[0]!.classId);
    if (cars.length >= 2 && set.tracks.some((t) => t.externalId) && set.tracks.some((t) => t.name)) return set;
  }
}

const isTrack = (r: LabelRecord): r is Track => r.type === 'track';

describe('track names and dataset ids in bundles', () => {
  it('a bundle written before they existed opens, its tracks shown by per-class numbers', () => {
    const set = setWithNames();
    const plain = { ...set, tracks: set.tracks.map(({ name: _, externalId: __, number: ___, ...t }) => t) };
    // As the previous release wrote it: format version 1, no new fields.
    const entries = unzipSync(writeBundle(bundleFromLabelSet(plain, testLineage(), 'old.zip')));
    const index = JSON.parse(strFromU8(entries['bundle.json']!)) as { version: number };
    entries['bundle.json'] = strToU8(JSON.stringify({ ...index, version: 1 }));
    const bytes = zipSync(entries);
    const read = readBundle(bytes, 'old.zip');
    const tracks = read.records.filter(isTrack);
    expect(tracks).toEqual(plain.tracks);
    const shown = [...trackDisplayNames(tracks, (c) => c).values()];
    expect(new Set(shown).size).toBe(tracks.length);
    for (const name of shown) expect(name).toMatch(/^\S+ \d+$/);
  });

  it('keeps them exactly in a bundle of version 2 or later', () => {
    const set = setWithNames();
    const tracks = set.tracks.map((t, i) => ({ ...t, number: i + 1 }));
    const read = readBundle(writeBundle(bundleFromLabelSet({ ...set, tracks }, testLineage(), 'new.zip')), 'new.zip');
    expect(read.records.filter(isTrack)).toEqual(tracks);
    expect(BUNDLE_VERSION).toBeGreaterThanOrEqual(2);
    // The record checks ask only for type, id and scene id: fields a reader does not know pass through.
    expect(checkRecords([...tracks, { ...tracks[0]!, sizeSource: 'manual' }], '/records')).toEqual([]);
  });
});
