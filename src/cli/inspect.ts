import type { PointCloudFormat } from '../formats/pointcloud/decoded-point-cloud';
import { readPointCloudFileAsync } from '../formats/pointcloud/read-point-cloud-file-async';
import { measureBounds } from '../core/model/point-cloud';
import { lasOrigin } from './las-origin';

type Vec3 = [number, number, number];

/** What `frustum inspect` says about one point-cloud file. */
export interface InspectReport {
  format: PointCloudFormat;
  /** Valid points: those the reader kept (a PCD's NaN and (0, 0, 0) returns are not counted). */
  points: number;
  /** Every field of the file as stored, padding fields included. */
  fields: { name: string; type: string }[];
  /**
   * Over the valid points, in the file's own coordinates: metres in its sensor frame, or for LAS / LAZ the
   * file's CRS (UTM eastings and northings, say), no egoFromLidar applied.
   */
  bounds: { min: Vec3; max: Vec3 };
  /**
   * LAS / LAZ only: the whole-unit file coordinate that the app's float32 positions count from (the centre of
   * the header's bounds), so that a position seen in the app plus `origin` is the file's coordinate.
   */
  origin?: Vec3;
}

/**
 * Reads a point-cloud file of any format the app reads (chosen by name and size, as the app does; LAZ through
 * its WebAssembly decoder) and reports its format, size and extent. Rejects with a `FormatError` naming it.
 */
export async function inspectFile(bytes: Uint8Array, fileName: string): Promise<InspectReport> {
  const cloud = await readPointCloudFileAsync(bytes, fileName);
  const bounds = measureBounds(cloud);
  const report: InspectReport = {
    format: cloud.format,
    points: cloud.count,
    fields: cloud.fields.map(({ name, type }) => ({ name, type })),
    bounds: { min: [...bounds.min], max: [...bounds.max] },
  };
  const origin = lasOrigin(cloud);
  if (!origin) return report;
  // The cloud's bounds are float32 positions relative to the origin; adding it back in float64 gives file
  // coordinates to within the float32 rounding of the relative value (≤ 0.03 mm within 1 km of the origin).
  const add = (v: Vec3): Vec3 => [v[0] + origin[0], v[1] + origin[1], v[2] + origin[2]];
  return { ...report, bounds: { min: add(report.bounds.min), max: add(report.bounds.max) }, origin };
}
