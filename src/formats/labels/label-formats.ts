import type { ExportLineage } from '../../core/model/export-lineage';
import type { LabelSet } from '../../core/model/label-set';
import { writeBundleExport } from '../bundle/bundle-from-label-set';
import { FormatError } from '../pointcloud/format-error';
import { readCsv } from './csv-reader';
import { writeCsv } from './csv-writer';
import { writeKitti } from './kitti-writer';
import type { LabelExport, LabelSetRead } from './label-export';
import { readNuscenesStyle } from './nuscenes-reader';
import { writeNuscenesStyle } from './nuscenes-writer';
import { readOpenLabel } from './openlabel-reader';
import { writeOpenLabel } from './openlabel-writer';

/** A label format Frustum writes. */
export interface ExportFormat {
  /** `file`: one file (plus sidecars) named by the caller; `folder`: a tree of files under a folder. */
  layout: 'file' | 'folder';
  /** The usual name ending of the main file, for `file` layouts. */
  extension?: string;
  write(set: LabelSet, lineage: ExportLineage, fileName: string): LabelExport;
}

/** The targets a label set can be written to. */
export type ExportFormatId = 'openlabel' | 'kitti' | 'kitti-tracking' | 'nuscenes' | 'csv' | 'bundle';

/**
 * The label writers by the name the CLI and the export dialog use. New targets (a Frustum bundle of scene, labels
 * and history) are added here and to `ExportFormatId`, nowhere else: the CLI's `--to` lists these keys.
 */
export const EXPORT_FORMATS: Record<ExportFormatId, ExportFormat> = {
  openlabel: { layout: 'file', extension: '.json', write: (s, l, f) => writeOpenLabel(s, l, { fileName: f }) },
  kitti: { layout: 'folder', write: (s, l) => writeKitti(s, l, { mode: 'object' }) },
  'kitti-tracking': { layout: 'folder', write: (s, l) => writeKitti(s, l, { mode: 'tracking' }) },
  nuscenes: { layout: 'file', extension: '.json', write: (s, l, f) => writeNuscenesStyle(s, l, f) },
  csv: { layout: 'file', extension: '.csv', write: (s, l, f) => writeCsv(s, l, f) },
  // A zip of the scene, its labels and their history (see ../bundle/README.md); the app adds versions and journal.
  bundle: { layout: 'file', extension: '.zip', write: (s, l, f) => writeBundleExport(s, l, f) },
};

export function isExportFormat(name: string): name is ExportFormatId {
  return Object.hasOwn(EXPORT_FORMATS, name);
}

/** The label files Frustum recognises by their content. */
export type LabelFileKind = 'openlabel' | 'nuscenes' | 'csv' | 'kitti' | 'kitti-tracking';

/**
 * What a label file is, from its first bytes and structure rather than its name: JSON with `openlabel` or with
 * `sample_annotation`, a CSV whose header has `frame`, `track_id` and `class_id`, or KITTI rows (15–16 fields
 * starting with a type name; tracking: 17–18 with frame and track id first). Undefined when none fits.
 */
export function detectLabelFile(text: string): LabelFileKind | undefined {
  const body = text.replace(/^\ufeff/, '').trimStart();
  if (body.startsWith('{')) {
    try {
      const json = JSON.parse(body) as Record<string, unknown>;
      if (json && typeof json['openlabel'] === 'object') return 'openlabel';
      if (Array.isArray(json?.['sample_annotation'])) return 'nuscenes';
    } catch {
      return undefined;
    }
    return undefined;
  }
  const first = body.split(/\r?\n/, 1)[0] ?? '';
  const header = first.split(',');
  if (['frame', 'track_id', 'class_id'].every((c) => header.includes(c))) return 'csv';
  const f = first.trim().split(/\s+/);
  const numeric = (s: string | undefined) => s !== undefined && Number.isFinite(Number(s));
  if ((f.length === 15 || f.length === 16) && !numeric(f[0]) && f.slice(1).every(numeric)) return 'kitti';
  const tracking = f.length === 17 || f.length === 18;
  if (tracking && numeric(f[0]) && numeric(f[1]) && !numeric(f[2]) && f.slice(3).every(numeric))
    return 'kitti-tracking';
  return undefined;
}

/**
 * Reads a label file of any kind `detectLabelFile` knows that carries its own frames (OpenLABEL, nuScenes-style
 * JSON, Frustum's CSV). KITTI files need their scene's calibration: read the KITTI folder as a scene instead.
 * Throws a `FormatError` naming the file otherwise.
 */
export function readLabelFile(text: string, fileName: string, kind = detectLabelFile(text)): LabelSetRead {
  switch (kind) {
    case 'openlabel':
      return readOpenLabel(text, fileName);
    case 'nuscenes':
      return readNuscenesStyle(text, fileName);
    case 'csv':
      return readCsv(text, fileName);
    case 'kitti':
    case 'kitti-tracking':
      throw new FormatError(fileName, 'KITTI labels need their calibration: convert the KITTI folder (with calib/) instead', { code: 'labels.kitti.no-calib' }); // prettier-ignore
    default:
      throw new FormatError(fileName, 'not a label file Frustum knows (OpenLABEL, nuScenes-style JSON, Frustum CSV)', { code: 'labels.file.unknown' }); // prettier-ignore
  }
}
