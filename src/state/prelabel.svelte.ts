import type { Cuboid, Track } from '../core/model/labels';
import type { Ontology } from '../core/model/ontology';
import type { Scene } from '../core/model/scene';
import { copyPositions } from '../core/model/point-cloud';
import { composePatches, type Patch } from '../core/edits/patch';
import { confirmPrelabels, isPendingPrelabel } from '../core/edits/confirm-prelabels';
import { deleteCuboid } from '../core/edits/delete-cuboid';
import { deleteTrackFrom } from '../core/edits/track-operations';
import { createClassicDetector, detectObjects } from '../core/prelabel/detect';
import { PRELABEL_CLASSES } from '../core/prelabel/prelabel-frames';
import { detectInOrder, trackNumbersFrom, type DetectSweep } from './detect-in-order';
import { prelabelRecords } from '../core/prelabel/prelabel-records';
import { reportError, type ErrorReport } from '../formats/problems/error-report';
import type { LabelsState } from './labels.svelte';
import type { LoadedFrame } from './frame-provider';

/** What pre-labelling reads of the session. */
export interface PrelabelSession {
  readonly labels: LabelsState;
  readonly scene: Pick<Scene, 'id' | 'frames' | 'lidars'>;
  readonly ontology: Ontology;
  readFrame<T>(index: number, use: (frame: LoadedFrame) => T): Promise<T>;
}

export type PrelabelPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/**
 * "Pre-label this scene": every sweep's objects detected on the decode workers (as many sweeps at once as there
 * are workers), followed across frames by the tracker in frame order, and added as one undoable edit of
 * pre-label tracks and boxes. A new run replaces the engine's boxes nobody has confirmed or edited yet; cancel
 * leaves the labels as they were. Then each box and track is confirmed or rejected here.
 */
export type { DetectSweep };

export class PrelabelState {
  phase = $state<PrelabelPhase>('idle');
  framesDone = $state(0);
  frames = $state(0);
  tracksSoFar = $state(0);
  /** Tracks and boxes the last finished run added. */
  added = $state.raw<{ tracks: number; boxes: number } | undefined>(undefined);
  error = $state.raw<ErrorReport | undefined>(undefined);
  #abort: AbortController | undefined;
  readonly #detector = createClassicDetector();

  constructor(
    private readonly session: PrelabelSession,
    private readonly detect: DetectSweep = async (sweep, egoFromLidar, classes) =>
      detectObjects({ cloud: sweep, egoFromLidar, classes }),
    private readonly parallel: () => number = () => 1,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Pre-labels every frame; resolves when the run has ended (done, cancelled or failed). */
  async run(): Promise<void> {
    if (this.phase === 'running') return;
    const { scene, labels } = this.session;
    const lidar = scene.lidars[0];
    const abort = (this.#abort = new AbortController());
    Object.assign(this, { phase: 'running', framesDone: 0, frames: scene.frames.length, tracksSoFar: 0 });
    this.error = undefined;
    this.added = undefined;
    try {
      if (!lidar) throw new Error(`${scene.id}: this scene has no LiDAR to pre-label`);
      const classes = PRELABEL_CLASSES.filter((id) => ontologyClassOf(this.session.ontology, id));
      const tracks = await detectInOrder({
        frames: scene.frames,
        sweep: (i) => this.session.readFrame(i, (f) => copyPositions(f.cloud)),
        detect: this.detect,
        egoFromLidar: lidar.egoFromLidar,
        classes,
        parallel: this.parallel(),
        signal: abort.signal,
        onProgress: (done, soFar) => {
          this.framesDone = done;
          this.tracksSoFar = soFar;
        },
      });
      const ontology = this.session.ontology;
      for (const t of tracks) t.classId = ontologyClassOf(ontology, t.classId) ?? t.classId;
      const result = { model: this.#detector.model, version: this.#detector.version, tracks };
      const firstNumbers = trackNumbersFrom([...labels.tracks.tracks], tracks);
      const records = prelabelRecords(scene.id, result, this.newId, { firstNumbers });
      const replaced = this.#pendingTracks(result.model);
      const patch = replaced.reduce(
        (p, t) => composePatches(deleteTrackFrom(labels.doc, { trackId: t.id, fromFrame: 0 }), p),
        { added: [...records.tracks, ...records.cuboids], updated: [], removed: [] } as Patch,
      );
      labels.commit('prelabelScene', patch);
      this.added = { tracks: records.tracks.length, boxes: records.cuboids.length };
      this.phase = 'done';
    } catch (error) {
      if (abort.signal.aborted) this.phase = 'cancelled';
      else {
        this.error = reportError(error);
        this.phase = 'failed';
      }
    } finally {
      if (this.#abort === abort) this.#abort = undefined;
    }
  }

  cancel(): void {
    this.#abort?.abort();
  }

  /** Unconfirmed pre-label boxes in the labels. */
  get pendingBoxes(): number {
    void this.session.labels.version;
    let n = 0;
    for (const r of this.session.labels.doc.values()) if (r.type === 'cuboid' && isPendingPrelabel(r)) n++;
    return n;
  }

  /** Confirms one box (a derived box between pre-labels is the user's to place: nothing to confirm). */
  confirmBox(cuboid: Cuboid): boolean {
    const { labels } = this.session;
    return labels.commit('confirmPrelabel', confirmPrelabels(labels.doc, { cuboidIds: this.#stored([cuboid]) }));
  }

  /** Confirms every pending box of a track. */
  confirmTrack(trackId: string): boolean {
    const { labels } = this.session;
    const ids = labels.tracks
      .boxesOf(trackId)
      .filter(isPendingPrelabel)
      .map((c) => c.id);
    return labels.commit('confirmPrelabelTrack', confirmPrelabels(labels.doc, { cuboidIds: ids }));
  }

  /** Rejects one box: it goes (and its track with it when it was the last). */
  rejectBox(cuboid: Cuboid): boolean {
    const { labels } = this.session;
    if (!labels.doc.has(cuboid.id)) return false;
    return labels.commit('rejectPrelabel', deleteCuboid(labels.doc, { cuboidId: cuboid.id }));
  }

  /** Rejects a whole track: the track, its boxes and its time segments go. */
  rejectTrack(trackId: string): boolean {
    const { labels } = this.session;
    if (!labels.tracks.track(trackId)) return false;
    return labels.commit('rejectPrelabelTrack', deleteTrackFrom(labels.doc, { trackId, fromFrame: 0 }));
  }

  #stored(cuboids: readonly Cuboid[]): string[] {
    return cuboids.filter((c) => this.session.labels.doc.has(c.id)).map((c) => c.id);
  }

  /** Tracks of `model` whose every box is still a pending pre-label: what a new run replaces. */
  #pendingTracks(model: string): Track[] {
    const { labels } = this.session;
    return [...labels.tracks.tracks].filter((t) => {
      const boxes = labels.tracks.boxesOf(t.id);
      return boxes.length > 0 && boxes.every((c) => isPendingPrelabel(c) && c.source.kind === 'prelabel' && c.source.model === model); // prettier-ignore
    });
  }
}

/** The ontology's class for a class the detector knows: the same id, whatever its case (KITTI's `Car`). */
export function ontologyClassOf(ontology: Ontology, detected: string): string | undefined {
  return ontology.classes.find((c) => c.id.toLowerCase() === detected.toLowerCase())?.id;
}
