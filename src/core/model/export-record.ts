import type { ExportLineage } from './export-lineage';

/**
 * One export made from the app, kept so that the export list can show what each file was made of. The lineage
 * is the one written into (or beside) the file.
 */
export interface ExportRecord {
  id: string;
  sceneId: string;
  /** A key of the export formats table (`openlabel`, `kitti`, …, `bundle`). */
  format: string;
  /** The name the download was offered under. */
  fileName: string;
  /** ms since the epoch. */
  time: number;
  lineage: ExportLineage;
  /** What the writer had to leave out or guess: one display line per problem code, with its count and first places. */
  problems: string[];
}
