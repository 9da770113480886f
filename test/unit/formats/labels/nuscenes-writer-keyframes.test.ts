import { describe, expect, it } from 'vitest';
import { writeNuscenesStyle } from '../../../../src/formats/labels/nuscenes-writer';
import { tokenOf } from '../../../../src/formats/labels/nuscenes-style';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

type Row = Record<string, unknown>;
const TOKEN_A = 'a'.repeat(32);
const TOKEN_B = '0123456789abcdef'.repeat(2);

describe('nuScenes-style writer: keyframes and the dataset’s tokens', () => {
  it('writes frames with keyframe: false as no sample, and reports a box someone placed on one', () => {
    // Four frames; on the second, one stored box and two derived ones.
    const set = randomLabelSet(15);
    const sweep = set.scene.frames[1]!.index;
    const frames = set.scene.frames.map((f) => (f.index === sweep ? { ...f, keyframe: false } : f));
    const onSweep = set.cuboids.filter((c) => c.frameIndex === sweep);
    const { files, problems } = writeNuscenesStyle({ ...set, scene: { ...set.scene, frames } }, testLineage());
    const written = JSON.parse(files[0]!.text) as Record<string, Row[]>;
    expect(written['sample']!.map((s) => s['frame_index'])).toEqual(frames.filter((f) => f.keyframe !== false).map((f) => f.index)); // prettier-ignore
    expect(written['sample_annotation']).toHaveLength(set.cuboids.length - onSweep.length);
    expect([onSweep.length, onSweep.filter((c) => c.keyframe).length]).toEqual([3, 1]);
    expect(problems.filter((p) => p.code === 'nuscenes.sweep.boxes-dropped')).toEqual([expect.objectContaining({ values: { boxes: 1 } })]); // prettier-ignore
    // The samples either side of the sweep are linked to each other.
    const [before, after] = [frames[0]!.index, frames[2]!.index];
    const sampleAt = (index: number) => written['sample']!.find((s) => s['frame_index'] === index)!;
    expect([sampleAt(after)['prev'], sampleAt(before)['next']]).toEqual([sampleAt(before)['token'], sampleAt(after)['token']]); // prettier-ignore
  });

  it('keeps nuScenes tokens of frames and boxes, and makes tokens for other ids and for a token taken twice', () => {
    const set = randomLabelSet(11);
    const [first, second, third] = set.scene.frames;
    const frames = set.scene.frames.map((f) => (f === first ? { ...f, externalId: TOKEN_A } : f === second ? { ...f, externalId: 'not-a-token' } : f === third ? { ...f, externalId: TOKEN_A } : f)); // prettier-ignore
    const boxes = set.cuboids.slice(0, 2);
    const cuboids = set.cuboids.map((c) => (boxes.includes(c) ? { ...c, externalId: TOKEN_B } : c));
    const { files } = writeNuscenesStyle({ ...set, scene: { ...set.scene, frames }, cuboids }, testLineage());
    const written = JSON.parse(files[0]!.text) as Record<string, Row[]>;
    const sampleOf = (index: number) => written['sample']!.find((s) => s['frame_index'] === index)!['token'];
    expect(sampleOf(first!.index)).toBe(TOKEN_A);
    expect(sampleOf(second!.index)).toBe(tokenOf('sample', `${set.scene.id}/${second!.index}`));
    expect(sampleOf(third!.index)).toBe(tokenOf('sample', `${set.scene.id}/${third!.index}`));
    const tokens = written['sample_annotation']!.map((a) => a['token'] as string);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.filter((t) => t === TOKEN_B)).toHaveLength(1);
    const sorted = [...boxes].sort((a, b) => a.frameIndex - b.frameIndex);
    expect(tokens).toContain(tokenOf('sample_annotation', sorted[1]!.id));
    // Annotations name the sample tokens written.
    const samples = new Set(written['sample']!.map((s) => s['token']));
    expect(written['sample_annotation']!.every((a) => samples.has(a['sample_token']))).toBe(true);
  });
});
