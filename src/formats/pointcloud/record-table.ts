import type { ColumnLayout } from './decode-column';
import type { ScalarType } from './scalar-type';

/** One column of a record table: the first element of a file field, and the type the file gave it. */
export interface TableColumn {
  name: string;
  fileType: ScalarType;
  layout: ColumnLayout;
}

/**
 * Point records made readable column by column, whatever the file's encoding: interleaved binary records,
 * PCL's field-after-field compressed block, or numbers parsed from text into a float64 table.
 */
export interface RecordTable {
  view: DataView;
  littleEndian: boolean;
  count: number;
  columns: TableColumn[];
  /** True when values were parsed from text: a packed colour then arrives as a number, not as raw bits. */
  fromText: boolean;
}
