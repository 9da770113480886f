import type { Cuboid, Track } from '../../core/model/labels';
import type { Scene } from '../../core/model/scene';
import type { BinLayout } from '../pointcloud/read-point-cloud-file';
import { detectLayout, noLayoutError, type LayoutKind } from './detect-layout';
import { ImportContext, type ImportOptions } from './import-context';
import { importFrustumManifest } from './import-frustum-manifest';
import { importKittiObject } from './import-kitti-object';
import { importKittiRaw } from './import-kitti-raw';
import { importKittiTracking } from './import-kitti-tracking';
import { importNuscenesSample } from './import-nuscenes-sample';
import { importOpenlabelScene } from './import-openlabel-scene';
import { importArgoverse2 } from './argoverse2/import-argoverse2';
import { importNuscenesTables } from './nuscenes/import-nuscenes-tables';
import { importSustechpoints } from './import-sustechpoints';
import { SceneBase } from './scene-base';
import type { FileProblem, SceneFiles } from './scene-files';

export type { ImportOptions } from './import-context';

/** A whole scene read from a folder: the scene record, its labels, and what could not be read. */
export interface ImportedScene {
  scene: Scene;
  tracks: Track[];
  cuboids: Cuboid[];
  problems: FileProblem[];
  /**
   * The `.bin` record layout per LiDAR id where the source declares one (a manifest's `layout`), to pass to
   * `readPointCloudFile(bytes, uri, { layout })`; absent where the file name and size decide.
   */
  lidarLayouts?: Record<string, BinLayout>;
}

const IMPORTERS: Record<LayoutKind, (ctx: ImportContext, base: SceneBase) => Promise<Scene>> = {
  'kitti-object': importKittiObject,
  'kitti-tracking': importKittiTracking,
  'kitti-raw': importKittiRaw,
  nuscenes: importNuscenesTables,
  'nuscenes-sample': importNuscenesSample,
  argoverse2: importArgoverse2,
  sustechpoints: importSustechpoints,
  openlabel: importOpenlabelScene,
  'frustum-manifest': importFrustumManifest,
};

/**
 * Recognises the folder's layout (`detectLayout`) and imports it: sensors with calibration, one frame per
 * LiDAR sweep with each camera's nearest image, and the labels as keyframe cuboids in each frame's ego frame.
 * Sweeps and images are not decoded here (frames name their files; the app reads them later); calibrations,
 * labels, poses and image headers are. A file that cannot be read or parsed becomes a problem and the import
 * goes on. Throws when no layout is recognised, or an AbortError when `signal` aborts.
 */
export async function importScene(files: SceneFiles, options: ImportOptions = {}): Promise<ImportedScene> {
  const layout = detectLayout(files.list());
  if (!layout) throw noLayoutError(files.name);
  const ctx = new ImportContext(files, layout.root, options);
  ctx.checkAborted();
  const variant = [options.scene ?? '', options.sweeps ? 'sweeps' : ''].filter(Boolean).join('+');
  const base = new SceneBase(layout.kind, files.name, ctx.paths, options.labelsAs, variant);
  const scene = await IMPORTERS[layout.kind](ctx, base);
  ctx.checkAborted();
  ctx.finish();
  const labels = base.collected;
  return {
    scene,
    tracks: labels?.tracks ?? [],
    cuboids: labels?.cuboids ?? [],
    problems: [...ctx.problems, ...(labels?.problems ?? [])],
    ...(Object.keys(base.lidarLayouts).length > 0 ? { lidarLayouts: base.lidarLayouts } : {}),
  };
}
