import { describe, expect, it } from 'vitest';
import type { Cuboid, CuboidSource } from '../../../../src/core/model/labels';
import type { LabelSet } from '../../../../src/core/model/label-set';
import { buildLineage } from '../../../../src/formats/labels/build-lineage';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';
import { writeOpenLabel } from '../../../../src/formats/labels/openlabel-writer';
import { readNuscenesStyle } from '../../../../src/formats/labels/nuscenes-reader';
import { writeNuscenesStyle } from '../../../../src/formats/labels/nuscenes-writer';
import { readCsv } from '../../../../src/formats/labels/csv-reader';
import { writeCsv } from '../../../../src/formats/labels/csv-writer';
import { randomLabelSet } from './random-label-set';
import { testLineage } from './label-set-fixtures';

const ENGINE = { model: 'frustum-classic', version: '1.0.0+0a1b2c3d' };
/** Pending, confirmed, edited from the engine, plain manual: each box of track 0's first keyframes, in turn. */
const SOURCES: CuboidSource[] = [
  { kind: 'prelabel', ...ENGINE, score: 0.75 },
  { kind: 'prelabel', ...ENGINE, score: 0.5, confirmed: true },
  { kind: 'manual', from: { ...ENGINE } },
  { kind: 'manual' },
];

/** A label set whose keyframes take the four sources in turn. */
function withOutcomes(): LabelSet {
  const set = randomLabelSet(11);
  let k = 0;
  const cuboids = set.cuboids.map((c): Cuboid => (c.keyframe ? { ...c, source: SOURCES[k++ % SOURCES.length]! } : c));
  return { ...set, cuboids };
}

const sourcesOf = (cuboids: readonly Cuboid[]) =>
  [...cuboids].sort((a, b) => a.frameIndex - b.frameIndex || (a.trackId < b.trackId ? -1 : 1)).filter((c) => c.keyframe).map((c) => c.source); // prettier-ignore

describe('what became of pre-labels, in label files', () => {
  it('OpenLABEL and the nuScenes-style JSON keep pending, confirmed and edited boxes and their engine', () => {
    const set = withOutcomes();
    const ol = readOpenLabel(writeOpenLabel(set, testLineage()).files[0]!.text, 'l.json').set;
    expect(sourcesOf(ol.cuboids)).toEqual(sourcesOf(set.cuboids));
    const ns = readNuscenesStyle(writeNuscenesStyle(set, testLineage(), 'n.json').files[0]!.text, 'n.json').set;
    expect(sourcesOf(ns.cuboids)).toEqual(sourcesOf(set.cuboids));
  });

  it('CSV keeps the engine of pre-labels and of edited boxes (its columns have no room for a confirmation)', () => {
    const set = withOutcomes();
    const csv = readCsv(writeCsv(set, testLineage()).files[0]!.text, 'l.csv').set;
    const unconfirmed = sourcesOf(set.cuboids).map((s) => (s.kind === 'prelabel' ? { ...s, confirmed: undefined } : s));
    expect(sourcesOf(csv.cuboids).map((s) => JSON.parse(JSON.stringify(s)) as unknown)).toEqual(unconfirmed.map((s) => JSON.parse(JSON.stringify(s)) as unknown)); // prettier-ignore
  });

  it('the lineage counts each engine’s pending, confirmed and edited boxes', async () => {
    const set = withOutcomes();
    const lineage = await buildLineage({ set, inputs: [], read: async () => new Uint8Array(), sha256: async () => '', author: 'a', time: 't' }); // prettier-ignore
    const keyframes = set.cuboids.filter((c) => c.keyframe);
    const count = (i: number) => keyframes.filter((_, k) => k % SOURCES.length === i).length;
    expect(lineage.prelabelModels).toEqual([
      {
        name: ENGINE.model,
        version: ENGINE.version,
        boxes: { pending: count(0), confirmed: count(1), edited: count(2) },
      },
    ]);
  });
});
