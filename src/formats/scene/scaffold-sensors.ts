import { NOMINAL_FRAME_PERIOD_US } from './nominal-frame-period';

/** A file of the folder being scaffolded: its path relative to the folder and its size in bytes. */
export interface ListedFile {
  path: string;
  bytes: number;
}

export type SensorKind = 'lidar' | 'camera';

/** One folder's sweeps or images: one sensor, its files in time order. */
export interface SensorGroup {
  kind: SensorKind;
  /** The folder relative to the listed one ('' for the top). */
  folder: string;
  id: string;
  files: (ListedFile & { timestampUs: number })[];
}

/** How file names became times: their timestamps, their frame numbers at 10 Hz, or their order at 10 Hz. */
export type TimeBasis = 'timestamps' | 'numbers' | 'order';

// `.pcd.bin` before `.bin`, so that a nuScenes sweep's stem loses both.
const LIDAR_FILE = /\.(pcd\.bin|bin|pcd|ply|las|laz|feather)$/i;
const IMAGE_FILE = /\.(jpe?g|png)$/i;
/** Folder names that say nothing of the sensor (KITTI raw keeps each sensor's files in `<sensor>/data/`). */
const GENERIC_FOLDERS = new Set(['data']);

/**
 * 1973-03-03 and 2100-01-01 in seconds: a number in this range, at some unit, is an epoch time. The start is
 * early because Argoverse 2 names count ns from near 1980; the four units' ranges still do not overlap.
 */
const EPOCH_FROM = 100_000_000n;
const EPOCH_TO = 4_102_444_800n;
const UNITS = [
  { perSecond: 1n, toUs: (v: bigint) => v * 1_000_000n },
  { perSecond: 1_000n, toUs: (v: bigint) => v * 1_000n },
  { perSecond: 1_000_000n, toUs: (v: bigint) => v },
  { perSecond: 1_000_000_000n, toUs: (v: bigint) => v / 1_000n },
];

/** What a file name says of its place in time: an epoch time (µs) and/or a plain number. */
interface NameKey {
  timeUs?: number;
  number?: number;
}

export function sensorKindOf(path: string): SensorKind | undefined {
  if (LIDAR_FILE.test(path)) return 'lidar';
  if (IMAGE_FILE.test(path)) return 'camera';
  return undefined;
}

/**
 * The time or number a file name carries: `1533151603547590.jpg` (µs), `315969904359876000.feather` (ns),
 * `1533151603.547590.pcd` (seconds with a fraction), `000123.bin` or `frame_12.png` (a number). The last run of
 * digits counts, so a nuScenes name's sensor and date before its timestamp do not.
 */
export function readNameKey(path: string): NameKey {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const stem = name.replace(LIDAR_FILE, '').replace(IMAGE_FILE, '');
  const decimal = /(\d+)\.(\d+)$/.exec(stem);
  if (decimal && BigInt(decimal[1]!) >= EPOCH_FROM && BigInt(decimal[1]!) < EPOCH_TO) {
    const fraction = BigInt(decimal[2]!.padEnd(6, '0').slice(0, 6));
    return { timeUs: Number(BigInt(decimal[1]!) * 1_000_000n + fraction) };
  }
  const digits = /(\d+)\D*$/.exec(stem)?.[1];
  if (digits === undefined) return {};
  const value = BigInt(digits);
  const unit = UNITS.find((u) => value >= EPOCH_FROM * u.perSecond && value < EPOCH_TO * u.perSecond);
  return { number: Number(value), ...(unit ? { timeUs: Number(unit.toUs(value)) } : {}) };
}

/**
 * The listed sweeps and images grouped by folder (each folder of sweeps one LiDAR, each folder of images one
 * camera), with times from their names: epoch timestamps when every file of every sensor has one; else, when
 * every file has a number, frame n at n × 100 ms; else each sensor's files in name order, 100 ms apart. Files of
 * other kinds are returned apart.
 */
export function groupSensors(files: readonly ListedFile[]): {
  sensors: SensorGroup[];
  basis: TimeBasis;
  others: ListedFile[];
} {
  const byFolder = new Map<string, { kind: SensorKind; folder: string; files: ListedFile[] }>();
  const others: ListedFile[] = [];
  for (const file of files) {
    const kind = sensorKindOf(file.path);
    if (!kind) {
      others.push(file);
      continue;
    }
    const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/')) : '';
    const key = `${kind}:${folder}`;
    if (!byFolder.has(key)) byFolder.set(key, { kind, folder, files: [] });
    byFolder.get(key)!.files.push(file);
  }
  const groups = [...byFolder.values()].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  const keyed = groups.map((g) => g.files.map((f) => ({ file: f, key: readNameKey(f.path) })));
  const distinct = (values: (number | undefined)[]) =>
    values.every((v) => v !== undefined) && new Set(values).size === values.length;
  const basis: TimeBasis = keyed.every((k) => distinct(k.map((e) => e.key.timeUs)))
    ? 'timestamps'
    : keyed.every((k) => distinct(k.map((e) => e.key.number)))
      ? 'numbers'
      : 'order';
  const ids = sensorIds(groups);
  const sensors = groups.map((g, i): SensorGroup => {
    const entries = [...keyed[i]!].sort((a, b) => (a.file.path < b.file.path ? -1 : 1));
    const timed = entries.map((e, rank) => ({
      ...e.file,
      timestampUs:
        basis === 'timestamps' ? e.key.timeUs! : (basis === 'numbers' ? e.key.number! : rank) * NOMINAL_FRAME_PERIOD_US,
    }));
    return { kind: g.kind, folder: g.folder, id: ids[i]!, files: timed.sort((a, b) => a.timestampUs - b.timestampUs) };
  });
  return { sensors, basis, others };
}

/**
 * An id per sensor from its folder's name (`image_2`, `CAM_FRONT`; `velodyne_points` for
 * `velodyne_points/data`), `lidar` / `camera` for files at the top. Where two would be equal, the whole folder
 * path with '-' for '/' (and then the kind after it) keeps them apart.
 */
function sensorIds(groups: readonly { kind: SensorKind; folder: string }[]): string[] {
  const short = groups.map((g) => {
    const parts = g.folder.split('/').filter(Boolean);
    while (parts.length > 1 && GENERIC_FOLDERS.has(parts[parts.length - 1]!)) parts.pop();
    return parts[parts.length - 1] ?? g.kind;
  });
  const count = (list: string[], id: string) => list.filter((x) => x === id).length;
  const longer = short.map((id, i) => (count(short, id) > 1 ? groups[i]!.folder.replaceAll('/', '-') || id : id));
  return longer.map((id, i) => (count(longer, id) > 1 ? `${id}-${groups[i]!.kind}` : id));
}
