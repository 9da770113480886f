import { mkdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { buildLineage } from '../formats/labels/build-lineage';
import { EXPORT_FORMATS, isExportFormat, type ExportFormatId } from '../formats/labels/label-formats';
import type { FileProblem } from '../formats/problems/file-problem';
import { groupProblems, type ProblemGroup } from '../formats/problems/group-problems';
import type { LabelFileKind } from '../formats/labels/label-formats';
import { validateOpenLabel } from '../formats/labels/openlabel-validate';
import { loadLabelSet, sha256Hex } from './load-label-set';
import { loadOpenLabelCheck } from './openlabel-schema';

/**
 * What `frustum convert <input> --to <format> -o <out> [--from <kind>] [--author <name>] [--schema <file>]
 * [--verbose]` asks for.
 */
export interface ConvertArgs {
  input: string;
  to: ExportFormatId;
  out: string;
  from?: LabelFileKind;
  author?: string;
  /** With `--to openlabel`: check the result against this schema file instead of Frustum's own. */
  schema?: string;
  /** Print every problem (`allProblems`) beside the groups. */
  verbose?: boolean;
}

const FROM: readonly LabelFileKind[] = ['openlabel', 'nuscenes', 'csv'];

/** Parses the arguments after `convert`; undefined when they do not fit. */
export function parseConvertArgs(args: readonly string[]): ConvertArgs | undefined {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (['--to', '-o', '--out', '--from', '--author', '--schema'].includes(arg)) {
      const value = args[++i];
      if (value === undefined) return undefined;
      options.set(arg === '--out' ? '-o' : arg, value);
    } else if (arg === '--verbose') options.set(arg, 'yes');
    else if (arg.startsWith('-')) return undefined;
    else positional.push(arg);
  }
  const [to, out, from] = [options.get('--to'), options.get('-o'), options.get('--from')];
  if (positional.length !== 1 || !to || !isExportFormat(to) || !out) return undefined;
  if (from !== undefined && !FROM.includes(from as LabelFileKind)) return undefined;
  const author = options.get('--author');
  const schema = options.get('--schema');
  // A schema for a target that is not OpenLABEL would check nothing: misuse, not a silent skip.
  if (schema !== undefined && to !== 'openlabel') return undefined;
  const verbose = options.has('--verbose');
  return { input: positional[0]!, to, out, ...(from ? { from: from as LabelFileKind } : {}), ...(author ? { author } : {}), ...(schema ? { schema } : {}), ...(verbose ? { verbose } : {}) }; // prettier-ignore
}

/**
 * What `convert` prints: the files written and what was left out or guessed, reading and writing together, as
 * one group per problem code; with `--verbose` also every problem.
 */
export interface ConvertReport {
  to: ExportFormatId;
  files: string[];
  tracks: number;
  boxes: number;
  problems: ProblemGroup[];
  allProblems?: FileProblem[];
}

/**
 * Reads the input (`loadLabelSet`), hashes its files for the lineage, writes the target format: a `file` format
 * to `out` (sidecars beside it), a `folder` format under `out`. An OpenLABEL result is checked against
 * Frustum's own OpenLABEL schema, or the `schema` file, and refused (nothing written, a `JsonFileError`) if it
 * breaks it; a schema file that cannot be read or compiled rejects before anything is read.
 */
export async function convert(args: ConvertArgs): Promise<ConvertReport> {
  const check = args.to === 'openlabel' ? await loadOpenLabelCheck(args.schema) : undefined;
  const loaded = await loadLabelSet(args.input, args.from);
  const lineage = await buildLineage({
    set: loaded.set,
    inputs: loaded.inputs,
    read: loaded.read,
    sha256: sha256Hex,
    author: args.author ?? currentUser(),
    time: new Date().toISOString(),
  });
  const format = EXPORT_FORMATS[args.to];
  const folder = format.layout === 'folder' ? args.out : path.dirname(args.out);
  const result = format.write(loaded.set, lineage, path.basename(args.out));
  if (check) validateOpenLabel(result.files[0]!.text, result.files[0]!.path, check);
  const written: string[] = [];
  for (const file of result.files) {
    const target = path.join(folder, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.bytes ?? file.text);
    written.push(target);
  }
  const problems = [...loaded.problems, ...result.problems];
  return {
    to: args.to,
    files: written,
    tracks: loaded.set.tracks.length,
    boxes: loaded.set.cuboids.length,
    problems: groupProblems(problems),
    ...(args.verbose ? { allProblems: problems } : {}),
  };
}

function currentUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
