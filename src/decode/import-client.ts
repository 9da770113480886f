import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import { ReportedError } from '../formats/problems/error-report';
import { createAbortError } from '../formats/scene/import-context';
import type { ImportedScene } from '../formats/scene/import-scene';
import type { LayoutKind } from '../formats/scene/detect-layout';
import type { SceneChoice } from '../formats/scene/scene-choice';
import type { SceneFiles } from '../formats/scene/scene-files';
import type { ImportOutcome, ImportRequest, ImportWorkerApi } from '../../workers/import.worker';

/** Imports run in a worker of their own, ended when the import ends or is cancelled. */
export interface WorkerImporter {
  listScenes(files: SceneFiles, signal: AbortSignal): Promise<{ layout: LayoutKind; scenes: SceneChoice[] }>;
  importScene(
    files: SceneFiles,
    request: ImportRequest,
    signal: AbortSignal,
    onProgress: (done: number, total: number) => void,
  ): Promise<ImportedScene>;
}

export function createWorkerImporter(createWorker: () => Worker): WorkerImporter {
  async function inWorker<T>(
    signal: AbortSignal,
    task: (remote: Remote<ImportWorkerApi>) => Promise<ImportOutcome<T>>,
  ): Promise<T> {
    if (signal.aborted) throw createAbortError();
    const worker = createWorker();
    const remote = wrap<ImportWorkerApi>(worker);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(createAbortError());
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const outcome = await Promise.race([task(remote), aborted]);
      if (!outcome.ok) throw outcome.name === 'AbortError' ? createAbortError() : new ReportedError(outcome.error, outcome.name); // prettier-ignore
      return outcome.value;
    } finally {
      signal.removeEventListener('abort', onAbort!);
      remote[releaseProxy]();
      worker.terminate();
    }
  }

  /** The files' bytes for the worker: cloned across (a File's bytes are read fresh for each call). */
  const reader = (files: SceneFiles) =>
    proxy({
      read: (path: string) => files.read(path),
      ...(files.readRange && { readRange: (path: string, s: number, e: number) => files.readRange!(path, s, e) }),
    });

  return {
    listScenes: (files, signal) =>
      inWorker(signal, (r) => r.listScenes(files.name, files.list(), reader(files), files.readRange !== undefined)),
    importScene: (files, request, signal, onProgress) =>
      inWorker(signal, (r) =>
        r.importScene(
          files.name,
          files.list(),
          reader(files),
          files.readRange !== undefined,
          request,
          proxy(onProgress),
        ),
      ),
  };
}
