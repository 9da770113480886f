import type { PcdHeader } from './pcd-header';
import type { RecordField, RecordLayout } from './read-interleaved-records';

/**
 * The float32 records of a `DATA binary` PCD when they can be used as they are: every field one float32 value
 * (COUNT 1, no `_` padding, no packed `rgb`/`rgba`, which is unpacked into channels) and `x y z` side by side in
 * that order. KITTI-style `x y z intensity` and most LiDAR PCDs qualify; anything else (other types, padding,
 * COUNT > 1) is undefined and read by the de-interleaving reader. Attributes are named as `decodeRecords`
 * names them: after their field, a repeated name with `_2`, `_3`….
 */
export function pcdRecordLayout(header: PcdHeader): RecordLayout | undefined {
  if (header.encoding !== 'binary') return undefined;
  const { fields } = header;
  const plain = fields.every((f) => f.type === 'float32' && f.count === 1 && f.name !== '_');
  const names = fields.map((f) => f.name);
  const packed = names.some((n) => n.toLowerCase() === 'rgb' || n.toLowerCase() === 'rgba');
  const x = names.indexOf('x');
  if (!plain || packed || x < 0 || names.indexOf('y') !== x + 1 || names.indexOf('z') !== x + 2) return undefined;
  const taken = new Set<string>();
  const attributes: RecordField[] = [];
  names.forEach((name, offset) => {
    if (offset >= x && offset <= x + 2) return;
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name}_${n}`;
    taken.add(unique);
    attributes.push({ name: unique, offset });
  });
  return { start: header.dataOffset, count: header.points, stride: fields.length, x, attributes };
}
