import { canonicalJson } from '../core/model/canonical-json';
import type { ExportInput } from '../core/model/export-lineage';
import type { Scene } from '../core/model/scene';
import { CodedError } from '../formats/problems/coded-error';
import type { SceneFiles } from '../formats/scene/scene-files';
import type { SceneOrigin } from '../storage/db';
import { sha256Hex } from '../storage/sha256';

/**
 * The SHA-256 of every input file of a scene, for an export's lineage. A folder or URL scene hashes every file
 * its source lists (for a copy in this browser: the frame files that were copied), read one at a time. The demo
 * drive has no files: its one input is `demo:<seed>/scene.json`, the hash of its scene record in canonical
 * JSON (generator version, seed, sensors, calibration, poses and frame list; not the ontology, which is the
 * user's choice), since the generator makes every point and pixel from exactly that.
 */
export async function hashSceneInputs(
  scene: Scene,
  origin: SceneOrigin,
  files: SceneFiles | undefined,
  onProgress: (done: number, total: number) => void,
): Promise<ExportInput[]> {
  // Hashed at every export rather than cached: a folder read in place may have changed since the last one.
  if (origin.kind === 'demo') {
    const { ontologyId: _, ...record } = scene;
    const bytes = new TextEncoder().encode(canonicalJson(record));
    return [{ path: `demo:${origin.seed}/scene.json`, sha256: await sha256Hex(bytes) }];
  }
  if (!files) throw new CodedError('scene.files-unreadable', `the files of ${scene.name} cannot be read`, { scene: scene.name }); // prettier-ignore
  const paths = files.list();
  const inputs: ExportInput[] = [];
  for (const path of paths) {
    inputs.push({ path, sha256: await sha256Hex(await files.read(path)) });
    onProgress(inputs.length, paths.length);
  }
  return inputs;
}
