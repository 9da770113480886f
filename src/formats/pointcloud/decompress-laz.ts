import { FormatError } from './format-error';
import type { LasHeader } from './las-header';
import { forgetLazPerf, loadLazPerf, type LazPerfFile } from './load-laz-perf';

/**
 * Decompresses the `header.pointCount` point records of a LAZ file with laz-perf and returns them as plain
 * LAS records (record i at i × recordLength). The caller has checked the header, the LASzip VLR and the
 * chunk table, and that the count is plausible for the bytes: laz-perf decodes whatever it is asked to.
 * laz-perf's C++ exceptions arrive as a number and a note that they cannot be caught, which says nothing
 * of the cause: the `FormatError` says instead at which step laz-perf gave up. A trap (RuntimeError) too.
 */
export async function decompressLaz(bytes: Uint8Array, header: LasHeader, fileName: string): Promise<Uint8Array> {
  const lazPerf = await loadLazPerf();
  const { pointCount, recordLength } = header;
  const size = pointCount * recordLength;
  const stack = lazPerf.stackSave();
  let filePointer = 0;
  let recordsPointer = 0;
  let file: LazPerfFile | undefined;
  let step = 'allocating';
  try {
    filePointer = lazPerf._malloc(bytes.length);
    recordsPointer = lazPerf._malloc(size);
    if (filePointer === 0 || recordsPointer === 0) throw new Error(`no memory for ${bytes.length + size} bytes`);
    lazPerf.HEAPU8.set(bytes, filePointer);
    file = new lazPerf.LASZip();
    step = 'reading the header, VLRs and chunk table';
    file.open(filePointer, bytes.length);
    if (file.getPointFormat() !== header.pointFormat || file.getPointLength() !== recordLength) {
      const read = `format ${file.getPointFormat()} with ${file.getPointLength()}-byte records`;
      throw new FormatError(fileName, `laz-perf reads ${read}, the header says ${header.pointFormat}, ${recordLength}`);
    }
    step = 'decompressing the points';
    for (let i = 0, p = recordsPointer; i < pointCount; i++, p += recordLength) file.getPoint(p);
    return lazPerf.HEAPU8.slice(recordsPointer, recordsPointer + size);
  } catch (error) {
    // An exception unwinds through wasm frames without restoring its stack pointer; a trap leaves the
    // instance in an unknown state, so it is dropped.
    release(() => lazPerf.stackRestore(stack));
    if (error instanceof FormatError) throw error;
    if (error instanceof WebAssembly.RuntimeError) forgetLazPerf();
    throw new FormatError(fileName, `corrupt LAZ data: laz-perf failed ${step}${describe(error)}`);
  } finally {
    release(() => file?.delete());
    release(() => lazPerf._free(filePointer));
    release(() => lazPerf._free(recordsPointer));
  }
}

/** Frees without letting a dead instance's second error hide the first. */
function release(free: () => void): void {
  try {
    free();
  } catch {
    forgetLazPerf();
  }
}

/** An Error's own message; not laz-perf's uncaught-exception note, which is the same for every cause. */
function describe(error: unknown): string {
  return error instanceof Error ? ` (${error.message.slice(0, 200)})` : '';
}
