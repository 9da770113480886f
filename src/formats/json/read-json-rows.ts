import { createAbortError } from '../scene/import-context';
import type { SceneFiles } from '../scene/scene-files';
import { JsonFileError } from './json-file-error';
import { JsonRowScanner, RowKeyFilter, RowScanFault } from './json-row-scanner';

/** Which rows to keep: those whose top-level string field `key` is one of `values`. */
export interface RowFilter {
  key: string;
  values: ReadonlySet<string>;
}

export interface ReadJsonRowsOptions {
  /** Bytes read at a time where the source reads ranges (default 8 MiB); a row longer than that still fits. */
  chunkBytes?: number;
  signal?: AbortSignal;
}

/** Large enough that a read's fixed cost is nothing beside its bytes, small enough to hold beside the rows. */
const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Streams the top-level JSON array of `path` in chunks (files.readRange when the source has it, else one read),
 * and JSON.parses only the objects whose top-level string field `key` is in `values` (every object when no
 * filter). Memory: one chunk plus the rows kept. Throws a JsonFileError/FormatError naming the path on bad JSON.
 *
 * The rows left out are found by their brackets and compared by their key's bytes, never decoded, which is what
 * makes one scene of a large nuScenes split quick to open: its rows are a few hundredths of each table. So a
 * fault inside a row left out goes unnoticed; the array's own structure, and every row kept, are checked.
 */
export async function readJsonRows<T>(
  files: SceneFiles,
  path: string,
  filter?: RowFilter,
  options: ReadJsonRowsOptions = {},
): Promise<T[]> {
  const { signal } = options;
  const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
  if (signal?.aborted) throw createAbortError();
  const readChunk = await chunkReader(files, path);
  const scanner = new JsonRowScanner(filter && new RowKeyFilter(filter.key, filter.values));
  const rows = new RowDecoder<T>(path);
  const scan = (buffer: Uint8Array, from: number, offset: number): number => {
    rows.bufferOffset = offset;
    try {
      const consumed = scanner.scan(buffer, from, offset, rows.sink);
      rows.flush(buffer);
      return consumed;
    } catch (error) {
      if (error instanceof RowScanFault) throw new JsonFileError(path, [`${error.place} ${error.message}`], 'json.syntax'); // prettier-ignore
      throw error;
    }
  };
  // The bytes of a row that the last chunk cut, which the next chunk completes.
  let carry: Uint8Array | undefined;
  let position = 0;
  for (;;) {
    // A row longer than a chunk doubles the read, so that it is scanned again only a few times.
    const wanted = Math.max(chunkBytes, carry?.length ?? 0);
    const chunk = await readChunk(position, position + wanted);
    if (signal?.aborted) throw createAbortError();
    let from = 0;
    if (carry) [carry, from] = finishCarriedRow(carry, chunk, position, scan);
    if (!carry) {
      const consumed = scan(chunk, from, position);
      if (consumed < chunk.length) carry = chunk.subarray(consumed);
    }
    position += chunk.length;
    // A source may return fewer bytes only at the end of the file.
    if (chunk.length < wanted) break;
  }
  if (!scanner.done) {
    const where = carry ? `inside row ${scanner.rows} (opened at byte ${position - carry.length})` : 'before the closing "]"'; // prettier-ignore
    const place = carry ? `/${scanner.rows}` : '/';
    throw new JsonFileError(path, [`${place} ends ${where}, at byte ${position} (truncated?)`], 'json.syntax');
  }
  return rows.rows;
}

/** Reads `[start, end)` of the file: ranges where the source has them, else slices of one whole read. */
async function chunkReader(
  files: SceneFiles,
  path: string,
): Promise<(start: number, end: number) => Promise<Uint8Array>> {
  const readRange = files.readRange?.bind(files);
  if (readRange) return (start, end) => readRange(path, start, end);
  const whole = await files.read(path);
  return async (start, end) => whole.subarray(start, end);
}

/**
 * Completes the row the last chunk cut (`carry`, ending at `position` of the file) with the head of `chunk`:
 * copies the carry and a few kilobytes of the chunk, not the whole chunk, and scans them. Returns what is
 * still open (the carry grown by the whole chunk, for a row longer than it) and where the scan of the rest of
 * `chunk` goes on.
 */
function finishCarriedRow(
  carry: Uint8Array,
  chunk: Uint8Array,
  position: number,
  scan: (buffer: Uint8Array, from: number, offset: number) => number,
): [Uint8Array | undefined, number] {
  for (let headBytes = Math.max(carry.length, 4096); ; headBytes *= 2) {
    const head = chunk.subarray(0, Math.min(chunk.length, headBytes));
    const joined = concat(carry, head);
    const consumed = scan(joined, 0, position - carry.length);
    // The carried row closed inside the head: the chunk goes on from the first byte the scan left.
    if (consumed > 0) return [undefined, consumed - carry.length];
    if (head.length === chunk.length) return [joined, chunk.length];
  }
}

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array {
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}

/**
 * Decodes the rows kept. Rows kept one after another in the same buffer are decoded and parsed together, as
 * one array, since a TextDecoder and JSON.parse call per small row cost more than the row: a table read whole
 * then costs about what one JSON.parse of it does. Where such a run does not parse, its rows are parsed one
 * at a time to name the row at fault.
 */
class RowDecoder<T> {
  readonly rows: T[] = [];
  readonly #path: string;
  readonly #decoder = new TextDecoder();
  // The current run: [start, end) byte pairs of its rows in the current buffer, and the first row's index.
  readonly #bounds: number[] = [];
  #firstIndex = 0;
  #nextIndex = -1;
  /** Where the buffer the scanner reads starts in the file, for messages. */
  bufferOffset = 0;

  constructor(path: string) {
    this.#path = path;
  }

  /** Takes a kept row; one not adjacent to the run (a row between was left out) first closes the run. */
  readonly sink = (buffer: Uint8Array, start: number, end: number, index: number): void => {
    if (index !== this.#nextIndex && this.#bounds.length > 0) this.#parseRun(buffer);
    if (this.#bounds.length === 0) this.#firstIndex = index;
    this.#bounds.push(start, end);
    this.#nextIndex = index + 1;
  };

  /** Parses the open run, before the buffer its offsets point into is let go. */
  flush(buffer: Uint8Array): void {
    if (this.#bounds.length > 0) this.#parseRun(buffer);
    this.#nextIndex = -1;
  }

  #parseRun(buffer: Uint8Array): void {
    const bounds = this.#bounds;
    const count = bounds.length / 2;
    try {
      const text = this.#decoder.decode(buffer.subarray(bounds[0], bounds[bounds.length - 1]));
      if (count === 1) this.rows.push(JSON.parse(text) as T);
      else for (const row of JSON.parse(`[${text}]`) as T[]) this.rows.push(row);
    } catch {
      this.#findFault(buffer);
    }
    bounds.length = 0;
  }

  /** Throws for the first row of the run that does not parse. */
  #findFault(buffer: Uint8Array): never {
    const bounds = this.#bounds;
    for (let r = 0; r < bounds.length; r += 2) {
      try {
        JSON.parse(this.#decoder.decode(buffer.subarray(bounds[r], bounds[r + 1])));
      } catch (error) {
        const fault = `/${this.#firstIndex + r / 2} not valid JSON (${(error as Error).message}), in the row at byte ${this.bufferOffset + bounds[r]!}`; // prettier-ignore
        throw new JsonFileError(this.#path, [fault], 'json.syntax');
      }
    }
    throw new JsonFileError(this.#path, [`/${this.#firstIndex} not valid JSON`], 'json.syntax');
  }
}
