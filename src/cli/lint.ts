import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildSweepIndex } from '../core/fit/sweep-index';
import { applyDismissals, type Dismissal } from '../core/lint/dismissals';
import type { Finding, PointSource } from '../core/lint/finding';
import type { LintProfile } from '../core/lint/profile';
import { runChecks } from '../core/lint/run-checks';
import type { Ontology } from '../core/model/ontology';
import { shippedOntology } from '../core/model/shipped-ontologies';
import type { LabelSet } from '../core/model/label-set';
import { readBundle } from '../formats/bundle/read-bundle';
import { JsonFileError } from '../formats/json/json-file-error';
import { parseJsonFile } from '../formats/json/validate-json';
import { readLintProfile } from '../formats/lint-profile/read-lint-profile';
import { readOntology } from '../formats/ontology/read-ontology';
import { readPointCloudFileAsync } from '../formats/pointcloud/read-point-cloud-file-async';
import { loadLabelSet } from './load-label-set';

/** What `frustum lint <folder-or-label-file> [--profile p.json] [--dismissals d.json] [--ontology o]` asks. */
export interface LintArgs {
  target: string;
  profile?: string;
  dismissals?: string;
  /**
   * A shipped ontology's id, an ontology file, or `none`. Absent: the ontology the input names (a scene folder's,
   * or a label file that says which, as Frustum's OpenLABEL and nuScenes-style files do); a label file that
   * names none (KITTI's, another tool's) is checked without one, since a fallback's classes would all be wrong.
   */
  ontology?: string;
}

const FLAGS = { '--profile': 'profile', '--dismissals': 'dismissals', '--ontology': 'ontology' } as const;

/** Parses the arguments after `lint`; undefined when they do not fit. */
export function parseLintArgs(args: readonly string[]): LintArgs | undefined {
  let target: string | undefined;
  const out: Partial<LintArgs> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg in FLAGS) {
      const value = args[++i];
      const key = FLAGS[arg as keyof typeof FLAGS];
      if (!value || value.startsWith('-') || out[key] !== undefined) return undefined;
      out[key] = value;
    } else if (arg.startsWith('-') || target !== undefined) return undefined;
    else target = arg;
  }
  return target === undefined ? undefined : { ...out, target };
}

/** One finding as the command prints it: the names a pipeline greps for (`track`, `box`), then the rest. */
export interface PrintedFinding {
  id: string;
  check: string;
  severity: string;
  frame: number;
  frames: [number, number];
  track: string;
  box?: string;
  value?: number | string;
  limit?: number | string;
  params: Record<string, string | number>;
  reason?: string;
}

export interface LintReport {
  /** The ontology the labels were checked against (its id), or null: no class or attribute checks. */
  ontology: string | null;
  findings: PrintedFinding[];
  /** Findings a dismissal set aside, with its reason; they do not count toward the exit code. */
  dismissed: PrintedFinding[];
  counts: { error: number; warning: number; info: number };
}

/**
 * Runs the label checks on a scene folder or a label file. For a scene folder the point checks read each
 * frame's first LiDAR sweep from the folder; a label file has no sweeps, so only the label checks run.
 * Rejects with an Error naming the file when an input cannot be read.
 */
export async function lintPath(args: LintArgs): Promise<LintReport> {
  const profile: LintProfile = args.profile ? readLintProfile(await readText(args.profile), path.basename(args.profile)) : { checks: {} }; // prettier-ignore
  const dismissals = args.dismissals ? await readDismissalsFile(args.dismissals) : [];
  const loaded = await loadLabelSet(args.target);
  const folder = (await stat(args.target)).isDirectory();
  const named = folder || (await namesOntology(args.target)) ? loaded.set.scene.ontologyId : undefined;
  const ontology = await ontologyFor(args.ontology, named);
  const points = folder ? sweepSource(loaded.set, loaded.read) : undefined;
  const findings = await runChecks({ ...loaded.set, ontology, points }, profile);
  const { open, dismissed } = applyDismissals(findings, dismissals);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of open) counts[f.severity]++;
  return { ontology: ontology?.id ?? null, findings: open.map(printed), dismissed: dismissed.map((f) => ({ ...printed(f), reason: f.reason })), counts }; // prettier-ignore
}

function printed(f: Finding): PrintedFinding {
  const out: PrintedFinding = { id: f.id, check: f.check, severity: f.severity, frame: f.frame, frames: f.frames, track: f.trackId, params: f.params }; // prettier-ignore
  if (f.cuboidId !== undefined) out.box = f.cuboidId;
  if (f.value !== undefined) out.value = f.value;
  if (f.limit !== undefined) out.limit = f.limit;
  return out;
}

/**
 * The dismissals `--dismissals` names: a Frustum bundle's (its label records of type `dismissal`, as the app
 * keeps them; told apart by the zip signature `PK`), else a JSON file (`readDismissals`).
 */
async function readDismissalsFile(file: string): Promise<Dismissal[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    throw new Error(`${file}: no such file`);
  }
  const name = path.basename(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return readBundle(bytes, name).records.flatMap((r) => (r.type === 'dismissal' ? [{ findingId: r.findingId, reason: r.reason }] : [])); // prettier-ignore
  }
  return readDismissals(new TextDecoder().decode(bytes), name);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file}: no such file`);
  }
}

async function ontologyFor(option: string | undefined, named: string | undefined): Promise<Ontology | undefined> {
  if (option === 'none') return undefined;
  if (option === undefined) return named === undefined ? undefined : shippedOntology(named);
  const shipped = shippedOntology(option);
  if (shipped) return shipped;
  return readOntology(await readText(option), path.basename(option));
}

/** Whether a label file says which ontology its labels follow (Frustum's OpenLABEL metadata, nuScenes-style). */
async function namesOntology(file: string): Promise<boolean> {
  return /"(ontologyId|ontology_id)"\s*:/.test(await readText(file));
}

/**
 * Dismissals as a JSON file: an array of `{ findingId, reason }`, or an object holding one as `dismissals`.
 * Throws a `JsonFileError` naming the file and the JSON path of each fault.
 */
export function readDismissals(text: string, fileName: string): Dismissal[] {
  const json = parseJsonFile(text, fileName);
  const list: unknown = Array.isArray(json) ? json : (json as { dismissals?: unknown } | null)?.dismissals;
  const base = Array.isArray(json) ? '' : '/dismissals';
  if (!Array.isArray(list)) throw new JsonFileError(fileName, ['/ must be an array of { findingId, reason }, or hold one as "dismissals"']); // prettier-ignore
  const faults: string[] = [];
  const out: Dismissal[] = [];
  list.forEach((d: unknown, i) => {
    const r = d as { findingId?: unknown; reason?: unknown } | null;
    if (typeof r?.findingId !== 'string') faults.push(`${base}/${i}/findingId must be a string (a finding's id)`);
    else if (typeof r.reason !== 'string') faults.push(`${base}/${i}/reason must be a string`);
    else out.push({ findingId: r.findingId, reason: r.reason });
  });
  if (faults.length > 0) throw new JsonFileError(fileName, faults);
  return out;
}

/** Each frame's first LiDAR sweep from the scene folder, indexed for counting and with its ground. */
function sweepSource(set: LabelSet, read: (name: string) => Promise<Uint8Array>): PointSource {
  const lidars = new Map(set.scene.lidars.map((l) => [l.id, l]));
  return async (frameIndex) => {
    const sample = set.scene.frames[frameIndex]?.lidar[0];
    const lidar = sample && lidars.get(sample.sensorId);
    if (!sample || !lidar) return undefined;
    const cloud = await readPointCloudFileAsync(await read(sample.uri), sample.uri);
    return buildSweepIndex(cloud, lidar.egoFromLidar);
  };
}
