import type { PointCloud } from '../../core/model/point-cloud';
import { assertXyz } from './assert-xyz';
import { compactAttribute, compactValidPoints, keptCloud } from './compact-valid-points';
import { decodeColumn } from './decode-column';
import { allocateFloat32 } from './float32-pool';
import type { RecordTable, TableColumn } from './record-table';
import { isPackedColor, unpackColor } from './unpack-color';

/** A decoded cloud and how many of the file's points were dropped as invalid. */
export interface DecodedRecords extends PointCloud {
  invalidCount: number;
}

/**
 * Turns a record table into a cloud: `x y z` into float32 positions (file frame, untouched), every other
 * column into a float32 attribute named after it, packed `rgb`/`rgba` into `r g b (a)` 0–255. Columns named
 * `_` (PCL padding) are skipped; a repeated name gets a `_2`, `_3`… suffix. Points with a non-finite
 * coordinate or at (0, 0, 0) are dropped (`invalidCount`). Every column is decoded in one typed loop.
 */
export function decodeRecords(table: RecordTable, fileName: string, fieldNames: readonly string[]): DecodedRecords {
  const { view, littleEndian, count } = table;
  assertXyz(
    table.columns.map((c) => c.name),
    fileName,
    fieldNames,
  );
  const find = (axis: string) => table.columns.find((c) => c.name === axis)!;
  const [x, y, z] = [find('x'), find('y'), find('z')];
  const positions = allocateFloat32(count * 3);
  decodeColumn(view, littleEndian, x.layout, count, positions, 0, 3);
  decodeColumn(view, littleEndian, y.layout, count, positions, 1, 3);
  decodeColumn(view, littleEndian, z.layout, count, positions, 2, 3);
  const kept = compactValidPoints(positions, count);

  // A Map, so that a field called `constructor` or `__proto__` is just a name.
  const attributes = new Map<string, Float32Array>();
  const add = (name: string, values: Float32Array) => {
    let unique = name;
    for (let n = 2; attributes.has(unique); n++) unique = `${name}_${n}`;
    attributes.set(unique, compactAttribute(values, kept));
  };
  for (const column of table.columns) {
    if (column === x || column === y || column === z || column.name === '_') continue;
    if (isPackedColor(column)) {
      const { r, g, b, a } = unpackColor(table, column);
      add('r', r);
      add('g', g);
      add('b', b);
      if (a) add('a', a);
      continue;
    }
    add(column.name, decodeAttribute(table, column));
  }
  return keptCloud(positions, count, kept, attributes);
}

function decodeAttribute(table: RecordTable, column: TableColumn): Float32Array {
  const values = allocateFloat32(table.count);
  decodeColumn(table.view, table.littleEndian, column.layout, table.count, values, 0, 1);
  return values;
}
