import { expect } from 'vitest';
import type { Cuboid } from '../../../../src/core/model/labels';

/** The gap between two angles, radians, whatever turns of 2π lie between them. */
export function angleGap(a: number, b: number): number {
  return 2 * Math.abs(Math.asin(Math.max(-1, Math.min(1, Math.sin((a - b) / 2)))));
}

/** Two lists of numbers agree within `tolerance` each. */
export function expectClose(
  got: readonly number[] | undefined,
  want: readonly number[] | undefined,
  tolerance: number,
): void {
  // prettier-ignore
  expect(got?.length).toBe(want?.length);
  got?.forEach((v, i) => expect(Math.abs(v - want![i]!), `[${i}] ${v} vs ${want![i]}`).toBeLessThanOrEqual(tolerance));
}

/** Position and size within `metres`, yaw (and, where asked, pitch and roll) within `radians`. */
export function expectPoseClose(
  got: Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>,
  want: Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>,
  metres: number,
  radians: number,
  withPitchRoll = true,
): void {
  expectClose(got.position, want.position, metres);
  expectClose(got.size, want.size, metres);
  expect(angleGap(got.yaw, want.yaw)).toBeLessThanOrEqual(radians);
  expect(got.yaw).toBeGreaterThan(-Math.PI);
  expect(got.yaw).toBeLessThanOrEqual(Math.PI);
  if (withPitchRoll) {
    expect(angleGap(got.pitch, want.pitch)).toBeLessThanOrEqual(radians);
    expect(angleGap(got.roll, want.roll)).toBeLessThanOrEqual(radians);
  }
}

/** Boxes keyed by track and frame, to match a read-back set with the one written. */
export function byTrackAndFrame(cuboids: readonly Cuboid[]): Map<string, Cuboid> {
  return new Map(cuboids.map((c) => [`${c.trackId}@${c.frameIndex}`, c]));
}
