import { expose, type ProxyOrClone } from 'comlink';
import type { SweepIndex } from '../src/core/fit/sweep-index';
import { compareLabelSets, type AgreementReport } from '../src/core/agreement/agreement';
import { labelSetDifferences, type FrameDifference } from '../src/core/agreement/differences';
import { runChecks, type Finding, type LintProfile, type LintProgress } from '../src/core/lint/index';
import type { LabelSet } from '../src/core/model/label-set';
import type { Cuboid, Track } from '../src/core/model/labels';
import type { Ontology } from '../src/core/model/ontology';
import type { Frame } from '../src/core/model/scene';

/** What one run of the checks reads: the scene's frames, its stored labels, and the sweeps the app holds. */
export interface LintRequest {
  frames: Frame[];
  tracks: Track[];
  /** The stored boxes; the checks derive the boxes between them. */
  cuboids: Cuboid[];
  ontology?: Ontology;
  profile?: LintProfile;
  /** The sweep indexes the point checks read, by frame (the frame on screen); none: label checks only. */
  sweeps: { frameIndex: number; sweep: SweepIndex }[];
}

/**
 * Label quality off the main thread: the automatic checks (`core/lint`), saying how far they are as they go,
 * and the comparison of two label sets (`core/agreement`): its figures and its differences frame by frame.
 */
const api = {
  lint(request: LintRequest, onProgress?: ProxyOrClone<(p: LintProgress) => void>): Promise<Finding[]> {
    const sweeps = new Map(request.sweeps.map((s) => [s.frameIndex, s.sweep]));
    const input = {
      scene: { frames: request.frames },
      tracks: request.tracks,
      cuboids: request.cuboids,
      ...(request.ontology ? { ontology: request.ontology } : {}),
      ...(sweeps.size > 0 ? { points: (frame: number) => sweeps.get(frame) } : {}),
    };
    // One message a check, and the last: the point pass reports every frame, which would be hundreds a run.
    let last: LintProgress | undefined;
    const report = (p: LintProgress) => {
      if (onProgress && (p.check !== last?.check || p.done === p.total)) void onProgress(p);
      last = p;
    };
    return runChecks(input, request.profile, report);
  },

  compare(reference: LabelSet, current: LabelSet): { report: AgreementReport; differences: FrameDifference[] } {
    return { report: compareLabelSets(reference, current), differences: labelSetDifferences(reference, current) };
  },
};

export type QualityWorkerApi = typeof api;
expose(api);
