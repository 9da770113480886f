/**
 * A folder of scene files however it reached us (a dropped folder, a directory handle, a local path in the
 * CLI, URLs beside a manifest). Paths are relative, '/'-separated, without a leading slash.
 */
export interface SceneFiles {
  /** A name for messages: the folder name or the manifest URL. */
  readonly name: string;
  /** Every file path the source holds (for a URL source: the files the manifest names). */
  list(): readonly string[];
  /** The whole file. Rejects with an Error that names the path when it cannot be read. */
  read(path: string): Promise<Uint8Array>;
  /**
   * Bytes [start, end) of a file, where the source can read part of one (an HTTP range request, a File slice);
   * may return fewer bytes at the end of the file. Sources that cannot simply leave it out.
   */
  readRange?(path: string, start: number, end: number): Promise<Uint8Array>;
}

/** A problem with one file that did not stop the rest of the import (see `../problems/`). */
export type { FileProblem } from '../problems/file-problem';

/** Reads a file as UTF-8 text. */
export async function readText(files: SceneFiles, path: string): Promise<string> {
  return new TextDecoder().decode(await files.read(path));
}

/** An in-memory source, for tests and for files already read. */
export function createMemoryFiles(name: string, entries: Record<string, Uint8Array>): SceneFiles {
  return {
    name,
    list: () => Object.keys(entries).sort(),
    read: async (path) => {
      const bytes = entries[path];
      if (!bytes) throw new Error(`${path}: no such file in ${name}`);
      return bytes;
    },
  };
}
