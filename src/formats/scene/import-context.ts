import { JsonFileError } from '../json/json-file-error';
import { FormatError } from '../pointcloud/format-error';
import type { ProblemCode, ProblemValues } from '../problems/file-problem';
import { readImageSize } from './image-size';
import type { FileProblem, SceneFiles } from './scene-files';

/** What every layout importer is handed: the files, the layout's root, and the shared bookkeeping. */
export interface ImportOptions {
  labelsAs?: 'labels' | 'prelabels';
  /** Which of the folder's scenes to import (a `SceneChoice.id` from `listScenes`); absent: the first. */
  scene?: string;
  /** Also import the sweeps between a dataset's keyframes as unlabelled frames (nuScenes), where it has them. */
  sweeps?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** An Error with the name `AbortError`, as `fetch` and DOM APIs reject when their signal aborts. */
export function createAbortError(): Error {
  const error = new Error('import aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * Reads files for an importer: counts progress (`plan` adds to the total, each read completes one), stops
 * with an AbortError as soon as the signal aborts, and turns a file that cannot be read or parsed into a
 * `FileProblem` instead of failing the import.
 */
export class ImportContext {
  readonly problems: FileProblem[] = [];
  readonly paths: readonly string[];
  readonly #listed: ReadonlySet<string>;
  #done = 0;
  #total = 0;

  constructor(
    readonly files: SceneFiles,
    readonly root: string,
    readonly options: ImportOptions,
  ) {
    this.paths = [...files.list()].sort();
    this.#listed = new Set(this.paths);
  }

  has(path: string): boolean {
    return this.#listed.has(path);
  }

  /** The listed paths under the root that match `pattern` (tested against the path after the root), sorted. */
  under(pattern: RegExp): string[] {
    return this.paths.filter((p) => p.startsWith(this.root) && pattern.test(p.slice(this.root.length)));
  }

  plan(count: number): void {
    this.#total += count;
    this.#report();
  }

  checkAborted(): void {
    if (this.options.signal?.aborted) throw createAbortError();
  }

  /**
   * Notes a problem of `path`; `place` is where inside the file (a JSON path, `line 3`), kept out of `message`;
   * `values` are what the code's sentence names.
   */
  problem(path: string, code: ProblemCode, message: string, place?: string, values?: ProblemValues): void {
    this.problems.push({ path, code, message, ...(place === undefined ? {} : { place }), ...(values && { values }) });
  }

  /** The bytes of `path`, or undefined after noting a problem. */
  async read(path: string): Promise<Uint8Array | undefined> {
    this.checkAborted();
    try {
      return await this.files.read(path);
    } catch (error) {
      this.#fail(path, error, 'file.unreadable');
      return undefined;
    } finally {
      this.checkAborted();
      this.#done++;
      this.#report();
    }
  }

  /** Counts one planned read done that went to `files` another way than `read` (a table streamed in ranges). */
  readDone(): void {
    this.#done++;
    this.#report();
  }

  async readText(path: string): Promise<string | undefined> {
    const bytes = await this.read(path);
    return bytes && new TextDecoder().decode(bytes);
  }

  /** Runs `parse`; an error it throws becomes a problem of `path` and the result is undefined. */
  parse<T>(path: string, parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      this.#fail(path, error, 'file.malformed');
      return undefined;
    }
  }

  /** Reads and parses a text file in one step. */
  async parseText<T>(path: string, parse: (text: string) => T): Promise<T | undefined> {
    const text = await this.readText(path);
    return text === undefined ? undefined : this.parse(path, () => parse(text));
  }

  /** The pixel size of an image file from its header, or undefined after noting a problem. */
  async readImageSize(path: string): Promise<{ width: number; height: number } | undefined> {
    // The size sits in the first bytes of a PNG and, EXIF thumbnails aside, of a JPEG: read only those where
    // the source allows it (a range request to a server), and the whole file when they were not enough.
    if (this.files.readRange) {
      try {
        return readImageSize(await this.files.readRange(path, 0, 64 * 1024), path);
      } catch {
        // Fall through to reading the whole file, which also reports the problem if there is one.
      }
    }
    const bytes = await this.read(path);
    return bytes && this.parse(path, () => readImageSize(bytes, path));
  }

  /** Marks the import complete for the progress callback. */
  finish(): void {
    this.#done = this.#total = Math.max(this.#done, this.#total);
    this.#report();
  }

  /** An error as a problem of `path`: the error's own code and place where it carries them, else `fallback`. */
  #fail(path: string, error: unknown, fallback: ProblemCode): void {
    const coded = error instanceof FormatError ? error : undefined;
    const code = coded?.code ?? fallback;
    // The reason alone where the error is about this very file; else the whole message, which names its file.
    if (coded?.fileName !== path) return this.problem(path, code, messageOf(error, path));
    const message = coded instanceof JsonFileError ? coded.faults.join('; ') : coded.reason;
    this.problem(path, code, message, coded.place, coded.values);
  }

  #report(): void {
    this.options.onProgress?.(this.#done, Math.max(this.#done, this.#total));
  }
}

/** An error's message without a leading `<path>: `, since the problem names the path already. */
function messageOf(error: unknown, path: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}
