import { createDemoDrive, DEMO_SEED, groundTruthAt, type DemoDrive } from '../../../../src/core/demo/index';
import type { Detection, Detector, DetectorInput } from '../../../../src/core/prelabel/types';

/**
 * A test double of a learned detector (what an ONNX model would be behind the `Detector` interface): it answers
 * each sweep with the demo drive's ground truth of that frame, recognised by the sweep's point count, with a
 * score, as a model's output would come. Records what it was asked, so tests can see the pipeline's calls.
 */
export class GroundTruthModel implements Detector {
  readonly model = 'test-double-model';
  readonly version = '0.0.1+onnx';
  readonly asked: DetectorInput[] = [];
  readonly drive: DemoDrive;
  #frameOfCount = new Map<number, number>();

  constructor(drive = createDemoDrive(DEMO_SEED)) {
    this.drive = drive;
  }

  /** Tells the double which frame a sweep of `count` points is (sweeps of the demo differ in size). */
  expect(frameIndex: number, count: number): void {
    this.#frameOfCount.set(count, frameIndex);
  }

  async detect(input: DetectorInput): Promise<Detection[]> {
    this.asked.push(input);
    const frame = this.#frameOfCount.get(input.cloud.count);
    if (frame === undefined) throw new Error(`test double: no frame with ${input.cloud.count} points`);
    const truth = groundTruthAt(this.drive, frame);
    const classOf = new Map(truth.tracks.map((t) => [t.id, t.classId]));
    return truth.cuboids
      .filter((c) => Math.hypot(c.position[0], c.position[1]) < 50)
      .map((c) => ({
        classId: classOf.get(c.trackId) ?? 'car',
        score: 0.9,
        position: c.position,
        size: c.size,
        yaw: c.yaw,
        points: 100,
      })) // prettier-ignore
      .filter((d) => input.classes.includes(d.classId));
  }
}
