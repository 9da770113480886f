import { readJsonRows, type RowFilter } from '../../json/read-json-rows';
import { CodedError } from '../../problems/coded-error';
import type { ImportContext } from '../import-context';

/*
 * The rows of nuScenes' tables (`v1.0-<split>/<table>.json`, one top-level array each) as the devkit documents
 * them, limited to the fields Frustum reads. Every row has its `token`; foreign keys end in `_token`; times are
 * µs since the epoch; translations are metres and rotations quaternions [w, x, y, z].
 */

export interface SceneRow {
  token: string;
  name: string;
  description?: string;
  log_token?: string;
  nbr_samples?: number;
}

export interface LogRow {
  token: string;
  logfile?: string;
  location?: string;
  date_captured?: string;
  vehicle?: string;
}

export interface SampleRow {
  token: string;
  scene_token: string;
  timestamp: number;
}

export interface SampleDataRow {
  token: string;
  /** For a sweep (`is_key_frame` false): the sample that follows it in time. */
  sample_token: string;
  ego_pose_token: string;
  calibrated_sensor_token: string;
  /** Relative to the dataset's root (`samples/…`, `sweeps/…`). */
  filename: string;
  timestamp: number;
  is_key_frame: boolean;
  /** Of an image; 0 for other sensors. */
  width?: number;
  height?: number;
}

export interface CalibratedSensorRow {
  token: string;
  sensor_token: string;
  /** Sensor → ego: the sensor's origin in the ego frame and its orientation. */
  translation: number[];
  rotation: number[];
  /** 3 rows of 3 for a camera, empty for other sensors. */
  camera_intrinsic?: number[][];
}

export interface SensorRow {
  token: string;
  channel: string;
  modality: string;
}

export interface EgoPoseRow {
  token: string;
  /** Ego → global. */
  translation: number[];
  rotation: number[];
}

export interface AnnotationRow {
  token: string;
  sample_token: string;
  instance_token: string;
  attribute_tokens?: string[];
  visibility_token?: string;
  /** Box centre in the global frame. */
  translation: unknown;
  /** Width, length, height (in this order). */
  size: unknown;
  /** Global orientation. */
  rotation: unknown;
}

export interface InstanceRow {
  token: string;
  category_token: string;
}

/** `category` and `attribute`. */
export interface NamedRow {
  token: string;
  name: string;
}

export interface VisibilityRow {
  token: string;
  level: string;
}

type FieldKind = 'string' | 'number' | 'boolean' | 'vec3' | 'quaternion';

/** The fields the import relies on, per table: a row without them is reported and left out. */
const SHAPES = {
  scene: { token: 'string', name: 'string' },
  log: { token: 'string' },
  sample: { token: 'string', scene_token: 'string', timestamp: 'number' },
  sample_data: {
    token: 'string',
    sample_token: 'string',
    ego_pose_token: 'string',
    calibrated_sensor_token: 'string',
    filename: 'string',
    timestamp: 'number',
    is_key_frame: 'boolean',
  },
  calibrated_sensor: { token: 'string', sensor_token: 'string', translation: 'vec3', rotation: 'quaternion' },
  sensor: { token: 'string', channel: 'string', modality: 'string' },
  ego_pose: { token: 'string', translation: 'vec3', rotation: 'quaternion' },
  // Geometry is checked by the annotation reader, which has codes of its own for it.
  sample_annotation: { token: 'string', sample_token: 'string', instance_token: 'string' },
  instance: { token: 'string', category_token: 'string' },
  category: { token: 'string', name: 'string' },
  attribute: { token: 'string', name: 'string' },
  visibility: { token: 'string', level: 'string' },
} satisfies Record<string, Record<string, FieldKind>>;

export type TableName = keyof typeof SHAPES;

/** The tables a scene cannot be imported without; the others hold labels, which may be missing. */
const REQUIRED: ReadonlySet<TableName> = new Set(['scene', 'sample', 'sample_data', 'calibrated_sensor', 'sensor', 'ego_pose']); // prettier-ignore

/** The split folders (`v1.0-mini`, `v1.0-trainval`) under the root that hold a scene table, sorted. */
export function nuscenesVersions(ctx: ImportContext): string[] {
  return ctx.under(/^v1\.0-[^/]+\/scene\.json$/).map((p) => p.slice(ctx.root.length, p.lastIndexOf('/')));
}

/** Rows whose `key` is one of `values`. */
export function rowsWith(key: string, values: Iterable<string>): RowFilter {
  return { key, values: new Set(values) };
}

/**
 * Reads the tables of one split folder, each through `readJsonRows` (so that only the rows of the filter are
 * parsed) and counted in the import's progress. A table the scene needs that is missing throws a CodedError
 * `nuscenes.table.missing`, one that does not parse throws its JsonFileError (both name the file); a missing or
 * broken label table is a problem and reads as empty. Rows without the fields the import uses are reported
 * (`nuscenes.row.malformed`) and left out.
 */
export class NuscenesTables {
  constructor(
    readonly ctx: ImportContext,
    readonly version: string,
  ) {}

  path(table: TableName): string {
    return `${this.ctx.root}${this.version}/${table}.json`;
  }

  has(table: TableName): boolean {
    return this.ctx.has(this.path(table));
  }

  async read<T>(table: TableName, filter?: RowFilter): Promise<T[]> {
    const { ctx } = this;
    const path = this.path(table);
    const required = REQUIRED.has(table);
    if (!ctx.has(path)) {
      const values = { table: `${table}.json`, folder: this.version };
      if (required) {
        throw new CodedError('nuscenes.table.missing', `${path}: not in the folder; a nuScenes scene needs it`, values);
      }
      ctx.problem(path, 'nuscenes.table.no-labels', 'not in the folder: the labels were imported without it', undefined, values); // prettier-ignore
      return [];
    }
    ctx.plan(1);
    ctx.checkAborted();
    let rows: unknown[];
    try {
      rows = await readJsonRows<unknown>(ctx.files, path, filter, { signal: ctx.options.signal });
    } catch (error) {
      if (required || (error as Error)?.name === 'AbortError') throw error;
      // Reported as any file that does not parse: the error's own code and place.
      ctx.parse(path, () => {
        throw error;
      });
      return [];
    } finally {
      ctx.readDone();
    }
    ctx.checkAborted();
    return rows.filter((row) => this.#wellFormed(table, path, row)) as T[];
  }

  #wellFormed(table: TableName, path: string, row: unknown): boolean {
    const fields: Record<string, FieldKind> = SHAPES[table];
    const record = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    const bad = Object.keys(fields).find((field) => !isKind(record[field], fields[field]!));
    if (bad === undefined) return true;
    const token = typeof record['token'] === 'string' ? `token ${record['token']}` : undefined;
    this.ctx.problem(path, 'nuscenes.row.malformed', `a row without a valid ${bad}: left out`, token, { table: `${table}.json`, field: bad }); // prettier-ignore
    return false;
  }
}

function isKind(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'vec3':
      return finiteNumbers(value, 3);
    case 'quaternion':
      return finiteNumbers(value, 4) && Math.hypot(...(value as number[])) > 1e-9;
  }
}

export function finiteNumbers(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'number' && Number.isFinite(v)); // prettier-ignore
}
