/**
 * What an export says about where its labels came from, so that a file found later can be traced back to the
 * data, the label version and the models that made it. Written by every label writer where its format has room
 * (OpenLABEL `metadata`, the nuScenes-style JSON's top level, a sidecar JSON beside KITTI and CSV files).
 */
export interface ExportLineage {
  /** The Frustum that wrote the file (`FRUSTUM_VERSION`). */
  frustumVersion: string;
  /** The label version exported, and the one it was made from, where the labels are versioned. */
  labelVersionId?: string;
  parentVersionId?: string;
  /** Who exported (a user name, or the CLI's user). */
  author: string;
  /** When, ISO 8601 UTC (`2024-05-01T12:00:00.000Z`). */
  time: string;
  /** The files the labels and the scene were read from, with the SHA-256 of their bytes (64 hex digits). */
  inputs: ExportInput[];
  /** The ontology the class and attribute ids belong to. */
  ontology: { id: string; version: number };
  /**
   * Every model whose pre-labels are among the boxes, once each; since bundle format 6 with how many of its boxes
   * are still pending, confirmed as they were, and edited by a person.
   */
  prelabelModels: { name: string; version: string; boxes?: { pending: number; confirmed: number; edited: number } }[];
}

export interface ExportInput {
  /** '/'-separated, relative to the scene folder or as the user named the file. */
  path: string;
  sha256: string;
}
