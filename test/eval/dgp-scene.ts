import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * A scene of TRI's DGP format (github.com/TRI-ML/dgp: `scene_<hash>.json`, `calibration/`, `point_cloud/<lidar>/
 * <time>.npz`, `bounding_box_3d/<lidar>/<time>.json`) rewritten as a Frustum scene manifest beside it, so the
 * manifest importer reads it: each sweep as a KITTI-layout `.bin` (x y z intensity, float32) in the LiDAR frame,
 * the LiDAR's extrinsics from the calibration, each frame's `worldFromEgo` from the datum's pose, and the LiDAR
 * boxes carried into the ego frame. Only the LiDAR datums are read (the evaluation uses no images).
 */
type Quaternion = { qw: number; qx: number; qy: number; qz: number };
type Pose = { rotation: Quaternion; translation: { x: number; y: number; z: number } };
type Mat4 = number[];

interface Datum {
  id: { name: string };
  datum: { point_cloud?: { filename: string; pose: Pose; annotations?: Record<string, string> } };
}

interface DgpBox {
  class_id: number;
  instance_id: number;
  box: { length: number; width: number; height: number; pose: Pose };
}

/** DGP's ontology names as `general-driving` class ids; any other keeps its own name, lower-cased. */
const CLASSES: Record<string, string> = {
  Car: 'car',
  Truck: 'truck',
  'Bus/RV/Caravan': 'truck',
  Trailer: 'truck',
  Person: 'pedestrian',
  Bicycle: 'cyclist',
  Motorcycle: 'cyclist',
};

/** DGP annotation type 1 is `bounding_box_3d`. */
const BOX_3D = '1';

function matrixOf({ rotation: q, translation: t }: Pose): Mat4 {
  const { qw: w, qx: x, qy: y, qz: z } = q;
  return [
    ...[1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y), t.x],
    ...[2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x), t.y],
    ...[2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y), t.z],
    ...[0, 0, 0, 1],
  ];
}

function multiply(a: Mat4, b: Mat4): Mat4 {
  const out: Mat4 = new Array<number>(16).fill(0);
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[r * 4 + k]! * b[k * 4 + c]!;
      out[r * 4 + c] = s;
    }
  }
  return out;
}

/** The inverse of a rigid transform. */
function invert(m: Mat4): Mat4 {
  const r = (i: number, j: number) => m[i * 4 + j]!;
  const out: Mat4 = new Array<number>(16).fill(0);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) out[i * 4 + j] = r(j, i);
    out[i * 4 + 3] = -(r(0, i) * r(0, 3) + r(1, i) * r(1, 3) + r(2, i) * r(2, 3));
  }
  out[15] = 1;
  return out;
}

/** The one array of a NumPy `.npz` (a zip of `.npy` files, stored or deflated), as float64 rows. */
function readNpz(bytes: Buffer): { rows: number; columns: number; values: Float64Array } {
  const signature = bytes.readUInt32LE(0);
  if (signature !== 0x04034b50) throw new Error('npz: not a zip file');
  const method = bytes.readUInt16LE(8);
  const compressed = bytes.readUInt32LE(18);
  const nameLength = bytes.readUInt16LE(26);
  const extraLength = bytes.readUInt16LE(28);
  const start = 30 + nameLength + extraLength;
  // A zip64 or streamed entry gives its size elsewhere; the DGP files give it here.
  const body = bytes.subarray(start, compressed > 0 && compressed !== 0xffffffff ? start + compressed : undefined);
  const npy = method === 8 ? inflateRawSync(body) : body;
  if (npy.toString('latin1', 1, 6) !== 'NUMPY') throw new Error('npz: not an .npy entry');
  const headerLength = npy[6] === 1 ? npy.readUInt16LE(8) : npy.readUInt32LE(8);
  const headerStart = npy[6] === 1 ? 10 : 12;
  const header = npy.toString('latin1', headerStart, headerStart + headerLength);
  const shape = /'shape':\s*\((\d+),\s*(\d+)\)/.exec(header);
  if (!header.includes("'descr': '<f8'") || !header.includes("'fortran_order': False") || !shape) {
    throw new Error(`npz: unsupported array ${header.trim()}`);
  }
  const rows = Number(shape[1]);
  const columns = Number(shape[2]);
  const data = npy.subarray(headerStart + headerLength, headerStart + headerLength + rows * columns * 8);
  const values = new Float64Array(rows * columns);
  for (let i = 0; i < values.length; i++) values[i] = data.readDoubleLE(i * 8);
  return { rows, columns, values };
}

/** Yaw, pitch, roll (intrinsic Z-Y-X) of a rotation's upper-left 3×3. */
function eulerZyx(m: Mat4): { yaw: number; pitch: number; roll: number } {
  return {
    yaw: Math.atan2(m[4]!, m[0]!),
    pitch: Math.asin(Math.max(-1, Math.min(1, -m[8]!))),
    roll: Math.atan2(m[9]!, m[10]!),
  };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const firstJson = (folder: string): string =>
  path.join(
    folder,
    readdirSync(folder).find((f) => f.endsWith('.json'))!,
  );

/** Writes `frustum-manifest.json` and `lidar/*.bin` into a DGP scene folder; returns the frames written. */
export function writeDgpManifest(folder: string, lidarName = 'LIDAR'): number {
  const sceneFile = readdirSync(folder).find((f) => /^scene_.*\.json$/.test(f));
  if (!sceneFile) throw new Error(`${folder}: no DGP scene_*.json`);
  const scene = readJson<{ name: string; data: Datum[] }>(path.join(folder, sceneFile));
  const calibration = readJson<{ names: string[]; extrinsics: Pose[] }>(firstJson(path.join(folder, 'calibration')));
  const ontology = readJson<{ items: { id: number; name: string }[] }>(firstJson(path.join(folder, 'ontology')));
  const className = new Map(ontology.items.map((i) => [i.id, i.name]));
  const egoFromLidar = matrixOf(calibration.extrinsics[calibration.names.indexOf(lidarName)]!);
  const lidarFromEgo = invert(egoFromLidar);

  const sweeps = scene.data
    .filter((d) => d.id.name === lidarName && d.datum.point_cloud)
    .map((d) => d.datum.point_cloud!)
    .sort((a, b) => a.filename.localeCompare(b.filename));
  mkdirSync(path.join(folder, 'lidar'), { recursive: true });
  const frames = [];
  const labels = [];
  for (const [index, sweep] of sweeps.entries()) {
    const stem = path.basename(sweep.filename, '.npz');
    const { rows, columns, values } = readNpz(readFileSync(path.join(folder, sweep.filename)));
    const records = new Float32Array(rows * 4);
    for (let i = 0; i < rows; i++) {
      for (let k = 0; k < 4; k++) records[i * 4 + k] = k < columns ? values[i * columns + k]! : 0;
    }
    const bin = `lidar/${stem}.bin`;
    writeFileSync(path.join(folder, bin), new Uint8Array(records.buffer));
    // File names are the sweep's time in units of 100 ns.
    frames.push({
      timestampUs: Math.round(Number(stem) / 10),
      worldFromEgo: multiply(matrixOf(sweep.pose), lidarFromEgo),
      lidar: [{ sensorId: lidarName, path: bin }],
    });
    const boxFile = sweep.annotations?.[BOX_3D];
    if (!boxFile) continue;
    const boxes = readJson<{ annotations: DgpBox[] }>(path.join(folder, boxFile)).annotations;
    labels.push({
      frame: index,
      cuboids: boxes.map((b) => {
        const egoFromBox = multiply(egoFromLidar, matrixOf(b.box.pose));
        const name = className.get(b.class_id) ?? String(b.class_id);
        return {
          trackId: String(b.instance_id),
          classId: CLASSES[name] ?? name.toLowerCase(),
          position: [egoFromBox[3]!, egoFromBox[7]!, egoFromBox[11]!],
          size: [b.box.length, b.box.width, b.box.height],
          ...eulerZyx(egoFromBox),
        };
      }),
    });
  }
  const manifest = {
    format: 'frustum-scene',
    version: 1,
    name: scene.name || path.basename(folder),
    lidars: [{ id: lidarName, name: lidarName, egoFromLidar, layout: 'kitti' }],
    frames,
    labels,
  };
  writeFileSync(path.join(folder, 'frustum-manifest.json'), JSON.stringify(manifest) + '\n');
  return frames.length;
}
