import { expose, type ProxyOrClone } from 'comlink';
import { reportError, type ErrorReport } from '../src/formats/problems/error-report';
import { importScene, type ImportedScene } from '../src/formats/scene/import-scene';
import { listScenes, type SceneChoice } from '../src/formats/scene/list-scenes';
import type { LayoutKind } from '../src/formats/scene/detect-layout';
import type { SceneFiles } from '../src/formats/scene/scene-files';

/** How the worker reaches the main thread's files: their listing by value, their bytes on request. */
export interface FilesReader {
  read(path: string): Promise<Uint8Array>;
  readRange?(path: string, start: number, end: number): Promise<Uint8Array>;
}

/** A result, or the error as the app shows it (a worker hands a thrown error over as its message only). */
export type ImportOutcome<T> = { ok: true; value: T } | { ok: false; error: ErrorReport; name: string };

export interface ImportRequest {
  labelsAs?: 'labels' | 'prelabels';
  scene?: string;
  sweeps?: boolean;
}

function sceneFiles(
  name: string,
  list: readonly string[],
  reader: ProxyOrClone<FilesReader>,
  ranged: boolean,
): SceneFiles {
  return {
    name,
    list: () => list,
    read: (path) => reader.read(path),
    ...(ranged ? { readRange: (path: string, start: number, end: number) => reader.readRange!(path, start, end) } : {}),
  };
}

async function outcome<T>(run: () => Promise<T>): Promise<ImportOutcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: reportError(error), name: error instanceof Error ? error.name : 'Error' };
  }
}

/**
 * A folder's import off the main thread: the layout's tables (a nuScenes split's are hundreds of megabytes)
 * are streamed and parsed here, and only the scene, its labels and its problems go back. One worker an import:
 * cancelling it ends the worker.
 */
const api = {
  listScenes(
    name: string,
    list: readonly string[],
    reader: ProxyOrClone<FilesReader>,
    ranged: boolean,
  ): Promise<ImportOutcome<{ layout: LayoutKind; scenes: SceneChoice[] }>> {
    return outcome(() => listScenes(sceneFiles(name, list, reader, ranged)));
  },

  importScene(
    name: string,
    list: readonly string[],
    reader: ProxyOrClone<FilesReader>,
    ranged: boolean,
    request: ImportRequest,
    onProgress?: ProxyOrClone<(done: number, total: number) => void>,
  ): Promise<ImportOutcome<ImportedScene>> {
    const files = sceneFiles(name, list, reader, ranged);
    return outcome(() =>
      importScene(files, { ...request, ...(onProgress ? { onProgress: (d, t) => void onProgress(d, t) } : {}) }),
    );
  },
};

export type ImportWorkerApi = typeof api;
expose(api);
