import { listArgoverse2Logs } from './argoverse2/list-argoverse2-logs';
import { detectLayout, noLayoutError, type LayoutKind } from './detect-layout';
import { ImportContext } from './import-context';
import { listNuscenesScenes } from './nuscenes/list-nuscenes-scenes';
import type { SceneChoice } from './scene-choice';
import type { SceneFiles } from './scene-files';

export type { SceneChoice } from './scene-choice';

/** Layouts whose folders may hold several scenes, and how each lists them from small files only. */
const LISTERS: Partial<Record<LayoutKind, (ctx: ImportContext) => Promise<SceneChoice[]>>> = {
  nuscenes: listNuscenesScenes,
  argoverse2: listArgoverse2Logs,
};

/**
 * The scenes a folder holds, for a chooser before `importScene` (pass the chosen `id` as `options.scene`):
 * empty where its layout holds one scene only. Reads only what listing needs (nuScenes' `scene.json` and
 * `log.json`, an Argoverse 2 split's folder names). Throws like `importScene` when no layout is recognised.
 */
export async function listScenes(files: SceneFiles): Promise<{ layout: LayoutKind; scenes: SceneChoice[] }> {
  const layout = detectLayout(files.list());
  if (!layout) throw noLayoutError(files.name);
  const lister = LISTERS[layout.kind];
  if (!lister) return { layout: layout.kind, scenes: [] };
  return { layout: layout.kind, scenes: await lister(new ImportContext(files, layout.root, {})) };
}
