import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../src/cli/inspect';
import { LAZ_FIXTURES, makeFixtureLas, readLazFixture } from '../formats/pointcloud/laz-fixtures';
import { makeLas, makeLasPoints } from '../formats/pointcloud/make-las';
import { lasHeaderBounds as headerBounds } from './las-header-bounds';

/** Each of `got` within `tolerance` of `want`. */
function expectNear(got: readonly number[], want: readonly number[], tolerance: number) {
  expect(got).toHaveLength(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i]!), `[${i}] ${v} vs ${want[i]}`).toBeLessThanOrEqual(tolerance));
}

describe('inspectFile on LAS and LAZ', () => {
  it("reports a LAS file's bounds in its own coordinates, as its header states them, and the origin apart", async () => {
    // 4 km across around 635,619 E, 849,321 N: relative to the origin the positions reach ±2 km.
    const points = makeLasPoints(500, 3, [635_619, 849_321, 120], 2000);
    const bytes = makeLas(points, { format: 1, offset: [635_000, 849_000, 0] });
    const header = headerBounds(bytes);
    expect(header.min[0]).toBeGreaterThan(633_000);
    const report = await inspectFile(bytes, 'survey.las');
    expect(report.format).toBe('las');
    expect(report.points).toBe(500);
    // Float32 positions 2 km from the origin round to 0.12 mm; the file's own step is 1 mm.
    expectNear(report.bounds.min, header.min, 2e-4);
    expectNear(report.bounds.max, header.max, 2e-4);
    const centre = header.min.map((v, a) => Math.round((v + header.max[a]!) / 2));
    expect(report.origin).toEqual(centre);
    expect(Object.keys(report)).toEqual(['format', 'points', 'fields', 'bounds', 'origin']);
  });

  it('reads LAZ (no longer refused as asynchronous) to the same report as the same points in LAS', async () => {
    for (const fixture of LAZ_FIXTURES) {
      const laz = readLazFixture(fixture);
      const report = await inspectFile(laz, `${fixture.name}.laz`);
      const las = await inspectFile(makeFixtureLas(fixture), `${fixture.name}.las`);
      expect(report.format).toBe('laz');
      expect(report.points).toBe(fixture.points);
      expect(report.fields).toEqual(las.fields);
      expect(report.bounds).toEqual(las.bounds);
      expect(report.origin).toEqual(las.origin);
      // The fixtures lie around 500,000 E, 4,000,000 N (see laz-fixtures.ts); their writer recomputed the header.
      const header = headerBounds(laz);
      expectNear(report.bounds.min, header.min, 1e-4);
      expectNear(report.bounds.max, header.max, 1e-4);
      expect(report.bounds.min[1]).toBeGreaterThan(3_999_000);
    }
  });
});
