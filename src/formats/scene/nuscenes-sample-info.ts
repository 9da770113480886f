import { FormatError } from '../pointcloud/format-error';
import { parseLenientJson } from './parse-lenient-json';

/** The problem code an import reports each fault of this format under. */
const MALFORMED = { code: 'nuscenes.info.malformed' } as const;

/** One camera of the nuScenes-style sample, with the dataset's names translated at the border. */
export interface NuscenesCameraInfo {
  name: string;
  /** Relative to the sample folder. */
  path: string;
  timestampUs: number | undefined;
  width: number | undefined;
  height: number | undefined;
  /** `cam2img`: 3×3 row-major pinhole matrix (the images are already undistorted). */
  intrinsic: number[];
  /** `lidar2cam`: camera (OpenCV axes) from LIDAR_TOP, row-major 4×4. */
  cameraFromLidar: number[];
}

/** `derived/sample_calib_and_boxes.json`, read into DESIGN.md's names. */
export interface NuscenesSampleInfo {
  lidarPath: string;
  timestampUs: number | undefined;
  /** `lidar2ego`. */
  egoFromLidar: number[];
  /** `ego2global`. */
  worldFromEgo: number[];
  cameras: NuscenesCameraInfo[];
  /** `boxes_lidar`, left to `readNuscenesBoxes`. */
  boxes: unknown;
}

/** Reads the sample JSON. Throws a `FormatError` naming `path` and the key at fault. */
export function readNuscenesSampleInfo(text: string, path: string): NuscenesSampleInfo {
  let json: unknown;
  try {
    json = parseLenientJson(text);
  } catch (error) {
    throw new FormatError(path, `not valid JSON (${(error as Error).message})`, MALFORMED);
  }
  const root = object(json, '', path);
  const lidar = object(root['lidar'], 'lidar', path);
  const cameras = object(root['cameras'], 'cameras', path);
  return {
    lidarPath: string(lidar['path'], 'lidar.path', path),
    timestampUs: micros(root['timestamp_s']),
    egoFromLidar: matrix(lidar['lidar2ego'], 4, 'lidar.lidar2ego', path),
    worldFromEgo: matrix(root['ego2global'], 4, 'ego2global', path),
    cameras: Object.entries(cameras).map(([name, value]) => {
      const cam = object(value, `cameras.${name}`, path);
      return {
        name,
        path: string(cam['path'], `cameras.${name}.path`, path),
        timestampUs: micros(cam['timestamp_s']),
        width: typeof cam['width'] === 'number' ? cam['width'] : undefined,
        height: typeof cam['height'] === 'number' ? cam['height'] : undefined,
        intrinsic: matrix(cam['cam2img'], 3, `cameras.${name}.cam2img`, path),
        cameraFromLidar: matrix(cam['lidar2cam'], 4, `cameras.${name}.lidar2cam`, path),
      };
    }),
    boxes: root['boxes_lidar'] ?? [],
  };
}

function object(value: unknown, key: string, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FormatError(path, `${key || 'the file'} must be an object`, MALFORMED);
  }
  return value as Record<string, unknown>;
}

function string(value: unknown, key: string, path: string): string {
  if (typeof value !== 'string') throw new FormatError(path, `${key} must be a string`, MALFORMED);
  return value;
}

/** Seconds since the epoch → µs, rounded (the dataset's times are whole µs). */
function micros(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1e6) : undefined;
}

/** An n×n matrix given as n rows of n numbers, flattened row-major. */
function matrix(value: unknown, n: number, key: string, path: string): number[] {
  const rows = Array.isArray(value) ? value : [];
  const flat = rows.length === n && rows.every((r) => Array.isArray(r) && r.length === n) ? rows.flat() : [];
  if (flat.length !== n * n || !flat.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new FormatError(path, `${key} must be ${n} rows of ${n} numbers`, MALFORMED);
  }
  return flat as number[];
}
