import type { AgreementReport } from '../core/agreement/agreement';
import type { FrameDifference } from '../core/agreement/differences';
import type { LabelSet } from '../core/model/label-set';
import type { Cuboid, LabelRecord, Track } from '../core/model/labels';
import { materializeCuboids } from '../core/tracks/materialize-cuboids';
import { labelsIntoScene } from '../formats/labels/labels-into-scene';
import { readLabelFiles } from '../formats/labels/read-label-files';
import { reportError, type ErrorReport } from '../formats/problems/error-report';
import type { FileProblem } from '../formats/problems/file-problem';
import { labelFileOf, type ChosenFile } from './label-import.svelte';
import type { SessionState } from './session.svelte';

/** Where the comparison runs (a worker, wired in `app/`). */
export interface CompareBackend {
  compare(reference: LabelSet, current: LabelSet): Promise<{ report: AgreementReport; differences: FrameDifference[] }>;
}

/** What the current labels are compared with: a saved label version, or a label file brought in for it. */
export type CompareSource = { kind: 'version'; id: string; message: string } | { kind: 'file'; name: string };

/** How a difference is drawn in the 3D view, over the labels. */
export const DIFFERENCE_COLORS = {
  matched: '#22c55e',
  missed: '#ef4444',
  extra: '#f97316',
  switched: '#d946ef',
} as const;

/**
 * The current labels compared with a reference (a version, or a label file of the same scene): the agreement
 * figures, and frame by frame which boxes match, which the reference has and the labels miss, which the labels
 * have beyond it, and where a track's identity switched. Nothing here changes the labels.
 */
export class CompareState {
  source = $state.raw<CompareSource | undefined>(undefined);
  report = $state.raw<AgreementReport | undefined>(undefined);
  differences = $state.raw<FrameDifference[]>([]);
  busy = $state(false);
  error = $state.raw<ErrorReport | undefined>(undefined);
  /** The labels' version when compared: later edits make the comparison stale until it is run again. */
  comparedAt = $state(-1);
  /** What reading a label file to compare with reported (boxes past the scene's end, …): shown beside the figures. */
  problems = $state.raw<FileProblem[]>([]);
  /** Bumped by each comparison and by `clear`: only the newest comparison's result is shown. */
  #generation = 0;
  /** The reference's boxes by id (a plain record: read when drawing, never watched). */
  #reference: Record<string, Cuboid> = {};
  #records: LabelRecord[] = [];

  constructor(
    private readonly session: Pick<SessionState, 'scene' | 'labels'>,
    private readonly backend: CompareBackend,
  ) {}

  get stale(): boolean {
    return this.report !== undefined && this.session.labels.version !== this.comparedAt;
  }

  /** Frames where the two differ, in order, with how many boxes are missed, extra and switched there. */
  get framesWithDifferences(): { frame: number; missed: number; extra: number; switched: number }[] {
    return this.differences
      .map((f) => ({
        frame: f.frame,
        missed: f.missed.length,
        extra: f.extra.length,
        switched: f.matched.filter((m) => m.switched).length,
      })) // prettier-ignore
      .filter((f) => f.missed + f.extra + f.switched > 0);
  }

  withVersion(version: { id: string; message: string; records: LabelRecord[] }): Promise<void> {
    return this.#compare(version.records, { kind: 'version', id: version.id, message: version.message });
  }

  async withFiles(files: readonly ChosenFile[]): Promise<void> {
    const name = files.map((f) => f.name).join(', ');
    try {
      const { scene } = this.session;
      const read = readLabelFiles(await Promise.all(files.map(labelFileOf)), scene);
      const into = labelsIntoScene(
        read.set,
        { id: scene.id, frameCount: scene.frames.length },
        { has: () => false },
        name,
      );
      await this.#compare(into.patch.added, { kind: 'file', name });
    } catch (error) {
      this.error = reportError(error);
    }
  }

  /** Compares again with the same reference (after edits). */
  again(): Promise<void> {
    return this.source ? this.#compare(this.#records, this.source) : Promise.resolve();
  }

  clear(): void {
    this.#generation++;
    this.busy = false;
    this.problems = [];
    this.source = this.report = this.error = undefined;
    this.differences = [];
    this.#reference = {};
    this.#records = [];
  }

  /**
   * What the 3D view draws of the comparison on a frame: the reference's boxes, coloured by what became of them,
   * and the colour of the labels' extra boxes.
   */
  drawnOn(frame: number): { boxes: Cuboid[]; colorOf: Record<string, string> } {
    const f = this.differences.find((d) => d.frame === frame);
    const colorOf: Record<string, string> = {};
    const boxes: Cuboid[] = [];
    if (!f) return { boxes, colorOf };
    const reference = (id: string, color: string) => {
      const c = this.#reference[id];
      if (!c) return;
      // Drawn under ids of their own: a version's boxes share ids with the labels they became.
      boxes.push({ ...c, id: `reference:${id}` });
      colorOf[`reference:${id}`] = color;
    };
    for (const m of f.matched) reference(m.reference, m.switched ? DIFFERENCE_COLORS.switched : DIFFERENCE_COLORS.matched); // prettier-ignore
    for (const id of f.missed) reference(id, DIFFERENCE_COLORS.missed);
    for (const id of f.extra) colorOf[id] = DIFFERENCE_COLORS.extra;
    return { boxes, colorOf };
  }

  async #compare(records: LabelRecord[], source: CompareSource, problems: FileProblem[] = []): Promise<void> {
    const generation = ++this.#generation;
    this.busy = true;
    this.error = undefined;
    try {
      const { scene, labels } = this.session;
      const reference = setOf(scene, records);
      const version = labels.version;
      const result = await this.backend.compare(reference, setOf(scene, [...labels.doc.values()]));
      // Stopped, or compared again meanwhile: this result is no longer what the user asked for.
      if (generation !== this.#generation) return;
      this.problems = problems;
      this.#records = records;
      this.#reference = Object.fromEntries(reference.cuboids.map((c) => [c.id, c]));
      this.source = source;
      this.report = result.report;
      this.differences = result.differences;
      this.comparedAt = version;
    } catch (error) {
      if (generation === this.#generation) this.error = reportError(error);
    } finally {
      if (generation === this.#generation) this.busy = false;
    }
  }
}

/** A label set of the scene from stored records: every box of every frame (derived ones made). */
function setOf(scene: SessionState['scene'], records: readonly LabelRecord[]): LabelSet {
  const tracks = records.filter((r): r is Track => r.type === 'track');
  return { scene, tracks, cuboids: materializeCuboids(records, scene.frames), segments: [] };
}
