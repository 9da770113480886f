import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SceneFiles } from '../formats/scene/scene-files';

/**
 * A `SceneFiles` over a local directory: every regular file below it (recursively, symbolic links followed,
 * hidden entries such as `.git` skipped), as '/'-separated paths relative to it. The listing is taken once.
 */
export function createNodeFiles(directory: string): SceneFiles {
  const root = path.resolve(directory);
  const paths = listFiles(root, '').sort();
  const listed = new Set(paths);
  return {
    name: path.basename(root),
    list: () => paths,
    read: async (relative) => {
      if (!listed.has(relative)) throw new Error(`${relative}: no such file in ${path.basename(root)}`);
      try {
        const buffer = await readFile(path.join(root, ...relative.split('/')));
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (error) {
        throw new Error(`${relative}: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}

function listFiles(root: string, prefix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const kind = entry.isSymbolicLink() ? statSync(path.join(root, relative)) : entry;
    if (kind.isDirectory()) out.push(...listFiles(root, relative));
    else if (kind.isFile()) out.push(relative);
  }
  return out;
}
