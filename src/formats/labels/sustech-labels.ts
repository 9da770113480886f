import type { Vec3 } from '../../core/math/mat4';
import { FormatError } from '../pointcloud/format-error';

/** The problem code an import reports each fault of this format under. */
const MALFORMED = { code: 'sustech.label.malformed' } as const;

/** One object of a SUSTechPOINTS `label/<frame>.json`. */
export interface SustechObject {
  objId: string;
  objType: string;
  /** Geometric centre in the LiDAR frame (x left, y back, z up), metres. */
  position: Vec3;
  /** Full extent along the box's own x (length), y (width), z (height), metres. */
  scale: Vec3;
  /** Euler angles x, y, z in radians, three.js order "XYZ" (R = Rx · Ry · Rz). */
  rotation: Vec3;
}

/**
 * Reads a SUSTechPOINTS label file: an array of `{obj_id, obj_type, psr: {position, scale, rotation}}` with
 * `{x, y, z}` members. A numeric `obj_id` is read as its text. Throws a `FormatError` naming `path`.
 */
export function readSustechLabels(text: string, path: string): SustechObject[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FormatError(path, `not valid JSON (${(error as Error).message})`, MALFORMED);
  }
  if (!Array.isArray(json)) throw new FormatError(path, 'expected an array of objects', MALFORMED);
  return json.map((raw: unknown, i) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    const psr = (o['psr'] ?? {}) as Record<string, unknown>;
    const xyz = (key: string): Vec3 => {
      const v = (psr[key] ?? {}) as Record<string, unknown>;
      const out = [v['x'], v['y'], v['z']];
      if (!out.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        throw new FormatError(path, `[${i}].psr.${key} must have numeric x, y, z`, MALFORMED);
      }
      return out as unknown as Vec3;
    };
    const id = o['obj_id'];
    if (typeof id !== 'string' && typeof id !== 'number')
      throw new FormatError(path, `[${i}].obj_id is missing`, MALFORMED);
    if (typeof o['obj_type'] !== 'string') throw new FormatError(path, `[${i}].obj_type is missing`, MALFORMED);
    return {
      objId: String(id),
      objType: o['obj_type'],
      position: xyz('position'),
      scale: xyz('scale'),
      rotation: xyz('rotation'),
    };
  });
}
