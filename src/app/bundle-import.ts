import { readBundle } from '../formats/bundle/read-bundle';
import { CodedError } from '../formats/problems/coded-error';
import { createMemoryFiles } from '../formats/scene/scene-files';
import type { SceneOrigin } from '../storage/db';
import { copyToOpfs } from '../storage/opfs-files';
import { addSharedRecords, holdsWork, localRemovals, replaceProject } from '../storage/project-repository';
import type { BundleMerge } from '../state/library.svelte';
import type { Services } from './library-backend';

/**
 * Brings a bundle's project into this browser. Where the scene already holds labels, versions or exports here,
 * nothing is replaced: the bundle's versions and exports are added beside ours, and its labels come back to be
 * merged into the open scene as one undoable edit (`merge`); its journal is kept as work done elsewhere. Otherwise the project is stored as the bundle has
 * it, and where its scene's files come from afterwards: the demo drive is regenerated from its seed; files
 * embedded in the bundle are copied into this browser's private storage; otherwise the scene must already be
 * here (opened from its folder, which gives it the same id), and keeps its origin.
 */
export async function importBundle(
  services: Pick<Services, 'db' | 'cache'>,
  bytes: Uint8Array,
  fileName: string,
): Promise<{ sceneId: string; merge?: BundleMerge }> {
  const { db, cache } = services;
  const bundle = readBundle(bytes, fileName);
  const { scene } = bundle;
  if (await holdsWork(db, scene.id)) {
    await addSharedRecords(db, scene.id, bundle);
    return { sceneId: scene.id, merge: { fileName, records: bundle.records, removals: await localRemovals(db, scene.id) } }; // prettier-ignore
  }
  let origin: SceneOrigin | undefined;
  if (scene.source.kind === 'demo') {
    origin = { sceneId: scene.id, kind: 'demo', seed: scene.source.seed };
  } else if (bundle.data.length > 0) {
    const files = createMemoryFiles(fileName, Object.fromEntries(bundle.data.map((f) => [f.path, f.bytes])));
    const paths = bundle.data.map((f) => f.path);
    await copyToOpfs(scene.id, files, paths, () => {});
    origin = { sceneId: scene.id, kind: 'opfs', name: fileName, paths, importedAt: Date.now() };
  } else {
    origin = await db.origins.get(scene.id);
    if (!origin) throw new CodedError('bundle.no-sensor-files', `${fileName}: its sensor files are not in the bundle; open the folder of "${scene.name}" first, then import the bundle again`, { file: fileName, scene: scene.name }); // prettier-ignore
  }
  const stale = (await db.scenes.get(scene.id))?.provenance.contentHash !== scene.provenance.contentHash;
  await replaceProject(db, bundle, origin);
  // Frames decoded from other bytes than the bundle's would be shown with its labels.
  if (stale || bundle.data.length > 0) await cache.dropScene(scene.id);
  return { sceneId: scene.id };
}
