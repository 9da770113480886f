import { CodedError } from '../../problems/coded-error';
import type { ImportContext } from '../import-context';
import type { SceneChoice } from '../scene-choice';
import { NuscenesTables, nuscenesVersions, type LogRow, type SceneRow } from './nuscenes-tables';

/** One scene of a split folder, with the id a chooser hands back. */
export interface NuscenesSceneEntry {
  /** `<split folder>/<scene name>` (`v1.0-mini/scene-0061`): stable, and readable where it is shown. */
  id: string;
  version: string;
  row: SceneRow;
}

/**
 * The scenes of every split folder (`v1.0-*`) under the root, by split then name: only `scene.json` is read.
 * A name repeated within a split gets its token as id instead, so that every id is one scene.
 */
export async function readNuscenesScenes(ctx: ImportContext): Promise<NuscenesSceneEntry[]> {
  const out: NuscenesSceneEntry[] = [];
  for (const version of nuscenesVersions(ctx)) {
    const rows = await new NuscenesTables(ctx, version).read<SceneRow>('scene');
    const named = [...rows].sort((a, b) => compare(a.name, b.name) || compare(a.token, b.token));
    const seen = new Set<string>();
    for (const row of named) {
      const id = `${version}/${seen.has(row.name) ? row.token : row.name}`;
      seen.add(row.name);
      out.push({ id, version, row });
    }
  }
  return out;
}

/**
 * The scene `ctx.options.scene` names (its id; a scene token or a bare name are taken too, where they name one
 * scene), else the first. Throws a CodedError `scene.choice.unknown` for an id that names none.
 */
export async function chooseNuscenesScene(ctx: ImportContext): Promise<NuscenesSceneEntry> {
  const entries = await readNuscenesScenes(ctx);
  const wanted = ctx.options.scene;
  if (wanted === undefined) {
    if (entries[0]) return entries[0];
  } else {
    const byId = entries.find((e) => e.id === wanted);
    const loose = entries.filter((e) => e.row.token === wanted || e.row.name === wanted);
    const found = byId ?? (loose.length === 1 ? loose[0] : undefined);
    if (found) return found;
  }
  const folder = ctx.files.name;
  const scene = wanted ?? '';
  throw new CodedError('scene.choice.unknown', `${folder}: no nuScenes scene ${scene || '(the scene tables are empty)'}`, { folder, scene }); // prettier-ignore
}

/**
 * The chooser's list: each scene of every split folder with its description, where and when it was recorded
 * (`log.json`), its number of samples, and whether LiDAR sweeps of its log are in `sweeps/LIDAR_TOP/` (nuScenes
 * names every file `<logfile>__<channel>__<µs>`; a folder whose names differ counts any sweep).
 */
export async function listNuscenesScenes(ctx: ImportContext): Promise<SceneChoice[]> {
  const entries = await readNuscenesScenes(ctx);
  const logs = new Map<string, LogRow>();
  for (const version of new Set(entries.map((e) => e.version))) {
    const tables = new NuscenesTables(ctx, version);
    if (!tables.has('log')) continue;
    for (const log of await tables.read<LogRow>('log')) logs.set(`${version}/${log.token}`, log);
  }
  const sweeps = ctx.under(/^sweeps\/LIDAR_TOP\/[^/]+$/);
  const sweepLogs = new Set(sweeps.map((p) => /\/([^/]+?)__LIDAR_TOP__[^/]*$/.exec(p)?.[1]));
  // A sweep named otherwise could be of any log.
  const anyLog = sweepLogs.has(undefined);
  return entries.map(({ id, version, row }): SceneChoice => {
    const log = row.log_token === undefined ? undefined : logs.get(`${version}/${row.log_token}`);
    const recorded = [log?.location, log?.date_captured].filter((s) => typeof s === 'string' && s !== '');
    const said = typeof row.description === 'string' ? row.description : '';
    const description = [said, recorded.length > 0 ? `(${recorded.join(', ')})` : ''].filter(Boolean).join(' ');
    const logfile = typeof log?.logfile === 'string' && log.logfile !== '' ? log.logfile : undefined;
    const hasSweeps = logfile === undefined ? sweeps.length > 0 : anyLog || sweepLogs.has(logfile);
    return {
      id,
      name: row.name,
      ...(description ? { description } : {}),
      ...(typeof row.nbr_samples === 'number' ? { frames: row.nbr_samples } : {}),
      hasSweeps,
    };
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
