import { tallyPrelabels } from '../../core/model/prelabel-tally';
import type { ExportLineage } from '../../core/model/export-lineage';
import type { LabelSet } from '../../core/model/label-set';
import { shippedOntology } from '../../core/model/shipped-ontologies';
import { FRUSTUM_VERSION } from '../../core/version';

export interface LineageRequest {
  set: LabelSet;
  /** The input files, '/'-separated as they should be named, with a way to read each. */
  inputs: readonly string[];
  read: (path: string) => Promise<Uint8Array>;
  /**
   * SHA-256 of some bytes as 64 hex digits: node's `crypto` in the CLI, `crypto.subtle.digest` in the app. Passed
   * in so that this module stays free of either.
   */
  sha256: (bytes: Uint8Array) => Promise<string>;
  author: string;
  /** ISO 8601 UTC. */
  time: string;
  labelVersionId?: string;
  parentVersionId?: string;
  /** The ontology's version where it is not one Frustum ships (theirs are looked up by the scene's id). */
  ontologyVersion?: number;
}

/**
 * The lineage of an export: the inputs with the SHA-256 of their bytes (read one at a time, in the order given),
 * the scene's ontology and its version, and each pre-labelling model found among the boxes once, with how many
 * of its boxes are pending, confirmed and edited.
 */
export async function buildLineage(request: LineageRequest): Promise<ExportLineage> {
  const inputs = [];
  for (const path of request.inputs) inputs.push({ path, sha256: await request.sha256(await request.read(path)) });
  const ontologyId = request.set.scene.ontologyId;
  return {
    frustumVersion: FRUSTUM_VERSION,
    ...(request.labelVersionId ? { labelVersionId: request.labelVersionId } : {}),
    ...(request.parentVersionId ? { parentVersionId: request.parentVersionId } : {}),
    author: request.author,
    time: request.time,
    inputs,
    ontology: { id: ontologyId, version: request.ontologyVersion ?? shippedOntology(ontologyId)?.version ?? 1 },
    prelabelModels: tallyPrelabels(request.set.cuboids).map(({ name, version, ...boxes }) => ({
      name,
      version,
      boxes,
    })),
  };
}
