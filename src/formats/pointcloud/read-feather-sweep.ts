import { assertXyz } from './assert-xyz';
import { compactAttribute, compactValidPoints, keptCloud } from './compact-valid-points';
import type { DecodedPointCloud } from './decoded-point-cloud';
import { decodeNumberColumn, numberTypeOf, readFeatherTable, requireColumn } from './feather-table';
import { allocateFloat32 } from './float32-pool';
import { FormatError } from './format-error';

/**
 * Reads a LiDAR sweep stored as a Feather v2 table, one row a point: Argoverse 2's `sensors/lidar/<ns>.feather`
 * (x y z as float16 in the files the dataset ships, float32 in the devkit's docs; `intensity` uint8,
 * `laser_number` uint8, `offset_ns` int32), uncompressed or LZ4-compressed. Positions are as stored: AV2's are
 * in the ego frame already (its two stacked LiDARs merged and motion-compensated to the sweep's time). Every
 * other number column becomes a float32 attribute named after it, with its values as stored (`intensity`
 * 0–255, as nuScenes' is; `laser_number` 0–63 tells the upper sensor's beams from the lower's; `offset_ns`
 * to 8 ns at 100 ms); text and other columns are left out. A null coordinate, a NaN/±Inf one or (0, 0, 0)
 * drops the point, as in every reader. Throws a FormatError naming the file (not Arrow, no x y z, a codec
 * other than LZ4, damaged data).
 */
export function readFeatherSweep(bytes: Uint8Array, fileName = 'lidar/sweep.feather'): DecodedPointCloud {
  const table = readFeatherTable(bytes, fileName);
  const names = table.names.map(String);
  assertXyz(names, fileName);
  const count = table.numRows;
  const fields: DecodedPointCloud['fields'] = [];
  const numbers = names.flatMap((name) => {
    const column = requireColumn(table, name, fileName);
    const type = numberTypeOf(column.type);
    if (!type) return [];
    if (column.length !== count) throw new FormatError(fileName, `column ${name} has ${column.length} rows, not ${count}`); // prettier-ignore
    fields.push({ name, type, count: 1 });
    return [{ name, column }];
  });
  const axis = (name: string) => {
    const found = numbers.find((c) => c.name === name);
    if (!found) throw new FormatError(fileName, `column ${name} does not hold numbers`);
    return found.column;
  };

  // Every value is written below (a null coordinate as NaN), so the pooled arrays need no zeroing first.
  const positions = allocateFloat32(count * 3, false);
  ['x', 'y', 'z'].forEach((name, k) => decodeNumberColumn(axis(name), name, positions, k, 3, NaN, fileName));
  const kept = compactValidPoints(positions, count);

  // A Map, so that a column called `constructor` or `__proto__` is just a name.
  const attributes = new Map<string, Float32Array>();
  for (const { name, column } of numbers) {
    if (name === 'x' || name === 'y' || name === 'z') continue;
    const values = allocateFloat32(count, false);
    decodeNumberColumn(column, name, values, 0, 1, 0, fileName);
    attributes.set(name, compactAttribute(values, kept));
  }
  return {
    ...keptCloud(positions, count, kept, attributes),
    format: 'feather',
    fields,
  };
}
