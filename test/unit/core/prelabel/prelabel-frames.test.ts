import { describe, expect, it } from 'vitest';
import { simulateSweep } from '../../../../src/core/demo/index';
import { prelabelFrames, type PrelabelFrameInput } from '../../../../src/core/prelabel/prelabel-frames';
import { prelabelRecords } from '../../../../src/core/prelabel/prelabel-records';
import { createClassicDetector } from '../../../../src/core/prelabel/detect';
import { bevIou } from '../../../../src/core/fit/index';
import { GroundTruthModel } from './model-double';

const FRAMES = 6;

function framesOf(model: GroundTruthModel, count = FRAMES): PrelabelFrameInput[] {
  const { drive } = model;
  return Array.from({ length: count }, (_, i) => {
    const cloud = simulateSweep(drive, i);
    model.expect(i, cloud.count);
    const frame = drive.scene.frames[i]!;
    return { frameIndex: i, time: frame.timestampUs / 1e6, worldFromEgo: frame.worldFromEgo!, cloud, egoFromLidar: drive.scene.lidars[0]!.egoFromLidar }; // prettier-ignore
  });
}

describe('prelabelFrames: any detector behind the interface, then the tracker', () => {
  it('runs a model double on every frame in order and tracks what it finds, naming the model in every box', async () => {
    const model = new GroundTruthModel();
    const frames = framesOf(model);
    const progress: number[] = [];
    const result = await prelabelFrames(frames, { detector: model, classes: ['car'], onFrame: (done) => progress.push(done) }); // prettier-ignore
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(model.asked.map((a) => a.cloud.count)).toEqual(frames.map((f) => f.cloud.count));
    expect(model.asked.every((a) => a.classes.length === 1 && a.classes[0] === 'car')).toBe(true);
    expect(result.model).toBe('test-double-model');
    const records = prelabelRecords('s', result, (() => { let n = 0; return () => `id${++n}`; })()); // prettier-ignore
    expect(records.tracks.length).toBeGreaterThan(3);
    expect(records.cuboids.every((c) => c.source.kind === 'prelabel' && c.source.model === 'test-double-model' && c.source.version === '0.0.1+onnx')).toBe(true); // prettier-ignore
    expect(records.tracks.every((t) => t.classId === 'car' && t.rigid)).toBe(true);
    // The double saw ground truth: on a middle frame nearly every car it reported is one of the tracks' boxes
    // (a car first seen on the last frames may still be tentative: a track is born after a few hits).
    const middle = await model.detect({ ...model.asked[3]!, classes: ['car'] });
    const onMiddle = records.cuboids.filter((c) => c.frameIndex === 3);
    const matched = middle.filter((d) => onMiddle.some((c) => bevIou(c, d) > 0.5));
    expect(middle.length).toBeGreaterThan(3);
    expect(matched.length / middle.length).toBeGreaterThanOrEqual(0.9);
  });

  it('stops when cancelled, before the next frame', async () => {
    const model = new GroundTruthModel();
    const abort = new AbortController();
    const run = prelabelFrames(framesOf(model), { detector: model, signal: abort.signal, onFrame: (done) => done === 2 && abort.abort() }); // prettier-ignore
    await expect(run).rejects.toThrow();
    expect(model.asked.length).toBe(2);
  });

  it('the classic engine names itself with a version that ends in its parameters’ hash', () => {
    const a = createClassicDetector();
    expect(a.model).toBe('frustum-classic');
    expect(a.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
    expect(createClassicDetector().version).toBe(a.version);
  });
});
