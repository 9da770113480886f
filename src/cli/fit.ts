import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findClass, generalDriving } from '../core/model/default-ontology';
import { fitCuboidAtClick } from '../core/fit/fit-cuboid-at-click';
import type { FitResult } from '../core/fit/fit-result';
import { identity } from '../core/math/mat4';
import { readPointCloudFileAsync } from '../formats/pointcloud/read-point-cloud-file-async';
import { lasOrigin } from './las-origin';

/** What `frustum fit <file> --at x,y [--class id]` asks for. */
export interface FitArgs {
  file: string;
  /** Metres, in the file's own frame (its sensor frame; a LAS / LAZ file's CRS). */
  at: { x: number; y: number };
  /** A class of the general driving ontology. */
  classId: string;
}

/** Parses the arguments after `fit`; undefined when they are not `<file> --at x,y [--class id]`. */
export function parseFitArgs(args: readonly string[]): FitArgs | undefined {
  let file: string | undefined;
  let at: FitArgs['at'] | undefined;
  let classId = 'car';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--at') {
      const parts = (args[++i] ?? '').split(',');
      const [x, y] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
      if (parts.length !== 2 || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
      at = { x: x!, y: y! };
    } else if (arg === '--class') {
      classId = args[++i] ?? '';
      if (!findClass(generalDriving, classId)) return undefined;
    } else if (arg.startsWith('-') || file !== undefined) return undefined;
    else file = arg;
  }
  return file !== undefined && at ? { file, at, classId } : undefined;
}

/**
 * Reads a point-cloud file and fits a cuboid at the click, in the FILE's own frame: a bare file carries no
 * calibration, so its sensor frame stands in for the ego frame (egoFromLidar = identity; for KITTI Velodyne
 * the two coincide). A LAS / LAZ file's frame is its CRS: the click and the box are in file coordinates,
 * rebased on the way in and out like the points, and the sensor that the heading and completion rules look
 * from is taken at the rebased origin (the header bounds' centre), as in the app. Undefined when no object is
 * at the click; rejects when the file cannot be read.
 */
export async function fitFile(args: FitArgs): Promise<FitResult | undefined> {
  const bytes = new Uint8Array(await readFile(args.file));
  const cloud = await readPointCloudFileAsync(bytes, path.basename(args.file));
  const [ox, oy, oz] = lasOrigin(cloud) ?? [0, 0, 0];
  const fit = fitCuboidAtClick(cloud, identity(), { x: args.at.x - ox, y: args.at.y - oy }, { classId: args.classId }); // prettier-ignore
  if (!fit) return undefined;
  const [x, y, z] = fit.position;
  return { ...fit, position: [x + ox, y + oy, z + oz] };
}

/** One JSON line: position and size to the millimetre, yaw to 0.1 mrad. */
export function formatFitResult(result: FitResult): string {
  const mm = (v: number) => Math.round(v * 1000) / 1000;
  return JSON.stringify({
    position: result.position.map(mm),
    size: result.size.map(mm),
    yaw: Math.round(result.yaw * 1e4) / 1e4,
    points: result.points,
  });
}
