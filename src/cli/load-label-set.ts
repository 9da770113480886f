import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LabelSet } from '../core/model/label-set';
import { materializeCuboids } from '../core/tracks/materialize-cuboids';
import { detectLabelFile, readLabelFile, type LabelFileKind } from '../formats/labels/label-formats';
import { importScene } from '../formats/scene/import-scene';
import type { FileProblem } from '../formats/scene/scene-files';
import { createNodeFiles } from './node-files';

/** A label set read from the command line's input, with what to hash for its lineage. */
export interface LoadedInput {
  set: LabelSet;
  problems: FileProblem[];
  /** The input files, as named in the lineage (relative to the folder, or the file's own name). */
  inputs: string[];
  read: (name: string) => Promise<Uint8Array>;
}

/** SHA-256 of some bytes as 64 hex digits (node's crypto; the app uses WebCrypto). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads a scene folder through the importers (KITTI, nuScenes sample, SUSTechPOINTS, Frustum manifest; every
 * file of the folder is an input) or a label file (OpenLABEL, nuScenes-style JSON, Frustum CSV; detected by
 * content unless `from` says which), with every box of every frame materialised. Rejects with an Error naming
 * the path when it is missing or unreadable.
 */
export async function loadLabelSet(target: string, from?: LabelFileKind): Promise<LoadedInput> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new Error(`${target}: no such file or folder`);
  if (info.isDirectory()) {
    const files = createNodeFiles(target);
    const imported = await importScene(files);
    const records = [...imported.tracks, ...imported.cuboids];
    const set = { scene: imported.scene, tracks: imported.tracks, cuboids: materializeCuboids(records, imported.scene.frames), segments: [] }; // prettier-ignore
    return { set, problems: imported.problems, inputs: [...files.list()], read: (p) => files.read(p) };
  }
  const bytes = new Uint8Array(await readFile(target));
  const name = path.basename(target);
  const text = new TextDecoder().decode(bytes);
  const read = readLabelFile(text, name, from ?? detectLabelFile(text));
  const { scene, tracks, cuboids, segments } = read.set;
  const set = { scene, tracks, cuboids: materializeCuboids([...tracks, ...cuboids], scene.frames), segments };
  return { set, problems: read.problems, inputs: [name], read: async () => bytes };
}
