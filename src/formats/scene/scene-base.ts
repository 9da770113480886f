import type { CuboidSource } from '../../core/model/labels';
import type { BinLayout } from '../pointcloud/read-point-cloud-file';
import type { CameraSensor, Frame, LidarSensor, Scene } from '../../core/model/scene';
import { LabelCollector } from '../labels/label-collector';
import type { ClassDialect } from '../labels/map-class';
import type { LayoutKind } from './detect-layout';
import { hashListing } from './listing-hash';

/** The ontology every importer maps its classes into. */
export const IMPORT_ONTOLOGY_ID = 'general-driving';

/**
 * What an importer needs beyond the files: the scene's deterministic identity and the label collector whose
 * tracks, cuboids and problems `importScene` returns.
 */
export class SceneBase {
  /** `<kind>-<listing hash>`: re-importing the same folder listing opens the same scene. */
  readonly id: string;
  /** FNV-1a 64 of the layout kind, source name and sorted listing (not of the bytes: see `hashListing`). */
  readonly contentHash: string;
  #labels: LabelCollector | undefined;
  readonly labelSource: CuboidSource;
  /** Record layouts of headerless `.bin` sweeps per LiDAR id, where the source declares them (manifests). */
  readonly lidarLayouts: Record<string, BinLayout> = {};

  constructor(
    readonly kind: LayoutKind,
    readonly sourceName: string,
    paths: readonly string[],
    labelsAs: 'labels' | 'prelabels' = 'labels',
    /** Which of the folder's scenes, read how (see `hashListing`); empty for a folder of one scene. */
    variant = '',
  ) {
    this.contentHash = hashListing(kind, sourceName, paths, variant);
    this.id = `${kind}-${this.contentHash}`;
    this.labelSource =
      labelsAs === 'prelabels'
        ? { kind: 'prelabel', model: `${kind} labels`, version: '1', score: 1 }
        : { kind: 'manual' };
  }

  /** The one collector of this scene's boxes (one, so that track and cuboid numbers never repeat). */
  labels(dialect: ClassDialect): LabelCollector {
    this.#labels ??= new LabelCollector(this.id, dialect, this.labelSource);
    return this.#labels;
  }

  /** The collected labels, if any importer asked for a collector. */
  get collected(): LabelCollector | undefined {
    return this.#labels;
  }

  /** The scene record with this base's identity. */
  scene(parts: { name?: string; lidars: LidarSensor[]; cameras: CameraSensor[]; frames: Frame[] }): Scene {
    return {
      id: this.id,
      name: parts.name ?? this.sourceName,
      source: { kind: 'files', root: this.sourceName },
      lidars: parts.lidars,
      cameras: parts.cameras,
      frames: parts.frames,
      ontologyId: IMPORT_ONTOLOGY_ID,
      provenance: { contentHash: this.contentHash },
    };
  }
}
