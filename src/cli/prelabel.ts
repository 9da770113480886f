import { mkdir, writeFile } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { buildLineage } from '../formats/labels/build-lineage';
import { EXPORT_FORMATS } from '../formats/labels/label-formats';
import { validateOpenLabel } from '../formats/labels/openlabel-validate';
import { importScene } from '../formats/scene/import-scene';
import { materializeCuboids } from '../core/tracks/materialize-cuboids';
import { prelabelFrames, PRELABEL_CLASSES } from '../core/prelabel/prelabel-frames';
import { prelabelRecords } from '../core/prelabel/prelabel-records';
import { sha256Hex } from './load-label-set';
import { createNodeFiles } from './node-files';
import { loadOpenLabelCheck } from './openlabel-schema';
import { sceneSweeps } from './scene-sweeps';

/** What `frustum prelabel <scene-folder> -o <labels.json> [--classes a,b] [--author name]` asks for. */
export interface PrelabelArgs {
  folder: string;
  out: string;
  classes: string[];
  author?: string;
}

/** Parses the arguments after `prelabel`; undefined when they do not fit. */
export function parsePrelabelArgs(args: readonly string[]): PrelabelArgs | undefined {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (['-o', '--out', '--classes', '--author'].includes(arg)) {
      const value = args[++i];
      if (value === undefined) return undefined;
      options.set(arg === '--out' ? '-o' : arg, value);
    } else if (arg.startsWith('-')) return undefined;
    else positional.push(arg);
  }
  const out = options.get('-o');
  if (positional.length !== 1 || !out) return undefined;
  const classes = (options.get('--classes') ?? PRELABEL_CLASSES.join(','))
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (classes.length === 0 || classes.some((c) => !PRELABEL_CLASSES.includes(c))) return undefined;
  const author = options.get('--author');
  return { folder: positional[0]!, out, classes, ...(author ? { author } : {}) };
}

/** What `prelabel` prints: the file written, the engine, and what it found. */
export interface PrelabelReport {
  file: string;
  model: string;
  version: string;
  frames: number;
  tracks: number;
  boxes: number;
  byClass: Record<string, number>;
}

/**
 * Imports the scene folder, pre-labels every frame with the same engine the app runs (sweeps read one at a
 * time), and writes the tracks as OpenLABEL with the lineage (the engine and version on every box, the inputs
 * hashed), checked against Frustum's OpenLABEL schema before anything is written.
 */
export async function prelabelFolder(
  args: PrelabelArgs,
  progress?: (done: number, total: number) => void,
): Promise<PrelabelReport> {
  const info = await stat(args.folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`${args.folder}: no such folder`);
  const check = await loadOpenLabelCheck();
  const files = createNodeFiles(args.folder);
  const imported = await importScene(files);
  const { scene } = imported;
  if (scene.lidars.length === 0) throw new Error(`${args.folder}: this scene has no LiDAR to pre-label`);
  const total = scene.frames.length;
  const result = await prelabelFrames(
    sceneSweeps(imported, (p) => files.read(p)),
    {
      classes: args.classes,
      onFrame: (done) => progress?.(done, total),
    },
  );
  let n = 0;
  const records = prelabelRecords(scene.id, result, () => `prelabel-${++n}`);
  const set = {
    scene,
    tracks: records.tracks,
    cuboids: materializeCuboids([...records.tracks, ...records.cuboids], scene.frames),
    segments: [],
  };
  const lineage = await buildLineage({
    set,
    inputs: [...files.list()],
    read: (p) => files.read(p),
    sha256: sha256Hex,
    author: args.author ?? 'frustum prelabel',
    time: new Date().toISOString(),
  });
  const written = EXPORT_FORMATS.openlabel.write(set, lineage, path.basename(args.out));
  const file = written.files[0]!;
  validateOpenLabel(file.text, file.path, check);
  await mkdir(path.dirname(path.resolve(args.out)), { recursive: true });
  await writeFile(args.out, file.text);
  const byClass: Record<string, number> = {};
  for (const t of records.tracks) byClass[t.classId] = (byClass[t.classId] ?? 0) + 1;
  return { file: args.out, model: result.model, version: result.version, frames: total, tracks: records.tracks.length, boxes: records.cuboids.length, byClass }; // prettier-ignore
}
