import type { Cuboid, Track } from '../model/labels';
import type { Ontology } from '../model/ontology';
import type { Scene } from '../model/scene';
import type { SweepIndex } from '../fit/sweep-index';
import type { LintProfile } from './profile';

export type Severity = 'info' | 'warning' | 'error';

/** The checks, in the order they run and are listed (see README.md for what each looks at). */
export const CHECK_IDS = [
  'unknownClass',
  'attributeMissing',
  'attributeValue',
  'attributeUnknown',
  'size',
  'rigidSize',
  'duplicate',
  'overlap',
  'gap',
  'headingFlip',
  'speed',
  'acceleration',
  'yawRate',
  'points',
  'belowGround',
  'aboveGround',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/** The checks that read a frame's points; the others read labels alone. */
export const POINT_CHECK_IDS = ['points', 'belowGround', 'aboveGround'] as const satisfies readonly CheckId[];

export function isPointCheck(check: CheckId): boolean {
  return (POINT_CHECK_IDS as readonly CheckId[]).includes(check);
}

/** How serious a severity is, higher more so: to pick a run's worst and to list errors first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * One problem a check found on a track over a run of consecutive frames. The id is made of the check, the
 * track (`a+b` for a check on two tracks) and the frames, so that a re-run finds the same problem under the same
 * id: a dismissal stays with it, and a finding that no longer turns up is closed. `frame`, `cuboidId`, `value`
 * and `limit` describe the worst frame of the run; `params` holds what a message needs besides (the other
 * track, the attribute, the dimension), plain values so that a finding is a JSON-safe record.
 */
export interface Finding {
  id: string;
  check: CheckId;
  severity: Severity;
  /** First and last frame index of the run, both included. */
  frames: [number, number];
  /** The worst frame of the run. */
  frame: number;
  trackId: string;
  cuboidId?: string;
  value?: number | string;
  limit?: number | string;
  params: Record<string, string | number>;
}

/**
 * Where the point checks read a frame's points and ground: the app's sweep index (built in the decode worker),
 * or the CLI's, from the scene's files. Undefined for a frame without a sweep; those boxes are not checked.
 */
export type PointSource = (frameIndex: number) => SweepIndex | undefined | Promise<SweepIndex | undefined>;

/**
 * What the checks read: the scene (frames with timestamps and ego poses), its tracks and boxes (stored ones,
 * or every frame's as a label file holds them: derived boxes are recognised and made again), the ontology the
 * labels should follow (no ontology: the ontology checks stay silent) and, optionally, the points.
 */
export interface LintInput {
  scene: Pick<Scene, 'frames'>;
  tracks: readonly Track[];
  cuboids: readonly Cuboid[];
  ontology?: Ontology;
  points?: PointSource;
}

/**
 * One run of the checks as the app sends it to its worker: the scene's frames, its stored labels, the profile,
 * and the sweep indexes the app holds (the frame on screen), which the point checks read.
 */
export interface LintRunRequest {
  frames: Scene['frames'];
  tracks: Track[];
  /** The stored boxes; the checks derive the boxes between them. */
  cuboids: Cuboid[];
  ontology?: Ontology;
  profile?: LintProfile;
  sweeps: { frameIndex: number; sweep: SweepIndex }[];
}

/** How far the checks are: `done` of `total` steps, the check now running. For a worker's progress bar. */
export interface LintProgress {
  done: number;
  total: number;
  check: CheckId;
}

/** What a check reports for one box (or one frame of a track): grouped into findings by `groupHits`. */
export interface Hit {
  trackId: string;
  frame: number;
  cuboidId?: string;
  value?: number | string;
  limit?: number | string;
  /** How far past its limit, to pick the worst hit of a run (larger is worse). */
  excess: number;
  params?: Record<string, string | number>;
  /** Which hits belong together: the track, or `a+b` for a pair, plus anything that must stay apart. */
  key?: string;
  severity: Severity;
}

/**
 * Findings of one check from its hits: hits with the same key on consecutive frames become one finding over
 * the run (a box too large for 40 frames is one problem, not 40), reported at its worst frame.
 */
export function groupHits(check: CheckId, hits: readonly Hit[]): Finding[] {
  const byKey = new Map<string, Hit[]>();
  for (const h of hits) {
    const key = h.key ?? h.trackId;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(h);
  }
  const out: Finding[] = [];
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.frame - b.frame);
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && list[i]!.frame <= list[i - 1]!.frame + 1) continue;
      out.push(findingOf(check, key, list.slice(start, i)));
      start = i;
    }
  }
  return out.sort((a, b) => a.frames[0] - b.frames[0] || a.id.localeCompare(b.id));
}

function findingOf(check: CheckId, key: string, run: readonly Hit[]): Finding {
  const worst = run.reduce((w, h) => (h.excess > w.excess ? h : w));
  // A run's severity is its most severe hit's (a pair of checks may grade by how far past the limit).
  const severity = run.reduce<Severity>((s, h) => (SEVERITY_RANK[h.severity] > SEVERITY_RANK[s] ? h.severity : s), 'info'); // prettier-ignore
  const first = run[0]!.frame,
    last = run.at(-1)!.frame;
  const finding: Finding = {
    id: `${check}:${key}:${first}-${last}`,
    check,
    severity,
    frames: [first, last],
    frame: worst.frame,
    trackId: worst.trackId,
    params: { ...worst.params },
  };
  if (worst.cuboidId !== undefined) finding.cuboidId = worst.cuboidId;
  if (worst.value !== undefined) finding.value = worst.value;
  if (worst.limit !== undefined) finding.limit = worst.limit;
  return finding;
}

/** Rounds a measured value for a finding: enough digits to read, few enough that a re-run compares equal. */
export function rounded(v: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
