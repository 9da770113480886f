import { PrelabelState, type DetectSweep } from './prelabel.svelte';
import type { Scene } from '../core/model/scene';
import type { MessageKey } from '../i18n/i18n';
import { reportError, type ErrorReport } from '../formats/problems/error-report';
import type { Ontology, OntologyClass } from '../core/model/ontology';
import type { Cuboid } from '../core/model/labels';
import type { FrameProvider, LoadedFrame } from './frame-provider';
import type { LabelsState } from './labels.svelte';
import { Playback } from './playback.svelte';
import { deleteCuboid } from '../core/edits/delete-cuboid';
import { findClass, generalDriving } from '../core/model/default-ontology';
import type { SweepIndex } from '../core/fit/index';
import { DisplayState } from './display.svelte';
import { SweepIndexCache, type BuildSweepIndex } from './sweep-index-cache.svelte';
import { TrackSizeEstimator } from './track-size.svelte';
import { ShownFrames } from './shown-frames';
import { ChecksState, type ChecksBackend } from './checks.svelte';
import { CompareState, type CompareBackend } from './compare.svelte';
import { ReviewState, type ReviewOptions } from './review.svelte';
import { DashboardState, type DashboardBackend } from './dashboard.svelte';
import { VersionDiffState } from './version-diff.svelte';

export type Tool = 'navigate' | 'place';
export type ViewMode = 'orbit' | 'birdsEye';

/** What the app wires in: the shared display settings, and where sweep indexes are built (a worker). */
export interface SessionOptions {
  display?: DisplayState;
  buildSweepIndex?: BuildSweepIndex;
  /** Where the automatic checks run and their findings are kept; none: no checks (unit tests). */
  checks?: ChecksBackend;
  /** Where label sets are compared; none: no comparison (unit tests). */
  compare?: CompareBackend;
  /** Where the review keeps its taxonomy, and the version a round reviews. */
  review?: ReviewOptions;
  /** Where the dashboard reads the scene's journal; none: no dashboard (unit tests). */
  dashboard?: DashboardBackend;
  /** Where pre-labelling detects objects, and on how many workers at once; none: on this thread (unit tests). */
  prelabel?: { detect: DetectSweep; workers: () => number };
}

/**
 * The open scene and what the user is doing with it: current frame, tool, class, view. Loaded frames are held
 * raw (typed arrays must never be deep-proxied).
 */
export class SessionState {
  frameIndex = $state(0);
  frame = $state.raw<LoadedFrame | undefined>(undefined);
  loadingFrame = $state<number | undefined>(undefined);
  tool = $state<Tool>('navigate');
  classId = $state('car');
  viewMode = $state<ViewMode>('orbit');
  /** Draw the sweep's points into the camera images, coloured by depth. */
  projectPoints = $state(false);
  #selectedId = $state<string | undefined>(undefined);
  /**
   * The track the selection follows across frames: held while the frame shown has no box of it, so that a box
   * can be added to it there. Any other selection lets it go.
   */
  heldTrackId = $state<string | undefined>(undefined);
  backend = $state<string | undefined>(undefined);
  /** What went wrong last (a frame that did not load, a refused edit), said in the user's language where shown. */
  error = $state.raw<ErrorReport | undefined>(undefined);
  /** A message for the user that is not an error (e.g. a renderer fallback). */
  notice = $state<MessageKey | undefined>(undefined);
  /** The scene's classes, colours and attributes; another ontology can be chosen while the scene is open. */
  ontology = $state.raw<Ontology>(generalDriving);
  /** Whether the guideline panel of the current class is shown. */
  guidelineOpen = $state(false);
  /** Whether the track view of the selected track is open. */
  trackViewOpen = $state(false);
  /** How the 3D view draws (colour mode, point size, isolation…), shared by every scene and remembered. */
  readonly display: DisplayState;
  #loadToken = 0;
  /** The newest frame load, settled either way: what `frameLoaded` waits on. */
  #loading: Promise<unknown> = Promise.resolve();
  /** Play and pause at the sensor's rate. */
  readonly playback = new Playback(this);
  /** Sizes rigid tracks from the points of all their frames (after a refit, or when asked). */
  readonly trackSize = new TrackSizeEstimator(this);
  #sweepIndexes: SweepIndexCache;
  /** The automatic checks of this scene and their findings (where the app wired a backend). */
  readonly checks: ChecksState | undefined;
  /** The current labels compared with a version or a label file (where the app wired a backend). */
  readonly compare: CompareState | undefined;
  /** Verdicts, pinned issues and review rounds of this scene, and whether the person annotates or reviews. */
  readonly review: ReviewState;
  /** Throughput, review and rework figures of this scene (where the app wired a backend). */
  readonly dashboard: DashboardState | undefined;
  /** Pre-labelling of the whole scene, and the confirming and rejecting of its boxes. */
  readonly prelabel: PrelabelState;
  /** A label version compared with the labels, drawn in the 3D view, and its restore. */
  readonly versionDiff: VersionDiffState = new VersionDiffState(this);
  /** The frame the 3D view really drew last (a frame that landed is not yet on screen), for playback. */
  readonly #shown = new ShownFrames();

  constructor(
    readonly scene: Scene,
    ontology: Ontology,
    readonly labels: LabelsState,
    private readonly frames: FrameProvider,
    options: SessionOptions = {},
  ) {
    this.display = options.display ?? new DisplayState(undefined);
    this.#sweepIndexes = new SweepIndexCache(options.buildSweepIndex);
    this.checks = options.checks && new ChecksState(this, options.checks);
    this.compare = options.compare && new CompareState(this, options.compare);
    this.review = new ReviewState(this, () => this.labels.author, options.review);
    this.dashboard = options.dashboard && new DashboardState(this, options.dashboard);
    this.prelabel = new PrelabelState(this, options.prelabel?.detect, options.prelabel?.workers);
    this.setOntology(ontology);
  }

  get frameCount(): number {
    return this.scene.frames.length;
  }

  /** Seconds since the first frame. */
  get frameSeconds(): number {
    const first = this.scene.frames[0]?.timestampUs ?? 0;
    return ((this.scene.frames[this.frameIndex]?.timestampUs ?? first) - first) / 1e6;
  }

  /** The ontology class of a cuboid's track. */
  classOf(cuboid: Cuboid): OntologyClass | undefined {
    const track = this.labels.doc.get(cuboid.trackId);
    return track?.type === 'track' ? findClass(this.ontology, track.classId) : undefined;
  }

  /**
   * Labels with another ontology from now on. Boxes keep their class ids (one the new ontology lacks shows in
   * grey under its id, never dropped); the class for new boxes becomes the first one where it is missing.
   */
  setOntology(ontology: Ontology): void {
    this.ontology = ontology;
    if (!findClass(ontology, this.classId)) this.classId = ontology.classes[0]?.id ?? this.classId;
  }

  get selectedId(): string | undefined {
    return this.#selectedId;
  }

  set selectedId(id: string | undefined) {
    this.#selectedId = id;
    this.heldTrackId = undefined;
  }

  /** The track of the selected box, or the one held while this frame has no box of it. */
  get selectedTrackId(): string | undefined {
    return this.selectedCuboid()?.trackId ?? this.heldTrackId;
  }

  /** Selects the track's box on the frame shown (stored or derived), holding the track where it has none. */
  selectTrack(trackId: string | undefined): void {
    const box = trackId ? this.labels.cuboidsOn(this.frameIndex).find((c) => c.trackId === trackId) : undefined;
    this.#selectedId = box?.id;
    this.heldTrackId = box ? undefined : trackId;
  }

  async goToFrame(index: number): Promise<void> {
    const clamped = Math.max(0, Math.min(this.frameCount - 1, Math.round(index)));
    const direction = clamped >= this.frameIndex ? 1 : -1;
    const trackId = this.selectedTrackId;
    this.frameIndex = clamped;
    // Whoever waited to see another frame drawn will not see it now.
    this.#shown.drop((i) => i === clamped);
    this.selectTrack(trackId);
    // Only the newest request may land: a fast scrub must not show an older frame last.
    const token = ++this.#loadToken;
    this.loadingFrame = clamped;
    try {
      const load = this.frames.load(clamped);
      this.#loading = load.catch(() => undefined);
      const frame = await load;
      if (token !== this.#loadToken) return;
      this.frame = frame;
      const lidar = this.scene.lidars[0];
      // Ground and grid index are built in a worker while the user looks at the new frame.
      if (lidar) this.#sweepIndexes.request(frame.cloud, lidar.egoFromLidar);
      this.error = undefined;
      this.frames.prefetch(clamped, direction);
    } catch (error) {
      if (token === this.#loadToken) {
        this.error = reportError(error);
        this.#shown.drop();
      }
    } finally {
      if (token === this.#loadToken) this.loadingFrame = undefined;
    }
  }

  /**
   * Resolves once no frame is loading: the frame shown is loaded, or its load failed (a key pressed right after
   * a frame change acts on the new frame's points, not on nothing).
   */
  async frameLoaded(): Promise<void> {
    while (this.loadingFrame !== undefined) await this.#loading;
  }

  /** The 3D view drew this frame's sweep (it calls this after each draw). */
  markShown(frame: LoadedFrame | undefined): void {
    this.#shown.markDrawn(frame);
  }

  /** Resolves true once frame `index`, the frame asked for last, is drawn; false if another is asked for first. */
  whenShown(index: number): Promise<boolean> {
    const frame = this.frame;
    if (this.frameIndex !== index || frame?.index !== index) return Promise.resolve(false);
    return this.#shown.whenDrawn(frame);
  }

  /**
   * The ground model and the ego-frame grid index of the sweep on screen (undefined while none is loaded).
   * Clicks, drags, the side views and the points-inside count all read points through this index. Built in a
   * worker when the frame lands; a call before the worker has answered builds it here (a click in the first
   * few milliseconds).
   */
  sweepIndex(): SweepIndex | undefined {
    const cloud = this.frame?.index === this.frameIndex ? this.frame.cloud : undefined;
    const lidar = this.scene.lidars[0];
    if (!cloud || !lidar) return undefined;
    return this.#sweepIndexes.get(cloud, lidar.egoFromLidar);
  }

  /** The same once it is ready, never building it here; readers run again when it arrives. */
  readySweepIndex(): SweepIndex | undefined {
    const cloud = this.frame?.index === this.frameIndex ? this.frame.cloud : undefined;
    return cloud ? this.#sweepIndexes.peek(cloud) : undefined;
  }

  /**
   * Reads any frame of the scene without showing it (the track view gathers points from many): `use` must copy
   * out what it keeps, as the frame's buffers may go back to the decode workers right after.
   */
  async readFrame<T>(index: number, use: (frame: LoadedFrame) => T): Promise<T> {
    // The frame on screen stays valid while it is shown: `use` runs now, before this call yields.
    if (this.frame?.index === index) return use(this.frame);
    return this.frames.read(index, use);
  }

  /** The selected box, when the selection is a cuboid that still exists. */
  selectedCuboid(): Cuboid | undefined {
    return this.selectedId ? this.labels.cuboid(this.selectedId, this.frameIndex) : undefined;
  }

  /** Selects the next (or previous) box of the frame, in a stable order. */
  selectNext(step: 1 | -1): void {
    const ids = this.labels
      .cuboidsOn(this.frameIndex)
      .map((c) => c.id)
      .sort();
    if (ids.length === 0) return;
    const at = this.selectedId ? ids.indexOf(this.selectedId) : -1;
    this.selectedId = ids[(at + step + ids.length) % ids.length];
  }

  deleteSelected(): void {
    if (!this.selectedId || !this.labels.doc.has(this.selectedId)) return;
    // A refused delete (review mode, a read-only tab) keeps the box selected: it is still there.
    if (this.labels.commit('deleteCuboid', deleteCuboid(this.labels.doc, { cuboidId: this.selectedId })))
      this.selectedId = undefined;
  }
}
