import type { ExportLineage } from '../../core/model/export-lineage';
import type { LabelSet } from '../../core/model/label-set';
import type { LabelRecord } from '../../core/model/labels';
import { isDerivedCuboid } from '../../core/tracks/materialize-cuboids';
import { shippedOntology } from '../../core/model/shipped-ontologies';
import type { LabelExport } from '../labels/label-export';
import type { FrustumBundle } from './frustum-bundle';
import { writeBundle } from './write-bundle';

/**
 * A bundle from a label set alone, as the CLI makes one (`convert … --to bundle`): the scene, its labels as
 * one `importLabels` journal line (the app's history then starts with the import, as after a folder import),
 * no versions or reviews yet, and this conversion as the scene's one export. Scene files are referenced by the
 * manifest, not embedded.
 */
export function bundleFromLabelSet(set: LabelSet, lineage: ExportLineage, fileName: string): FrustumBundle {
  const records: LabelRecord[] = [...set.tracks, ...set.cuboids.filter((c) => !isDerivedCuboid(c)), ...set.segments];
  const time = Date.parse(lineage.time) || 0;
  const ontology = shippedOntology(set.scene.ontologyId);
  return {
    scene: set.scene,
    ...(ontology ? { ontology } : {}),
    records,
    versions: [],
    journal: records.length
      ? [{ time, author: lineage.author, name: 'importLabels', patch: { added: records, updated: [], removed: [] } }]
      : [],
    workLog: [],
    reviews: [],
    exports: [{ id: `${set.scene.id}-export-${time}`, sceneId: set.scene.id, format: 'bundle', fileName, time, lineage, problems: [] }], // prettier-ignore
    lineage,
    data: [],
  };
}

/** The bundle as an entry of the export formats table: one binary file. */
export function writeBundleExport(set: LabelSet, lineage: ExportLineage, fileName: string): LabelExport {
  const bytes = writeBundle(bundleFromLabelSet(set, lineage, fileName));
  return { files: [{ path: fileName, text: '', bytes }], problems: [] };
}
