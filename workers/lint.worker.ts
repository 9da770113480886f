import { expose, type ProxyOrClone } from 'comlink';
import type { SweepIndex } from '../src/core/fit/sweep-index';
import { runChecks, type Finding, type LintProfile, type LintProgress } from '../src/core/lint/index';
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

/** Runs the automatic checks (`core/lint`) off the main thread, saying how far it is as it goes. */
const api = {
  run(request: LintRequest, onProgress?: ProxyOrClone<(p: LintProgress) => void>): Promise<Finding[]> {
    const sweeps = new Map(request.sweeps.map((s) => [s.frameIndex, s.sweep]));
    const input = {
      scene: { frames: request.frames },
      tracks: request.tracks,
      cuboids: request.cuboids,
      ...(request.ontology ? { ontology: request.ontology } : {}),
      ...(sweeps.size > 0 ? { points: (frame: number) => sweeps.get(frame) } : {}),
    };
    return runChecks(input, request.profile, onProgress ? (p) => void onProgress(p) : undefined);
  },
};

export type LintWorkerApi = typeof api;
expose(api);
