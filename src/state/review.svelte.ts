import { composePatches, isEmptyPatch, type Patch } from '../core/edits/patch';
import type { LabelRecord } from '../core/model/labels';
import type { InspectionUnit, PinnedIssue, ReviewRound, ReviewTarget, SamplingPlan, Verdict, VerdictTarget } from '../core/model/review'; // prettier-ignore
import type { Scene } from '../core/model/scene';
import { labelDigest, type ReviewLabels } from '../core/review/label-digest';
import { closeRound, deleteIssue, editIssue, giveVerdict, pinIssue, startRound, stepIssue, verdictId, withdrawVerdict } from '../core/review/review-edits'; // prettier-ignore
import { issuesAgainstRound, unitKeyTarget } from '../core/review/review-status';
import { defaultTaxonomy, idList, parseTaxonomy, type DefectTaxonomy } from '../core/review/taxonomy';
import { drawSample } from '../core/review/sampling/draw-sample';
import { lotOutcome, nonconformingUnits } from '../core/review/sampling/lot-decision';
import { inspectionSeverity, switchingHistory } from '../core/review/sampling/switching';
import { materializeCuboids } from '../core/tracks/materialize-cuboids';
import { filterIssues, type IssueFilter, type IssueSort } from '../core/review/filter-issues';
import { issuePinsOn, type IssuePin } from '../core/review/issue-pins';
import type { LabelsState } from './labels.svelte';

/** What review needs of the open scene (the session). */
export interface ReviewHost {
  readonly scene: Scene;
  readonly labels: LabelsState;
  readonly frameIndex: number;
}

/** What the app wires in; all optional (unit tests pass a clock and ids). */
export interface ReviewOptions {
  /** Where the team's defect taxonomy is kept (localStorage). */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** ms since the epoch. */
  now?: () => number;
  newId?: () => string;
}

export type { IssueFilter, IssueSort };
/** What a person says when pinning an issue; who, when, the digest and the round are added. */
export type IssueArgs = Pick<PinnedIssue, 'target' | 'defect' | 'severity' | 'comment' | 'rootCause'>;

const TAXONOMY_KEY = 'frustum.review-taxonomy';

/**
 * The review of the open scene: verdicts, pinned issues and review rounds, all label records (each action is one
 * commit, so one undo step, journaled and carried in bundles). The lists are read from the labels whenever
 * their `version` moves, never kept apart from them. In review mode the labels refuse object edits.
 */
export class ReviewState {
  #mode = $state<'annotate' | 'review'>('annotate');
  /** The position in the active round's sample the reviewer is at. */
  sampleIndex = $state(0);
  /** The issue whose pin was clicked last: the issues panel shows it. */
  focusedIssue = $state<string | undefined>(undefined);
  /** Whether the next click in the 3D view picks a point to pin an issue to. */
  pickingPoint = $state(false);
  /** The point last clicked for an issue (ego frame of its frame), until the issue is pinned or the pick dropped. */
  pickedPoint = $state.raw<{ frameIndex: number; position: [number, number, number] } | undefined>(undefined);
  taxonomy = $state.raw<DefectTaxonomy>(defaultTaxonomy());
  #read: { version: number; issues: PinnedIssue[]; rounds: ReviewRound[] } | undefined;
  readonly #now: () => number;
  readonly #newId: () => string;

  constructor(
    private readonly session: ReviewHost,
    private readonly person: () => string,
    private readonly options: ReviewOptions = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    this.taxonomy = parseTaxonomy(options.storage?.getItem(TAXONOMY_KEY));
  }

  get mode(): 'annotate' | 'review' {
    return this.#mode;
  }

  set mode(mode: 'annotate' | 'review') {
    this.#mode = mode;
    this.session.labels.reviewMode = mode === 'review';
  }

  /** The scene's issues, oldest pin first. */
  get issues(): PinnedIssue[] {
    return this.#records().issues;
  }

  /** The scene's rounds, oldest first. */
  get rounds(): ReviewRound[] {
    return this.#records().rounds;
  }

  /** The last round not closed yet: the one verdicts and issues are given in. */
  get activeRound(): ReviewRound | undefined {
    return this.rounds.findLast((r) => r.closedAt === undefined);
  }

  /** A target's verdict, and whether its labels changed since it was given. */
  verdictOn(target: VerdictTarget): { decision: Verdict['decision']; stale: boolean; author: string } | undefined {
    void this.session.labels.version;
    const v = this.session.labels.doc.get(verdictId(target));
    if (v?.type !== 'verdict') return undefined;
    return { decision: v.decision, stale: v.labelDigest !== this.#digest(target), author: v.author };
  }

  /** The issues a filter lets through, sorted (`filterIssues`). */
  filtered(filter: IssueFilter, sort: IssueSort): PinnedIssue[] {
    return filterIssues(this.issues, filter, sort, (target) => this.frameOf(target));
  }

  /** The frame to show for a target: its own, a span's first, a track's first stored box. */
  frameOf(target: ReviewTarget): number | undefined {
    if (target.kind === 'span') return target.startFrame;
    if (target.kind === 'track') return this.session.labels.tracks.boxesOf(target.trackId)[0]?.frameIndex;
    return target.frameIndex;
  }

  /** Says whether the verdict stands as asked: true too when it already did (the same verdict on the same labels). */
  give(target: VerdictTarget, decision: Verdict['decision']): boolean {
    target = $state.snapshot(target) as VerdictTarget;
    const args = { ...this.#stamp(), target, decision, labelDigest: this.#digest(target), roundId: this.activeRound?.id }; // prettier-ignore
    const patch = giveVerdict(this.session.labels.doc, args);
    return isEmptyPatch(patch) || this.#commit('giveVerdict', patch);
  }

  withdraw(target: VerdictTarget): boolean {
    return this.#commit('withdrawVerdict', withdrawVerdict(this.session.labels.doc, { target }));
  }

  /** Pins a new issue; says its id, or undefined where the labels refused the edit (a read-only tab). */
  pin(args: IssueArgs): string | undefined {
    const { id, patch } = this.#pinPatch(args);
    return this.#commit('pinIssue', patch) ? id : undefined;
  }

  /**
   * Rejects a box, a track or a frame with the issue that says why: one step, so one undo takes both back (a
   * rejection without its defect would say nothing to the annotator). Says the issue's id.
   */
  reject(args: IssueArgs & { target: VerdictTarget }): string | undefined {
    const { id, patch } = this.#pinPatch(args);
    const target = $state.snapshot(args.target) as VerdictTarget;
    const verdict = giveVerdict(this.session.labels.doc, { ...this.#stamp(), target, decision: 'reject', labelDigest: this.#digest(target), roundId: this.activeRound?.id }); // prettier-ignore
    return this.#commit('rejectWithIssue', composePatches(verdict, patch)) ? id : undefined;
  }

  /** The pins of the issues to settle on a frame, for the 3D view, the side views and the cameras. */
  pinsOn(frameIndex: number): IssuePin[] {
    return issuePinsOn(frameIndex, this.issues, this.session.labels.cuboidsOn(frameIndex));
  }

  /** The point clicked for an issue (none: the click met nothing); picking ends either way. */
  pointPicked(frameIndex: number, position: [number, number, number] | undefined): void {
    if (position) this.pickedPoint = { frameIndex, position };
    this.pickingPoint = false;
  }

  /** Whether the labels an issue was pinned to changed since (the annotator may have fixed it, or moved on). */
  issueStale(issue: PinnedIssue): boolean {
    void this.session.labels.version;
    return issue.labelDigest !== this.#digest(issue.target);
  }

  #pinPatch(args: IssueArgs): { id: string; patch: Patch } {
    const id = this.#newId();
    // Plain copies: a target or a position held in a component's state is a proxy, which storage cannot clone.
    const plain = $state.snapshot(args) as IssueArgs;
    const issue = { ...plain, ...this.#stamp(), id, labelDigest: this.#digest(plain.target), roundId: this.activeRound?.id }; // prettier-ignore
    return { id, patch: pinIssue(this.session.labels.doc, issue) };
  }

  step(issueId: string, kind: 'fixed' | 'verified' | 'reopened', comment?: string): boolean {
    const { author, time } = this.#stamp();
    return this.#commit('stepIssue', stepIssue(this.session.labels.doc, { issueId, kind, author, time, comment }));
  }

  edit(issueId: string, change: Partial<Pick<PinnedIssue, 'defect' | 'severity' | 'comment' | 'rootCause'>>): boolean {
    return this.#commit('editIssue', editIssue(this.session.labels.doc, { issueId, change }));
  }

  remove(issueId: string): boolean {
    return this.#commit('deleteIssue', deleteIssue(this.session.labels.doc, { issueId }));
  }

  /**
   * Starts a round over a sample drawn now (from `seed`, so another reviewer can draw the same one). For an
   * acceptance plan the switching rules over the scene's closed acceptance rounds choose the inspection
   * severity. Throws while another round is open: one round at a time a scene.
   */
  startRound(
    plan: SamplingPlan,
    unit: InspectionUnit,
    seed = Math.floor(Math.random() * 2 ** 32),
    /** The label version the round reviews (saved by the caller just before). */
    versionId?: string,
  ): ReviewRound | undefined {
    const open = this.activeRound;
    if (open) throw new Error(`startRound: round ${open.id} is still open`);
    const severity = inspectionSeverity(switchingHistory(this.rounds));
    const drawn = drawSample(plan, unit, this.#population(), seed, severity);
    const { sceneId, author: reviewer, time: startedAt } = this.#stamp();
    const round: ReviewRound = { type: 'review-round', id: this.#newId(), sceneId, reviewer, startedAt, plan, unit, seed, sample: drawn.sample, lotSize: drawn.lotSize }; // prettier-ignore
    if (versionId !== undefined) round.versionId = versionId;
    if (drawn.acceptance) round.acceptance = drawn.acceptance;
    if (!this.#commit('startRound', startRound(this.session.labels.doc, round))) return undefined;
    this.sampleIndex = 0;
    return round;
  }

  /**
   * Starts a round over exactly the units of an earlier one (its plan, seed, sample, table plan and version),
   * for a second reviewer to judge the same sample: calibration between reviewers. Throws while a round is open.
   */
  repeatRound(roundId: string): ReviewRound | undefined {
    const open = this.activeRound;
    if (open) throw new Error(`repeatRound: round ${open.id} is still open`);
    const earlier = this.rounds.find((r) => r.id === roundId);
    if (!earlier) throw new Error(`repeatRound: no round ${roundId}`);
    const { sceneId, author: reviewer, time: startedAt } = this.#stamp();
    const { plan, unit, seed, sample, lotSize, acceptance, versionId } = earlier;
    const round: ReviewRound = { type: 'review-round', id: this.#newId(), sceneId, reviewer, startedAt, plan, unit, seed, sample, lotSize, repeats: roundId }; // prettier-ignore
    if (acceptance) round.acceptance = acceptance;
    if (versionId !== undefined) round.versionId = versionId;
    if (!this.#commit('startRound', startRound(this.session.labels.doc, round))) return undefined;
    this.sampleIndex = 0;
    return round;
  }

  /** Closes the active round: its sampled units with a major or critical issue are nonconforming. */
  closeRound(): ReviewRound | undefined {
    const round = this.activeRound;
    if (!round) throw new Error('closeRound: no round is open');
    const issues = issuesAgainstRound(this.issues, round);
    const nonconforming = nonconformingUnits(issues, round.unit, round.sample).size;
    const outcome = { nonconforming, inspected: round.sample.length, passed: lotOutcome(round, nonconforming).passed };
    const patch = closeRound(this.session.labels.doc, { roundId: round.id, time: this.#now(), outcome });
    if (!this.#commit('closeRound', patch)) return undefined;
    return this.session.labels.doc.get(round.id) as ReviewRound;
  }

  /** The target of the sampled unit the reviewer is at, in the active round. */
  get sampleTarget(): VerdictTarget | undefined {
    const key = this.activeRound?.sample[this.sampleIndex];
    return key === undefined ? undefined : unitKeyTarget(key);
  }

  /** Moves to the i-th sampled unit (kept within the sample) and says its target, for the UI to show it. */
  goToSample(i: number): VerdictTarget | undefined {
    const size = this.activeRound?.sample.length ?? 0;
    this.sampleIndex = size === 0 ? 0 : Math.min(size - 1, Math.max(0, Math.round(i)));
    return this.sampleTarget;
  }

  /** Keeps a team's defect types and root causes (blank and repeated entries dropped; an empty list: the default). */
  setTaxonomy(taxonomy: DefectTaxonomy): void {
    const defaults = defaultTaxonomy();
    this.taxonomy = {
      defects: idList(taxonomy.defects) ?? defaults.defects,
      rootCauses: idList(taxonomy.rootCauses) ?? defaults.rootCauses,
    };
    this.options.storage?.setItem(TAXONOMY_KEY, JSON.stringify(this.taxonomy));
  }

  #commit(name: string, patch: Patch): boolean {
    return this.session.labels.commit(name, patch);
  }

  #stamp() {
    return { sceneId: this.session.scene.id, author: this.person(), time: this.#now() };
  }

  #digest(target: ReviewTarget): string {
    const { labels } = this.session;
    const reader: ReviewLabels = {
      cuboidsOn: (f) => labels.cuboidsOn(f),
      track: (id) => labels.tracks.track(id),
      boxesOf: (id) => labels.tracks.boxesOf(id),
    };
    return labelDigest(target, reader);
  }

  /** Every unit a round may sample: the frames, the tracks, and every box shown (derived ones too). */
  #population() {
    const { scene, labels } = this.session;
    const classOf = (trackId: string) => labels.tracks.track(trackId)?.classId ?? '';
    const tracks = [...labels.tracks.tracks].map((t) => ({ id: t.id, classId: t.classId }));
    const boxes = materializeCuboids(labels.doc.values(), scene.frames).map((c) => ({ trackId: c.trackId, frameIndex: c.frameIndex, classId: classOf(c.trackId) })); // prettier-ignore
    return { frames: scene.frames.map((_, i) => i), tracks, boxes };
  }

  #records() {
    const { version, doc } = this.session.labels;
    if (this.#read?.version === version) return this.#read;
    const records: LabelRecord[] = [...doc.values()];
    const issues = records.filter((r): r is PinnedIssue => r.type === 'issue').sort((a, b) => a.time - b.time);
    const rounds = records.filter((r): r is ReviewRound => r.type === 'review-round').sort((a, b) => a.startedAt - b.startedAt); // prettier-ignore
    this.#read = { version, issues, rounds };
    return this.#read;
  }
}
