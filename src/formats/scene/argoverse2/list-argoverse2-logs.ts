import { CodedError } from '../../problems/coded-error';
import type { ImportContext } from '../import-context';
import type { SceneChoice } from '../scene-choice';

/** A file of one sensor with its exact time, ns. */
export interface Av2TimedFile {
  path: string;
  timestampNs: bigint;
}

/** One Argoverse 2 log folder under the layout's root. */
export interface Av2Log {
  /** The log id (its folder's name, a UUID), or '' for a single log dropped as the folder itself. */
  id: string;
  /** The path every file of the log starts with: the root, then `<id>/` unless `id` is ''. */
  prefix: string;
  /** `sensors/lidar/<timestamp_ns>.feather`, by time. */
  sweeps: Av2TimedFile[];
}

const SWEEP = /^(?:([^/]+)\/)?sensors\/lidar\/(\d+)\.feather$/;

/** Earlier first, for sorting by exact nanoseconds. */
export function byTime(a: Av2TimedFile, b: Av2TimedFile): number {
  return a.timestampNs < b.timestampNs ? -1 : a.timestampNs > b.timestampNs ? 1 : 0;
}

/**
 * The logs under the root, from the listing alone: each folder holding `sensors/lidar/<ns>.feather` directly
 * under the root (a split such as `val/`), or the root itself when the dropped folder is one log (id '',
 * listed first). Logs by id; sweeps by time.
 */
export function findArgoverse2Logs(ctx: ImportContext): Av2Log[] {
  const logs = new Map<string, Av2Log>();
  for (const path of ctx.under(SWEEP)) {
    const [, id = '', digits] = SWEEP.exec(path.slice(ctx.root.length))!;
    let log = logs.get(id);
    if (!log) logs.set(id, (log = { id, prefix: id ? `${ctx.root}${id}/` : ctx.root, sweeps: [] }));
    log.sweeps.push({ path, timestampNs: BigInt(digits!) });
  }
  for (const log of logs.values()) log.sweeps.sort(byTime);
  return [...logs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The chooser's list: one choice per log, named by its id (the folder's name for a single dropped log), with
 * its number of sweeps (every sweep is a frame). Reads no file: the listing says it all.
 */
export async function listArgoverse2Logs(ctx: ImportContext): Promise<SceneChoice[]> {
  return findArgoverse2Logs(ctx).map((log) => ({
    id: log.id,
    name: log.id || ctx.files.name,
    frames: log.sweeps.length,
  }));
}

/**
 * The log `ctx.options.scene` names, else the first. Throws a CodedError `scene.choice.unknown` naming the
 * folder and the id for an id that names no log.
 */
export function chooseArgoverse2Log(ctx: ImportContext): Av2Log {
  const logs = findArgoverse2Logs(ctx);
  const wanted = ctx.options.scene;
  const found = wanted === undefined ? logs[0] : logs.find((log) => log.id === wanted);
  if (found) return found;
  const folder = ctx.files.name;
  const scene = wanted ?? '';
  throw new CodedError('scene.choice.unknown', `${folder}: no Argoverse 2 log ${scene || '(no sweeps)'}`, { folder, scene }); // prettier-ignore
}
