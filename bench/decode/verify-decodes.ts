import { attributeStride, positionStride } from '../../src/core/model/point-cloud';
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

/**
 * Frustum's cloud must hold every point and exactly the written values, attributes included, read at their
 * strides; `records`: whether it must be the file's records as read (what the memcpy rows time) or packed.
 */
export function assertSameCloud(
  label: string,
  cloud: DecodedPointCloud,
  sweep: LidarSweep,
  attributes: Record<string, Float32Array>,
  records: boolean,
): void {
  if (cloud.count !== sweep.count || cloud.invalidCount !== 0) {
    throw new Error(`${label}: kept ${cloud.count} of ${sweep.count} points (${cloud.invalidCount} dropped)`);
  }
  if (!!cloud.interleaved !== records) throw new Error(`${label}: ${records ? 'not' : 'unexpectedly'} records`);
  assertSamePositions(label, gather(cloud.positions, cloud.count, positionStride(cloud), 3), sweep);
  const names = Object.keys(cloud.attributes).sort().join(' ');
  const expected = Object.keys(attributes).sort().join(' ');
  if (names !== expected) throw new Error(`${label}: attributes "${names}", expected "${expected}"`);
  for (const [name, values] of Object.entries(attributes)) {
    const read = gather(cloud.attributes[name]!, cloud.count, attributeStride(cloud), 1);
    assertSameValues(`${label} ${name}`, read, values);
  }
}

/** `size` values a point, `stride` apart, packed into a new array (checking only, never timed). */
function gather(values: Float32Array, count: number, stride: number, size: number): Float32Array {
  const out = new Float32Array(count * size);
  for (let i = 0; i < count; i++) for (let k = 0; k < size; k++) out[i * size + k] = values[i * stride + k]!;
  return out;
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
