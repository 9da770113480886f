/**
 * One of several scenes a folder holds (a nuScenes split's scenes, an Argoverse 2 split's logs), for the
 * chooser shown before an import. `id` goes back in as `ImportOptions.scene`.
 */
export interface SceneChoice {
  id: string;
  /** The dataset's own name (`scene-0061`, a log id). */
  name: string;
  /** The dataset's description of it, where it has one ("Parked truck, construction, intersection"). */
  description?: string;
  /** Labelled frames (keyframes) it holds, where known without reading more than the listing and small tables. */
  frames?: number;
  /** Whether sweeps between keyframes exist for it (`ImportOptions.sweeps` then adds them as frames). */
  hasSweeps?: boolean;
}
