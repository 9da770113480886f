import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real sample data beside the repository (`../shared/data` from its root); never copied into it. */
export const SHARED_DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

/** The bytes of a file under `../shared/data`, e.g. `pcd/edge-cases/ascii.pcd`. */
export function readSharedFile(path: string): Uint8Array {
  return new Uint8Array(readFileSync(SHARED_DATA + path));
}

/** The file names in a folder under `../shared/data`, sorted. */
export function listSharedFiles(folder: string): string[] {
  return readdirSync(SHARED_DATA + folder).sort();
}

/** The header value of a PCD keyword as text (e.g. `POINTS`), read independently of the reader under test. */
export function readPcdHeaderValue(bytes: Uint8Array, key: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const line = head.split('\n').find((l) => l.startsWith(`${key} `));
  if (!line) throw new Error(`no ${key} line`);
  return line.slice(key.length + 1).trim();
}

/** Byte offset just past the DATA line of a PCD, found independently of the reader under test. */
export function findPcdDataOffset(bytes: Uint8Array): number {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const start = head.indexOf('\nDATA ');
  return head.indexOf('\n', start + 1) + 1;
}
