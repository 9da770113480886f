import { dismissalsOf, dismissFinding, restoreFinding } from '../core/edits/dismiss-finding';
import type { SweepIndex } from '../core/fit/sweep-index';
import { CHECK_IDS, isPointCheck, SEVERITY_RANK, type Finding, type LintProfile, type LintProgress, type LintRunRequest } from '../core/lint/index'; // prettier-ignore
import type { Cuboid, Track } from '../core/model/labels';
import type { Ontology } from '../core/model/ontology';
import type { AutoIssue, ReviewIssue } from '../core/model/review-issue';
import type { Scene } from '../core/model/scene';
import type { LabelsState } from './labels.svelte';

/** One run of the checks as the app asks for it (in a worker, wired in `app/`). */
export type ChecksRequest = LintRunRequest;

/** Where the checks run and where their findings are kept. */
export interface ChecksBackend {
  run(request: ChecksRequest, onProgress: (progress: LintProgress) => void): Promise<Finding[]>;
  /** Keeps a run (see `recordFindings`): resolves to the scene's issues after it. */
  record(sceneId: string, findings: Finding[], covered: (issue: AutoIssue) => boolean): Promise<ReviewIssue[]>;
  list(sceneId: string): Promise<ReviewIssue[]>;
}

/** What the checks need of the open scene. */
export interface ChecksHost {
  readonly scene: Scene;
  readonly labels: LabelsState;
  readonly ontology: Ontology;
  readonly frameIndex: number;
  readySweepIndex(): SweepIndex | undefined;
}

/** A run of the point checks alone, for a frame shown anew while the labels stand as last checked. */
const POINTS_ONLY: LintProfile = {
  checks: Object.fromEntries(CHECK_IDS.filter((id) => !isPointCheck(id)).map((id) => [id, { enabled: false }])),
};

/** How long the labels must rest before a run, ms: a drag or a held key makes one run, not one per step. */
const SETTLE_MS = 250;

/** A finding set aside by a dismissal, with its reason and who gave it. */
export type DismissedIssue = AutoIssue & { reason: string; dismissedBy: string };

/**
 * The automatic checks of the open scene: run in a worker after each settled batch of edits (and when the
 * frame's sweep is ready, for the point checks), their findings kept with the scene as review issues of kind
 * `auto`. A dismissal is a label edit (undoable, journaled); the lists here follow the labels.
 */
export class ChecksState {
  issues = $state.raw<ReviewIssue[]>([]);
  progress = $state.raw<LintProgress | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  /** Runs finished since the scene opened: a signal for tests and tools (the status bar exposes it). */
  runs = $state(0);
  #running = false;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Paused while a bundle replaces the scene's project, for good once the session is left. */
  #paused = false;
  #idle: Promise<void> = Promise.resolve();
  /** What the last recorded run of the label checks saw, and the sweep the point checks last read. */
  #checked: { version: number; ontology: Ontology } | undefined;
  #sweepChecked: SweepIndex | undefined;

  constructor(
    private readonly host: ChecksHost,
    private readonly backend: ChecksBackend,
  ) {}

  /** The scene's kept issues, as the last session left them. */
  async load(): Promise<void> {
    this.issues = await this.backend.list(this.host.scene.id);
  }

  /**
   * Runs the checks once the labels have rested a moment, or once more after the run under way (edits made
   * meanwhile are not missed). The label checks run when the labels or the ontology changed since they last
   * ran; the point checks whenever the frame on screen has a sweep they have not read.
   */
  request(): void {
    if (this.#paused) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#running) this.#again = true;
      else this.#idle = this.#run();
    }, SETTLE_MS);
  }

  /** Stops starting runs and waits for the one under way: nothing is recorded while paused. */
  async pause(): Promise<void> {
    this.#paused = true;
    clearTimeout(this.#timer);
    await this.#idle;
  }

  resume(): void {
    this.#paused = false;
    this.request();
  }

  get running(): boolean {
    return this.progress !== undefined;
  }

  /** Open findings that no dismissal sets aside, errors first, then by frame. */
  get open(): AutoIssue[] {
    const dismissed = this.#dismissals();
    return this.issues
      .filter((i) => i.status === 'open' && !dismissed.has(i.id))
      .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.frames[0] - b.frames[0]);
  }

  /** Open findings a dismissal sets aside. */
  get dismissed(): DismissedIssue[] {
    const dismissed = this.#dismissals();
    return this.issues.flatMap((i) => {
      const d = i.status === 'open' ? dismissed.get(i.id) : undefined;
      return d ? [{ ...i, reason: d.reason, dismissedBy: d.author }] : [];
    });
  }

  dismiss(findingId: string, reason: string, author: string): void {
    const args = { sceneId: this.host.scene.id, findingId, reason, author, time: Date.now() };
    this.host.labels.commit('dismissFinding', dismissFinding(this.host.labels.doc, args));
  }

  restore(findingId: string): void {
    this.host.labels.commit('restoreFinding', restoreFinding(this.host.labels.doc, { findingId }));
  }

  /** The dismissals by finding, read afresh whenever the labels change (a lookup, never stored or watched). */
  #dismissals() {
    void this.host.labels.version;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- made anew on each read, never mutated
    return new Map(dismissalsOf(this.host.labels.doc.values()).map((d) => [d.findingId, d]));
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      do {
        this.#again = false;
        await this.#once();
      } while (this.#again);
    } finally {
      this.#running = false;
      this.progress = undefined;
    }
  }

  async #once(): Promise<void> {
    const { scene, labels, ontology } = this.host;
    // A read-only tab holds the labels as they were when it opened: its findings would undo the other tab's.
    if (this.#paused || labels.readOnly) return;
    const version = labels.version;
    const sweep = this.host.readySweepIndex();
    const frame = this.host.frameIndex;
    const labelRun = this.#checked?.version !== version || this.#checked.ontology !== ontology;
    const pointRun = sweep !== undefined && (labelRun || sweep !== this.#sweepChecked);
    if (!labelRun && !pointRun) return;
    const tracks: Track[] = [];
    const cuboids: Cuboid[] = [];
    for (const r of labels.doc.values()) if (r.type === 'track') tracks.push(r);
    if (labelRun) {
      for (const r of labels.doc.values()) if (r.type === 'cuboid') cuboids.push(r);
    } else {
      // The frame's boxes alone, derived ones as they are drawn (kept, not derived again from keyframes).
      for (const c of labels.cuboidsOn(frame)) cuboids.push({ ...c, keyframe: true });
    }
    this.progress = { done: 0, total: 1, check: labelRun ? 'unknownClass' : 'points' };
    try {
      const findings = await this.backend.run(
        { frames: scene.frames, tracks, cuboids, ontology, ...(labelRun ? {} : { profile: POINTS_ONLY }), sweeps: sweep ? [{ frameIndex: frame, sweep }] : [] }, // prettier-ignore
        (p) => (this.progress = p),
      );
      // Labels changed meanwhile (the next run sees them), or the scene was left: nothing to keep.
      if (this.#paused || labels.version !== version || labels.readOnly) return;
      // A run closes only what it looked at again: the label checks' findings if they ran, and the point checks'
      // on the frame whose sweep it had.
      const covered = (issue: AutoIssue) =>
        isPointCheck(issue.check) ? pointRun && issue.frames[0] <= frame && frame <= issue.frames[1] : labelRun;
      this.issues = await this.backend.record(scene.id, findings, covered);
      if (labelRun) this.#checked = { version, ontology };
      if (pointRun) this.#sweepChecked = sweep;
      this.error = undefined;
      this.runs++;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
