import { existsSync, statSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scaffoldManifest, type ManifestScaffold } from '../formats/scene/scaffold-manifest';
import { createNodeFiles } from './node-files';

/** What `frustum manifest <folder> [-o <file>] [--force]` asks. */
export interface ManifestArgs {
  folder: string;
  /** Where to write; absent: `<folder>/frustum-manifest.json`. */
  output?: string;
  force: boolean;
}

/** The names the import looks for (`detectLayout`): a manifest under another name would never be found. */
const MANIFEST_NAME = /^(frustum-manifest\.json|[^/\\]+\.frustum\.json)$/;

/** Parses the arguments after `manifest`; undefined when they do not fit. */
export function parseManifestArgs(args: readonly string[]): ManifestArgs | undefined {
  let folder: string | undefined;
  let output: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-o' || arg === '--out') {
      const value = args[++i];
      if (!value || value.startsWith('-') || output !== undefined) return undefined;
      output = value;
    } else if (arg === '--force') force = true;
    else if (arg.startsWith('-') || folder !== undefined) return undefined;
    else folder = arg;
  }
  return folder === undefined ? undefined : { folder, force, ...(output !== undefined ? { output } : {}) };
}

/**
 * Lists the folder, scaffolds a manifest from it (`scaffoldManifest`) and writes it to `-o` (default
 * `<folder>/frustum-manifest.json`). The manifest's paths are relative to its own folder, so `-o` must be in
 * the listed folder or a folder above it, under a name the import recognises. Refuses to replace a file without
 * `force`. Rejects with an Error naming the path; nothing is written then.
 */
export async function writeManifestScaffold(args: ManifestArgs): Promise<{ file: string; scaffold: ManifestScaffold }> {
  const info = await stat(args.folder).catch(() => undefined);
  if (!info) throw new Error(`${args.folder}: no such folder`);
  if (!info.isDirectory()) throw new Error(`${args.folder}: not a folder`);
  const file = args.output ?? path.join(args.folder, 'frustum-manifest.json');
  if (!MANIFEST_NAME.test(path.basename(file))) {
    throw new Error(`${file}: name it frustum-manifest.json or <name>.frustum.json, the names an import looks for`);
  }
  const folder = path.resolve(args.folder);
  const fromManifest = path.relative(path.dirname(path.resolve(file)), folder);
  if (fromManifest.startsWith('..') || path.isAbsolute(fromManifest)) {
    throw new Error(
      `${file}: write it in ${args.folder} or a folder above it (a manifest's paths are relative to its folder and cannot go up)`,
    );
  }
  if (existsSync(file) && !args.force) throw new Error(`${file}: already exists (--force replaces it)`);

  const files = createNodeFiles(folder);
  const written = path.relative(folder, path.resolve(file)).split(path.sep).join('/');
  const listed = files
    .list()
    .filter((p) => p !== written)
    .map((p) => ({ path: p, bytes: statSync(path.join(folder, ...p.split('/'))).size }));
  const scaffold = await scaffoldManifest({
    folderName: path.basename(folder),
    files: listed,
    read: (p) => files.read(p),
    prefix: fromManifest ? `${fromManifest.split(path.sep).join('/')}/` : '',
    manifestName: path.basename(file),
  });
  await writeFile(file, `${scaffold.text}\n`);
  return { file, scaffold };
}

/** What the command prints: the file written, what was guessed, and every placeholder to fill in. */
export function formatScaffoldSummary(file: string, scaffold: ManifestScaffold): string[] {
  const { frames, lidars, cameras = [] } = scaffold.manifest;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    `Wrote ${file}: ${count(frames.length, 'frame', 'frames')}, ${count(lidars.length, 'LiDAR', 'LiDARs')}, ${count(cameras.length, 'camera', 'cameras')}.`, // prettier-ignore
    'Guessed from the names, sizes and image headers:',
    ...scaffold.guessed.map((line) => `  - ${line}`),
    'Placeholders to fill in (JSON path: what stands there now):',
    ...scaffold.fillIn.map((line) => `  - ${line}`),
    `Then check it: frustum inspect ${path.dirname(file)}`,
  ];
}
