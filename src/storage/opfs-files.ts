import { CodedError } from '../formats/problems/coded-error';
import type { SceneFiles } from '../formats/scene/scene-files';

/**
 * Scene files kept in the origin-private file system, so a scene imported from a drop (whose File objects die
 * with the page) reopens after a reload or offline. Labels never live here; these are the inputs.
 */
async function sceneDir(sceneId: string, create: boolean): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  const scenes = await root.getDirectoryHandle('scenes', { create });
  return scenes.getDirectoryHandle(sceneId, { create });
}

async function dirFor(root: FileSystemDirectoryHandle, path: string, create: boolean) {
  const parts = path.split('/');
  const name = parts.pop()!;
  let dir = root;
  for (const part of parts) dir = await dir.getDirectoryHandle(part, { create });
  return { dir, name };
}

/** Copies `paths` of `files` into the scene's folder, reporting progress; stops early when `signal` aborts. */
export async function copyToOpfs(
  sceneId: string,
  files: SceneFiles,
  paths: readonly string[],
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const root = await sceneDir(sceneId, true);
  let done = 0;
  for (const path of paths) {
    signal?.throwIfAborted();
    const { dir, name } = await dirFor(root, path, true);
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await writable.write((await files.read(path)) as Uint8Array<ArrayBuffer>);
    await writable.close();
    onProgress(++done, paths.length);
  }
}

/** The files of a scene copied earlier, read on demand. */
export async function openOpfsFiles(sceneId: string, name: string, paths: readonly string[]): Promise<SceneFiles> {
  const root = await sceneDir(sceneId, false);
  const list = [...paths].sort();
  return {
    name,
    list: () => list,
    read: async (path) => {
      try {
        const { dir, name: fileName } = await dirFor(root, path, false);
        return new Uint8Array(await (await (await dir.getFileHandle(fileName)).getFile()).arrayBuffer());
      } catch (error) {
        throw new CodedError(
          'browser-copy.missing',
          `${path}: missing from this browser's copy of the scene (${error instanceof Error ? error.message : String(error)})`,
          { path },
          { cause: error },
        );
      }
    },
  };
}

export async function deleteOpfsScene(sceneId: string): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const scenes = await root.getDirectoryHandle('scenes', { create: true });
  await scenes.removeEntry(sceneId, { recursive: true }).catch(() => undefined);
}

/**
 * Deletes the files of a scene's copy that `keep` does not list (its sensor data replaced by another import
 * of its folder): what the new import copied stays, what only the old one had goes. None kept: the whole copy.
 */
export async function pruneOpfsScene(sceneId: string, keep: readonly string[]): Promise<void> {
  if (keep.length === 0) return deleteOpfsScene(sceneId);
  const kept = new Set(keep);
  const root = await sceneDir(sceneId, false).catch(() => undefined);
  async function prune(dir: FileSystemDirectoryHandle, prefix: string): Promise<void> {
    const stale: string[] = [];
    for await (const entry of dir.values()) {
      const path = prefix + entry.name;
      if (entry.kind === 'directory') await prune(entry as FileSystemDirectoryHandle, `${path}/`);
      else if (!kept.has(path)) stale.push(entry.name);
    }
    // Removed after the walk: a directory being listed is not changed under its iterator.
    for (const name of stale) await dir.removeEntry(name);
  }
  if (root) await prune(root, '');
}
