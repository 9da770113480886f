import { expose, type ProxyOrClone } from 'comlink';
import { compareLabelSets, type AgreementReport } from '../src/core/agreement/agreement';
import { labelSetDifferences, type FrameDifference } from '../src/core/agreement/differences';
import { runChecks, type Finding, type LintProgress, type LintRunRequest } from '../src/core/lint/index';
import type { LabelSet } from '../src/core/model/label-set';

/**
 * Label quality off the main thread: the automatic checks (`core/lint`), saying how far they are as they go,
 * and the comparison of two label sets (`core/agreement`): its figures and its differences frame by frame.
 */
const api = {
  lint(request: LintRunRequest, onProgress?: ProxyOrClone<(p: LintProgress) => void>): Promise<Finding[]> {
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
