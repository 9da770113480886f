import { dismissalsOf, dismissFinding, restoreFinding } from '../core/edits/dismiss-finding';
import type { SweepIndex } from '../core/fit/sweep-index';
import type { Finding, LintProgress } from '../core/lint/index';
import type { Cuboid, Track } from '../core/model/labels';
import type { Ontology } from '../core/model/ontology';
import type { AutoIssue, ReviewIssue } from '../core/model/review-issue';
import type { Frame, Scene } from '../core/model/scene';
import type { LabelsState } from './labels.svelte';

/** One run of the checks as the app asks for it (in a worker, wired in `app/`). */
export interface ChecksRequest {
  frames: Frame[];
  tracks: Track[];
  cuboids: Cuboid[];
  ontology?: Ontology;
  sweeps: { frameIndex: number; sweep: SweepIndex }[];
}

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

/** The checks that read points: they see only the frames whose sweep a run was given. */
const POINT_CHECKS = new Set(['points', 'belowGround', 'aboveGround']);

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

  constructor(
    private readonly host: ChecksHost,
    private readonly backend: ChecksBackend,
  ) {}

  /** The scene's kept issues, as the last session left them. */
  async load(): Promise<void> {
    this.issues = await this.backend.list(this.host.scene.id);
  }

  /** Runs the checks now, or once more after the run under way (edits made meanwhile are not missed). */
  request(): void {
    if (this.#running) this.#again = true;
    else void this.#run();
  }

  get running(): boolean {
    return this.progress !== undefined;
  }

  /** Open findings that no dismissal sets aside, errors first, then by frame. */
  get open(): AutoIssue[] {
    const dismissed = this.#dismissals();
    const rank = { error: 0, warning: 1, info: 2 } as const;
    return this.issues
      .filter((i) => i.status === 'open' && !dismissed.has(i.id))
      .sort((a, b) => rank[a.severity] - rank[b.severity] || a.frames[0] - b.frames[0]);
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
    const tracks: Track[] = [];
    const cuboids: Cuboid[] = [];
    for (const r of labels.doc.values()) {
      if (r.type === 'track') tracks.push(r);
      else if (r.type === 'cuboid') cuboids.push(r);
    }
    const sweep = this.host.readySweepIndex();
    const frame = this.host.frameIndex;
    this.progress = { done: 0, total: 1, check: 'unknownClass' };
    try {
      const findings = await this.backend.run(
        { frames: scene.frames, tracks, cuboids, ontology, sweeps: sweep ? [{ frameIndex: frame, sweep }] : [] },
        (p) => (this.progress = p),
      );
      // A point check closes only what it looked at again: the frame whose sweep it had.
      const covered = (issue: AutoIssue) =>
        !POINT_CHECKS.has(issue.check) || (sweep !== undefined && issue.frames[0] <= frame && frame <= issue.frames[1]);
      this.issues = await this.backend.record(scene.id, findings, covered);
      this.error = undefined;
      this.runs++;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
