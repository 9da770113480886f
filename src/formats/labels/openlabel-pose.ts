import { fromPose } from '../../core/math/mat4';
import {
  multiplyRotations,
  quaternionFromRotation,
  rotationFromQuaternion,
  rotationOf,
} from '../../core/math/quaternion';
import type { Cuboid } from '../../core/model/labels';
import { fromRotationTranslation } from '../calibration/to-mat4';
import { isNumbers as numbers } from './label-values';
import type { OlCuboid, OlTransformData } from './openlabel-types';

/** Rotation about one axis, row-major 3×3, radians. */
function axisRotation(axis: string, a: number): number[] {
  const c = Math.cos(a),
    s = Math.sin(a);
  if (axis === 'X') return [1, 0, 0, 0, c, -s, 0, s, c];
  if (axis === 'Y') return [c, 0, s, 0, 1, 0, -s, 0, c];
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

/**
 * Euler angles as OpenLABEL gives them: `angles[i]` turns about axis `sequence[i]`, applied in that order
 * about the turning axes (intrinsic), i.e. R = R₀(a₀) · R₁(a₁) · R₂(a₂). "ZYX" with (yaw, pitch, roll) is
 * DESIGN.md's convention. Throws on a sequence that is not three of X, Y, Z.
 */
export function rotationFromEuler(sequence: string, angles: readonly number[]): number[] {
  const axes = sequence.toUpperCase();
  if (!/^[XYZ]{3}$/.test(axes)) throw new Error(`Euler sequence "${sequence}" is not three of X, Y, Z`);
  return [0, 1, 2].reduce((r, i) => multiplyRotations(r, axisRotation(axes[i]!, angles[i]!)), [1, 0, 0, 0, 1, 0, 0, 0, 1]); // prettier-ignore
}

/** A transform's 4×4 (row-major, X_dst = M · X_src). Throws an Error saying what is wrong with it. */
export function matrixOfTransform(data: OlTransformData): number[] {
  const d = data as Record<string, unknown>;
  if ('matrix4x4' in d) {
    if (!numbers(d['matrix4x4'], 16)) throw new Error('matrix4x4 must be 16 numbers');
    return [...(d['matrix4x4'] as number[])];
  }
  if (!numbers(d['translation'], 3)) throw new Error('translation must be 3 numbers');
  const t = d['translation'] as number[];
  if ('quaternion' in d) {
    if (!numbers(d['quaternion'], 4)) throw new Error('quaternion must be 4 numbers (x, y, z, w)');
    const [x, y, z, w] = d['quaternion'] as number[];
    return fromRotationTranslation(rotationFromQuaternion([w!, x!, y!, z!]), t);
  }
  if (!numbers(d['euler_angles'], 3)) throw new Error('euler_angles must be 3 numbers');
  const sequence = typeof d['sequence'] === 'string' ? d['sequence'] : 'ZYX';
  return fromRotationTranslation(rotationFromEuler(sequence, d['euler_angles'] as number[]), t);
}

/** A box as OpenLABEL's 10-number cuboid `val`: centre, quaternion (x, y, z, w), size (sx, sy, sz) = (l, w, h). */
export function cuboidVal(box: Pick<Cuboid, 'position' | 'size' | 'yaw' | 'pitch' | 'roll'>): number[] {
  const [w, x, y, z] = quaternionFromRotation(rotationOf(fromPose([0, 0, 0], box.yaw, box.pitch, box.roll)));
  return [...box.position, x, y, z, w, ...box.size];
}

/** A cuboid's geometry in its own coordinate system: centre (metres), rotation (row-major 3×3), size [l, w, h]. */
export interface CuboidGeometry {
  centre: [number, number, number];
  rotation: number[];
  size: [number, number, number];
}

/**
 * Reads a cuboid: `val` with 9 numbers (x, y, z, rx, ry, rz, sx, sy, sz; R = Rz(rz) · Ry(ry) · Rx(rx)) or 10
 * (x, y, z, qx, qy, qz, qw, sx, sy, sz), or, where `val` is null, the spelt-out `translation` (also as the
 * misspelt `traslation` found in real files), `quaternion` (x, y, z, w, as everywhere in OpenLABEL) and `size`.
 * Throws an Error saying what is missing; sizes are returned as written (the caller refuses non-positive ones).
 */
export function readCuboidGeometry(cuboid: OlCuboid): CuboidGeometry {
  const val = cuboid.val;
  if (Array.isArray(val)) {
    if (!val.every((v) => typeof v === 'number' && Number.isFinite(v)) || (val.length !== 9 && val.length !== 10)) {
      throw new Error('val must be 9 or 10 numbers');
    }
    const size = val.slice(-3) as [number, number, number];
    const centre = val.slice(0, 3) as [number, number, number];
    if (val.length === 9) return { centre, rotation: rotationFromEuler('ZYX', [val[5]!, val[4]!, val[3]!]), size };
    return { centre, rotation: rotationFromQuaternion([val[6]!, val[3]!, val[4]!, val[5]!]), size };
  }
  const translation = cuboid.translation ?? cuboid.traslation;
  if (!numbers(translation, 3) || !numbers(cuboid.quaternion, 4) || !numbers(cuboid.size, 3)) {
    throw new Error('val is null and translation, quaternion and size are not all given');
  }
  const [x, y, z, w] = cuboid.quaternion;
  return {
    centre: [...translation] as [number, number, number],
    rotation: rotationFromQuaternion([w!, x!, y!, z!]),
    size: [...cuboid.size] as [number, number, number],
  };
}
