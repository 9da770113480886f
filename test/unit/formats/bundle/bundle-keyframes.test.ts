import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundleFromLabelSet } from '../../../../src/formats/bundle/bundle-from-label-set';
import { BUNDLE_VERSION } from '../../../../src/formats/bundle/frustum-bundle';
import { readBundle } from '../../../../src/formats/bundle/read-bundle';
import { writeBundle } from '../../../../src/formats/bundle/write-bundle';
import { validateFrustumManifest } from '../../../../src/formats/scene/validate-frustum-manifest';
import { testLineage } from '../labels/label-set-fixtures';
import { randomLabelSet } from '../labels/random-label-set';

/** A label set whose odd frames are sweeps between keyframes, with the dataset's ids on frames and boxes. */
function withSweeps(seed: number) {
  const bundle = bundleFromLabelSet(randomLabelSet(seed), testLineage(), 'k.zip');
  const frames = bundle.scene.frames.map((f, i) => ({
    ...f,
    externalId: `token-${i}`,
    ...(i % 2 === 1 ? { keyframe: false } : {}),
  }));
  const records = bundle.records.map((r, i) => (r.type === 'cuboid' ? { ...r, externalId: `ann-${i}` } : r));
  return { ...bundle, scene: { ...bundle.scene, frames }, records };
}

describe('sweeps between keyframes in bundles (format version 5)', () => {
  it('keeps which frames are sweeps and the dataset’s ids of frames and boxes, in scene.json and the manifest', () => {
    const bundle = withSweeps(3);
    const bytes = writeBundle(bundle);
    const read = readBundle(bytes, 'k.zip');
    expect(BUNDLE_VERSION).toBeGreaterThanOrEqual(5);
    expect(read.scene.frames).toEqual(bundle.scene.frames);
    expect(read.records).toEqual(bundle.records);
    const manifestText = strFromU8(unzipSync(bytes)['manifest.json']!);
    const manifest = validateFrustumManifest(manifestText, 'manifest.json');
    expect(manifest.frames.map((f) => f.keyframe)).toEqual(bundle.scene.frames.map((f) => f.keyframe));
    expect(manifest.frames.map((f) => f.externalId)).toEqual(bundle.scene.frames.map((f) => f.externalId));
  });

  it('a version 4 bundle (frames without the flag) still opens, every frame a keyframe', () => {
    const entries = unzipSync(writeBundle(bundleFromLabelSet(randomLabelSet(4), testLineage(), 'v4.zip')));
    const index = JSON.parse(strFromU8(entries['bundle.json']!)) as { version: number };
    entries['bundle.json'] = strToU8(JSON.stringify({ ...index, version: 4 }));
    const read = readBundle(zipSync(entries), 'v4.zip');
    expect(read.scene.frames.length).toBeGreaterThan(0);
    expect(read.scene.frames.every((f) => f.keyframe !== false)).toBe(true);
  });

  it('a manifest frame whose keyframe flag is not a boolean is refused, naming the field', () => {
    const bundle = withSweeps(5);
    const entries = unzipSync(writeBundle(bundle));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as { frames: Record<string, unknown>[] };
    manifest.frames[1]!['keyframe'] = 'no';
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));
    expect(() => readBundle(zipSync(entries), 'k.zip')).toThrow(
      /manifest\.json.*\/frames\/1\/keyframe must be boolean/,
    );
  });
});
