import type { PointCloudFormat } from '../formats/pointcloud/decoded-point-cloud';
import { readPointCloudFile } from '../formats/pointcloud/read-point-cloud-file';

/** What `frustum inspect` says about one point-cloud file. */
export interface InspectReport {
  format: PointCloudFormat;
  /** Valid points: those the reader kept (a PCD's NaN and (0, 0, 0) returns are not counted). */
  points: number;
  /** Every field of the file as stored, padding fields included. */
  fields: { name: string; type: string }[];
  /** Over the valid points, metres, in the file's own sensor frame (no egoFromLidar applied). */
  bounds: { min: [number, number, number]; max: [number, number, number] };
}

/** Reads a point-cloud file (chosen by name and size, as the app does) and reports its format, size and extent. */
export function inspectFile(bytes: Uint8Array, fileName: string): InspectReport {
  const cloud = readPointCloudFile(bytes, fileName);
  return {
    format: cloud.format,
    points: cloud.count,
    fields: cloud.fields.map(({ name, type }) => ({ name, type })),
    bounds: { min: [...cloud.bounds.min], max: [...cloud.bounds.max] },
  };
}
