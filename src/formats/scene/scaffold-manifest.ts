import { CodedError } from '../problems/coded-error';
import { detectLayout } from './detect-layout';
import type { FrustumManifest, ManifestCamera, ManifestFrame, ManifestSample } from './frustum-manifest';
import { readImageSize } from './image-size';
import { findNearest } from './nearest-sample';
import { groupSensors, type ListedFile, type SensorGroup, type TimeBasis } from './scaffold-sensors';
import { validateFrustumManifest } from './validate-frustum-manifest';

export type { ListedFile } from './scaffold-sensors';

/** What `scaffoldManifest` is given: the folder's files and a way to read the first bytes of one. */
export interface ScaffoldInput {
  /** The folder's name: the manifest's name and the name errors give. */
  folderName: string;
  /** Every file of the folder, paths relative to it, '/'-separated. */
  files: readonly ListedFile[];
  /** The file's bytes (an image header is enough: only each camera's first and last images are read). */
  read: (path: string) => Promise<Uint8Array>;
  /** The folder's path from the manifest's folder ('' or ending in '/'): the sample paths start with it. */
  prefix?: string;
  /** The manifest's file name, for the validation's messages. */
  manifestName?: string;
}

/** A manifest to fill in, as text, with what was guessed and what the user must replace. */
export interface ManifestScaffold {
  manifest: FrustumManifest;
  /** The manifest as written: 2-space JSON, each 4×4 matrix in four rows, small objects on one line. */
  text: string;
  /** What was read from names, sizes and headers. */
  guessed: string[];
  /** The placeholders, by JSON path: what the user must fill in before the scene is right. */
  fillIn: string[];
}

/** The ego frame itself: a LiDAR with the vehicle's axes (x forward, y left, z up) at the ego origin. */
const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
/** A camera at the ego origin looking forward along ego x, level: its x = ego −y, y = ego −z, z = ego x. */
const LOOKING_FORWARD = [0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, 0, 1];

const BASIS_TEXT: Record<TimeBasis, string> = {
  timestamps: 'times from the timestamps in the file names (converted to µs)',
  numbers: 'no timestamps in the file names: frame n at n × 100 ms, n the number in each name',
  order: 'names without usable numbers: each sensor’s files in name order, 100 ms apart',
};

/**
 * A Frustum manifest scaffolded from a folder's listing: each folder of sweeps (.bin, .pcd.bin, .pcd, .ply, .las,
 * .laz, .feather) one LiDAR, each folder of images (.jpg, .png) one camera named after its folder, paired by the
 * times in the file names (`groupSensors`). The LiDAR with the most sweeps makes the frames; every other sensor
 * gives its file nearest in time. A `.bin` layout is guessed from the sizes, a camera's size from its first
 * image's header (its last one's too, to say when they differ). Calibrations are placeholders (identity LiDAR, a forward-looking camera with a 53° field of
 * view), listed in `fillIn`. The result is validated against the schema before it is returned. Throws a
 * `CodedError` for a folder with no files or no sweeps.
 */
export async function scaffoldManifest(input: ScaffoldInput): Promise<ManifestScaffold> {
  const { folderName, prefix = '', manifestName = 'frustum-manifest.json' } = input;
  if (input.files.length === 0) {
    throw new CodedError('manifest.scaffold.no-files', `${folderName}: the folder holds no files`, {
      folder: folderName,
    });
  }
  const { sensors, basis, others } = groupSensors(input.files);
  const lidarGroups = sensors.filter((s) => s.kind === 'lidar');
  if (lidarGroups.length === 0) {
    const images = sensors.reduce((n, s) => n + s.files.length, 0);
    throw new CodedError(
      'manifest.scaffold.no-lidar',
      `${folderName}: no LiDAR sweeps (.bin, .pcd.bin, .pcd, .ply, .las, .laz, .feather) found, ${images} images; ` +
        'a manifest needs at least one LiDAR',
      { folder: folderName, images },
    );
  }
  const guessed: string[] = layoutNotes(input.files.map((f) => f.path));
  const fillIn: string[] = [];
  // The LiDAR with the most sweeps makes the frames (the first folder on a tie); it is listed first.
  const primary = lidarGroups.reduce((best, g) => (g.files.length > best.files.length ? g : best));
  const orderedLidars = [primary, ...lidarGroups.filter((g) => g !== primary)];
  const lidars = orderedLidars.map((g, i): FrustumManifest['lidars'][number] => {
    const layout = guessBinLayout(g);
    const extensions = [...new Set(g.files.map((f) => /\.(pcd\.bin|[^./]+)$/.exec(f.path)?.[0] ?? ''))].join(', ');
    guessed.push(
      `LiDAR "${g.id}": ${where(g)}, ${g.files.length} sweeps (${extensions})` +
        (layout ? `, layout ${layout.layout} (${layout.why})` : '') +
        (i === 0 ? ', makes the frames' : ', nearest in time to each frame'),
    );
    fillIn.push(`/lidars/${i}/egoFromLidar: identity, LiDAR "${g.id}" taken to have the vehicle's axes (x forward, y left, z up) at the ego origin`); // prettier-ignore
    return { id: g.id, name: g.folder || folderName, egoFromLidar: [...IDENTITY], ...(layout ? { layout: layout.layout } : {}) }; // prettier-ignore
  });

  const cameraGroups: SensorGroup[] = [];
  const cameras: ManifestCamera[] = [];
  for (const g of sensors.filter((s) => s.kind === 'camera')) {
    const first = g.files[0]!;
    let size: { width: number; height: number };
    try {
      size = readImageSize(await input.read(first.path), first.path);
    } catch (error) {
      guessed.push(`camera "${g.id}" left out: ${first.path} gives no size (${(error as Error).message})`);
      continue;
    }
    const i = cameras.length;
    cameraGroups.push(g);
    cameras.push({
      id: g.id,
      name: g.folder || folderName,
      cameraFromEgo: [...LOOKING_FORWARD],
      intrinsics: { fx: size.width, fy: size.width, cx: size.width / 2, cy: size.height / 2, skew: 0 },
      width: size.width,
      height: size.height,
      distortion: { model: 'none' },
    });
    guessed.push(`camera "${g.id}": ${where(g)}, ${g.files.length} images, ${size.width}×${size.height} (from ${first.path})`); // prettier-ignore
    // Only the first and the last image are read: enough to catch a folder that mixes sizes (KITTI object's).
    const last = g.files[g.files.length - 1]!;
    const lastSize = last === first ? size : await input.read(last.path).then((b) => readImageSize(b, last.path), () => undefined); // prettier-ignore
    if (lastSize && (lastSize.width !== size.width || lastSize.height !== size.height)) {
      guessed.push(`camera "${g.id}": ${last.path} is ${lastSize.width}×${lastSize.height}: the images differ in size, check them`); // prettier-ignore
    }
    fillIn.push(
      `/cameras/${i}/cameraFromEgo: camera "${g.id}" taken at the ego origin, looking forward along ego x, level`,
      `/cameras/${i}/intrinsics: fx = fy = ${size.width} (the image width: about 53° across), cx, cy at the image centre`,
      `/cameras/${i}/distortion: none`,
    );
  }

  const sample = (g: SensorGroup, frameTime: number): ManifestSample => {
    const file = findNearest(g.files, frameTime)!;
    return {
      sensorId: g.id,
      path: prefix + file.path,
      ...(file.timestampUs !== frameTime ? { timestampUs: file.timestampUs } : {}),
    };
  };
  const frames = primary.files.map((sweep): ManifestFrame => {
    const t = sweep.timestampUs;
    return {
      timestampUs: t,
      lidar: [{ sensorId: primary.id, path: prefix + sweep.path }, ...orderedLidars.slice(1).map((g) => sample(g, t))],
      ...(cameraGroups.length ? { cameras: cameraGroups.map((g) => sample(g, t)) } : {}),
    };
  });
  guessed.push(`${frames.length} frames; ${BASIS_TEXT[basis]}`);
  for (const g of [...orderedLidars.slice(1), ...cameraGroups]) guessed.push(pairingNote(g, frames));
  if (others.length > 0) {
    const folders = [...new Set(others.map((f) => (f.path.includes('/') ? `${f.path.slice(0, f.path.lastIndexOf('/'))}/` : f.path)))]; // prettier-ignore
    guessed.push(`left out, neither sweeps nor images: ${others.length} files (${summarise(folders)})`);
  }
  if (basis !== 'timestamps') fillIn.push('/frames/*/timestampUs: placed 100 ms apart; put the real times (µs) there if you have them'); // prettier-ignore
  fillIn.push('/frames/*/worldFromEgo: none (no poses); add each frame’s pose for tracks fixed in the world');

  const manifest: FrustumManifest = {
    format: 'frustum-scene',
    version: 1,
    name: folderName,
    lidars,
    ...(cameras.length ? { cameras } : {}),
    frames,
  };
  const text = formatManifestJson(manifest);
  // A scaffold that breaks the schema would be this function's fault: say so rather than write it.
  validateFrustumManifest(text, manifestName);
  return { manifest, text, guessed, fillIn };
}

/**
 * What the folder already is to the import: a layout Frustum opens without a manifest (which a manifest then
 * replaces, since the import tries manifests first), or another manifest already there. OpenLABEL's marker is any
 * top-level JSON, so it says nothing here.
 */
function layoutNotes(paths: readonly string[]): string[] {
  const manifests = paths.filter((p) => /(^|\/)(frustum-manifest\.json|[^/]+\.frustum\.json)$/.test(p));
  if (manifests.length > 0) return [`another manifest is in the folder (${summarise(manifests)}): the import takes one manifest only, the top folder's frustum-manifest.json first`]; // prettier-ignore
  const known = detectLayout(paths);
  if (!known || known.kind === 'openlabel') return [];
  return [`the folder already opens as ${known.kind} without a manifest; a manifest written in or above it takes that layout's place`]; // prettier-ignore
}

/** The record layout of a folder's headerless `.bin` sweeps, from their sizes; undefined without any. */
function guessBinLayout(g: SensorGroup): { layout: 'kitti' | 'nuscenes'; why: string } | undefined {
  const bins = g.files.filter((f) => /\.bin$/i.test(f.path));
  if (bins.length === 0) return undefined;
  if (bins.every((f) => /\.pcd\.bin$/i.test(f.path))) return { layout: 'nuscenes', why: 'nuScenes .pcd.bin names' };
  const of16 = bins.every((f) => f.bytes % 16 === 0);
  const of20 = bins.every((f) => f.bytes % 20 === 0);
  if (of16 && !of20) return { layout: 'kitti', why: 'every size a multiple of 16 bytes' };
  if (of20 && !of16) return { layout: 'nuscenes', why: 'every size a multiple of 20 bytes' };
  if (of16) return { layout: 'kitti', why: 'sizes fit 16 and 20 bytes a point: check, or set nuscenes' };
  return undefined;
}

/** How a sensor's files met the frames: how many were used, and the largest time between one and its frame. */
function pairingNote(g: SensorGroup, frames: readonly ManifestFrame[]): string {
  const samples = frames.map((f) => {
    const s = [...f.lidar, ...(f.cameras ?? [])].find((x) => x.sensorId === g.id)!;
    return { path: s.path, gapUs: Math.abs((s.timestampUs ?? f.timestampUs) - f.timestampUs) };
  });
  const used = new Set(samples.map((s) => s.path)).size;
  const gapMs = Math.max(...samples.map((s) => s.gapUs)) / 1000;
  return `"${g.id}": nearest in time, ${used} of ${g.files.length} files used, largest gap ${gapMs} ms`;
}

function where(g: SensorGroup): string {
  return g.folder ? `${g.folder}/` : 'the top folder';
}

function summarise(names: readonly string[]): string {
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 4).join(', ')} and ${names.length - 4} more`;
}

/**
 * JSON a person can fill in: two-space indents, a 4×4 matrix as four rows of four, an object or array of plain
 * values on one line where it fits in 100 characters.
 */
export function formatManifestJson(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length === 16 && value.every((v) => typeof v === 'number')) {
    const rows = [0, 4, 8, 12].map((r) => `${inner}${value.slice(r, r + 4).join(', ')}`);
    return `[\n${rows.join(',\n')}\n${indent}]`;
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Array.isArray(value)
    ? value.map((v) => formatManifestJson(v, inner))
    : Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}: ${formatManifestJson(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const oneLine = Array.isArray(value) ? `[${entries.join(', ')}]` : `{ ${entries.join(', ')} }`;
  if (entries.length === 0) return `${open}${close}`;
  if (!oneLine.includes('\n') && indent.length + oneLine.length <= 100) return oneLine;
  return `${open}\n${entries.map((e) => inner + e).join(',\n')}\n${indent}${close}`;
}
