import type { FileProblem, ProblemCode, ProblemValues } from '../problems/file-problem';
import type { FrustumManifest } from './frustum-manifest';

/** How far a rotation may be from orthonormal (determinant 1, RᵀR = I) and still count as rigid. */
const RIGID_TOLERANCE = 1e-3;

/**
 * The checks a schema cannot express: duplicate or unknown sensor ids, transforms that are not rigid, frames
 * out of time order, label frames out of range, and files the manifest lists but the folder lacks. Each gives
 * a problem naming the manifest (or, for a missing file, the file) and the JSON path; none stops the import.
 * `listed` tells whether a path (already joined with the manifest's folder) exists.
 */
export function checkFrustumManifest(
  manifest: FrustumManifest,
  manifestPath: string,
  folder: string,
  listed: (path: string) => boolean,
): FileProblem[] {
  const problems: FileProblem[] = [];
  const note = (code: ProblemCode, place: string, message: string, values?: ProblemValues) =>
    problems.push({ path: manifestPath, code, message, place, ...(values && { values }) });
  const lidarIds = uniqueIds(manifest.lidars, '/lidars', note);
  const cameraIds = uniqueIds(manifest.cameras ?? [], '/cameras', note);
  const rigid = (m: readonly number[] | undefined, where: string) => {
    const fault = m && rigidityFault(m);
    if (fault) note('manifest.transform.not-rigid', where, `is not a rigid transform (${fault})`);
  };
  manifest.lidars.forEach((l, i) => rigid(l.egoFromLidar, `/lidars/${i}/egoFromLidar`));
  manifest.cameras?.forEach((c, i) => {
    rigid(c.cameraFromEgo, `/cameras/${i}/cameraFromEgo`);
    rigid(c.referenceFromCamera, `/cameras/${i}/referenceFromCamera`);
  });
  manifest.frames.forEach((frame, f) => {
    rigid(frame.worldFromEgo, `/frames/${f}/worldFromEgo`);
    const previous = manifest.frames[f - 1];
    if (previous && frame.timestampUs <= previous.timestampUs) {
      note(
        'manifest.frame.time-order',
        `/frames/${f}/timestampUs`,
        `${frame.timestampUs} is not after the previous frame's ${previous.timestampUs}`,
        { time: frame.timestampUs, previous: previous.timestampUs },
      );
    }
    for (const [kind, ids, samples] of [
      ['lidar', lidarIds, frame.lidar],
      ['cameras', cameraIds, frame.cameras ?? []],
    ] as const) {
      samples.forEach((s, k) => {
        const where = `/frames/${f}/${kind}/${k}`;
        if (!ids.has(s.sensorId))
          note(
            'manifest.sensor.unknown',
            `${where}/sensorId`,
            `"${s.sensorId}" names no ${kind === 'lidar' ? 'LiDAR' : 'camera'}`,
            { sensor: s.sensorId },
          );
        if (!listed(folder + s.path)) {
          problems.push({
            path: folder + s.path,
            code: 'manifest.file.missing',
            message: `listed in ${manifestPath} at ${where}/path but not in the folder`,
            values: { manifest: manifestPath, at: `${where}/path` },
          });
        }
      });
    }
  });
  manifest.labels?.forEach((l, i) => {
    if (l.frame >= manifest.frames.length)
      note(
        'manifest.label.frame-range',
        `/labels/${i}/frame`,
        `${l.frame} is beyond the last frame (${manifest.frames.length - 1})`,
        { frame: l.frame, last: manifest.frames.length - 1 },
      );
  });
  return problems;
}

function uniqueIds(
  sensors: readonly { id: string }[],
  where: string,
  note: (code: ProblemCode, w: string, m: string, values?: ProblemValues) => void,
): Set<string> {
  const ids = new Set<string>();
  sensors.forEach((s, i) => {
    if (ids.has(s.id))
      note('manifest.sensor.duplicate', `${where}/${i}/id`, `"${s.id}" is used twice`, { sensor: s.id });
    ids.add(s.id);
  });
  return ids;
}

/** Why a row-major 4×4 is not rigid, or undefined when it is (within `RIGID_TOLERANCE`). */
export function rigidityFault(m: readonly number[]): string | undefined {
  if (m[12] !== 0 || m[13] !== 0 || m[14] !== 0 || m[15] !== 1) return 'its last row must be 0 0 0 1';
  const r = (row: number, col: number) => m[row * 4 + col]!;
  const det =
    r(0, 0) * (r(1, 1) * r(2, 2) - r(1, 2) * r(2, 1)) -
    r(0, 1) * (r(1, 0) * r(2, 2) - r(1, 2) * r(2, 0)) +
    r(0, 2) * (r(1, 0) * r(2, 1) - r(1, 1) * r(2, 0));
  if (Math.abs(det - 1) > RIGID_TOLERANCE) return `rotation determinant ${det.toPrecision(6)}, expected 1`;
  for (let a = 0; a < 3; a++) {
    for (let b = a; b < 3; b++) {
      const dot = r(0, a) * r(0, b) + r(1, a) * r(1, b) + r(2, a) * r(2, b);
      if (Math.abs(dot - (a === b ? 1 : 0)) > RIGID_TOLERANCE) return 'its rotation columns are not orthonormal';
    }
  }
  return undefined;
}
