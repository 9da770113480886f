/** Where each part lives inside a bundle's zip. Paths are '/'-separated and relative to the zip's root. */
export const BUNDLE_PATHS = {
  index: 'bundle.json',
  manifest: 'manifest.json',
  scene: 'scene.json',
  ontology: 'ontology.json',
  current: 'labels/current.json',
  journal: 'labels/journal.jsonl',
  workLog: 'labels/work-log.jsonl',
  reviews: 'reviews.json',
  exports: 'exports.json',
  lineage: 'lineage.json',
} as const;

export const versionPath = (id: string): string => `labels/versions/${id}.json`;

/** Embedded scene files sit under this folder, at their path in the scene. */
export const DATA_FOLDER = 'data/';

/** What `bundle.json` says: the format, who wrote it, and the order of the parts that are lists of files. */
export interface BundleIndex {
  format: string;
  version: number;
  frustumVersion: string;
  sceneId: string;
  /** Label version ids, oldest first: each is `labels/versions/<id>.json`. */
  versions: string[];
  /** The scene files embedded under `data/`, by their path in the scene. */
  data: string[];
}
