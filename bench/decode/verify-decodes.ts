import type { DecodedPointCloud } from '../../src/formats/pointcloud/decoded-point-cloud';
import type { LidarSweep } from '../inputs/make-lidar-sweep';

/**
 * Checks, once per input and before any timing, that a decoder read the benchmark's bytes right, so that a
 * broken or short-circuited path is never timed. Throws naming `label` and the first difference.
 */
export function assertSamePositions(label: string, actual: Float32Array, sweep: LidarSweep): void {
  if (actual.length !== sweep.count * 3) {
    throw new Error(`${label}: ${actual.length / 3} points decoded, ${sweep.count} written`);
  }
  assertSameValues(`${label} positions`, actual, sweep.positions);
}

/** Frustum's cloud must hold every point and exactly the written values, attributes included. */
export function assertSameCloud(
  label: string,
  cloud: DecodedPointCloud,
  sweep: LidarSweep,
  attributes: Record<string, Float32Array>,
): void {
  if (cloud.count !== sweep.count || cloud.invalidCount !== 0) {
    throw new Error(`${label}: kept ${cloud.count} of ${sweep.count} points (${cloud.invalidCount} dropped)`);
  }
  assertSamePositions(label, cloud.positions, sweep);
  const names = Object.keys(cloud.attributes).sort().join(' ');
  const expected = Object.keys(attributes).sort().join(' ');
  if (names !== expected) throw new Error(`${label}: attributes "${names}", expected "${expected}"`);
  for (const [name, values] of Object.entries(attributes)) {
    assertSameValues(`${label} ${name}`, cloud.attributes[name]!, values);
  }
}

function assertSameValues(label: string, actual: Float32Array, expected: Float32Array): void {
  if (actual.length !== expected.length)
    throw new Error(`${label}: ${actual.length} values, ${expected.length} written`);
  for (let i = 0; i < expected.length; i++) {
    // Object.is, so that a NaN written would have to be read back as NaN; -0 and 0 differ too.
    if (!Object.is(actual[i], expected[i])) {
      throw new Error(`${label}: value ${i} is ${actual[i]}, ${expected[i]} written`);
    }
  }
}
