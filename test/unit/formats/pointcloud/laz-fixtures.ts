import { readFileSync } from 'node:fs';
import { makeLas, makeLasPoints } from './make-las';

/**
 * The LAZ files in `fixtures/`: each is `makeLas(makeLasPoints(points, seed), { format, version, extraBytes })`
 * compressed by laz-perf 3.4's C++ writer in chunks of `chunkSize` points (see fixtures/README.md), so that
 * a test can compare the decoded LAZ with the same points written as LAS.
 */
export interface LazFixture {
  name: string;
  format: number;
  version: '1.2' | '1.3' | '1.4';
  extraBytes: number;
  points: number;
  seed: number;
  chunkSize: number;
}

export const LAZ_FIXTURES: LazFixture[] = [
  { name: 'format0-v1.2', format: 0, version: '1.2', extraBytes: 0, points: 150, seed: 10, chunkSize: 50 },
  { name: 'format1-v1.3', format: 1, version: '1.3', extraBytes: 0, points: 150, seed: 11, chunkSize: 50 },
  { name: 'format2-v1.2-extra3', format: 2, version: '1.2', extraBytes: 3, points: 150, seed: 12, chunkSize: 64 },
  { name: 'format3-v1.4', format: 3, version: '1.4', extraBytes: 0, points: 150, seed: 13, chunkSize: 50 },
  { name: 'format6-v1.4', format: 6, version: '1.4', extraBytes: 0, points: 150, seed: 16, chunkSize: 50 },
  { name: 'format7-v1.4-extra2', format: 7, version: '1.4', extraBytes: 2, points: 150, seed: 17, chunkSize: 64 },
  { name: 'format8-v1.4', format: 8, version: '1.4', extraBytes: 0, points: 150, seed: 18, chunkSize: 50 },
];

/** The bytes of a fixture's LAZ file. */
export function readLazFixture(fixture: LazFixture): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`fixtures/${fixture.name}.laz`, import.meta.url)));
}

/** The same points as the fixture, written as uncompressed LAS. */
export function makeFixtureLas(fixture: LazFixture): Uint8Array {
  const points = makeLasPoints(fixture.points, fixture.seed);
  return makeLas(points, { format: fixture.format, version: fixture.version, extraBytes: fixture.extraBytes });
}
