import type { AttributeValue } from '../../../core/model/labels';
import { rotationFromQuaternion } from '../../../core/math/quaternion';
import type { Frame } from '../../../core/model/scene';
import { invertAffine } from '../../calibration/invert-affine';
import { boxInEgo } from '../../labels/rotation-zyx';
import type { SceneBase } from '../scene-base';
import {
  finiteNumbers,
  rowsWith,
  type AnnotationRow,
  type InstanceRow,
  type NamedRow,
  type NuscenesTables,
  type VisibilityRow,
} from './nuscenes-tables';

/** nuScenes' attribute names (`vehicle.parked`), which the nuScenes ontology's `status` enum takes as they are. */
const STATUS = /^(vehicle|cycle|pedestrian)\.[a-z_]+$/;
/** nuScenes' visibility levels, which the nuScenes ontology's `visibility` enum takes as they are. */
const VISIBILITY_LEVELS = new Set(['v0-40', 'v40-60', 'v60-80', 'v80-100']);

/**
 * The scene's boxes as tracks and keyframe cuboids. Reads `sample_annotation` for the scene's samples, then
 * the `instance` rows they name, and `category`, `attribute`, `visibility` whole (small tables). One track per
 * instance (its token kept as the track's `externalId`, its category mapped like every nuScenes class), one
 * cuboid per annotation on the keyframe of its sample (its token kept as the cuboid's `externalId`): from the
 * global frame into that frame's ego frame through the inverse of its `worldFromEgo`, size [w, l, h] →
 * [l, w, h], angles from the quaternion. Its first nuScenes attribute becomes the nuScenes ontology's `status`
 * (`vehicle.parked`, `cycle.with_rider`), its visibility level (`v40-60`) `visibility`; nuScenes' LiDAR and
 * radar point counts have no field in the ontology and are not kept. Boxes of samples left out are skipped.
 */
export async function addNuscenesAnnotations(
  tables: NuscenesTables,
  base: SceneBase,
  sampleTokens: readonly string[],
  keyframes: ReadonlyMap<string, Frame>,
): Promise<void> {
  const { ctx } = tables;
  const path = tables.path('sample_annotation');
  const annotations = await tables.read<AnnotationRow>('sample_annotation', rowsWith('sample_token', sampleTokens));
  if (annotations.length === 0) return;
  const instanceTokens = annotations.map((a) => a.instance_token);
  const instances = byToken(await tables.read<InstanceRow>('instance', rowsWith('token', instanceTokens)));
  const categories = byToken(await tables.read<NamedRow>('category'));
  const attributes = byToken(await tables.read<NamedRow>('attribute'));
  const visibilities = byToken(await tables.read<VisibilityRow>('visibility'));
  const labels = base.labels('nuscenes');
  const egoFromWorld = new Map<Frame, number[]>();
  const placed = annotations
    .map((row, order) => ({ row, order, frame: keyframes.get(row.sample_token) }))
    .filter((a): a is { row: AnnotationRow; order: number; frame: Frame } => a.frame !== undefined)
    .sort((a, b) => a.frame.index - b.frame.index || a.order - b.order);
  for (const { row, frame } of placed) {
    const place = `token ${row.token}`;
    const { translation, size, rotation } = row;
    if (
      !finiteNumbers(translation, 3) ||
      !finiteNumbers(size, 3) ||
      !finiteNumbers(rotation, 4) ||
      !(Math.hypot(...rotation) > 1e-9)
    ) {
      // prettier-ignore
      ctx.problem(path, 'nuscenes.annotation.malformed', 'needs translation (3), size (3) and rotation (4 numbers): left out', place); // prettier-ignore
      continue;
    }
    const [width, length, height] = size as [number, number, number];
    if (!(width > 0 && length > 0 && height > 0)) {
      ctx.problem(path, 'nuscenes.annotation.nonpositive-size', `size ${width} × ${length} × ${height} is not above zero: left out`, place, { width, length, height }); // prettier-ignore
      continue;
    }
    if (!egoFromWorld.has(frame)) egoFromWorld.set(frame, invertAffine(frame.worldFromEgo!));
    const pose = boxInEgo(egoFromWorld.get(frame)!, translation as [number, number, number], rotationFromQuaternion(rotation), [length, width, height]); // prettier-ignore
    const instance = instances.get(row.instance_token);
    const className = (instance && categories.get(instance.category_token)?.name) ?? 'unknown';
    const values: Record<string, AttributeValue> = {};
    const status = (row.attribute_tokens ?? []).map((t) => attributes.get(t)?.name).find((n) => n && STATUS.test(n));
    if (status !== undefined) values['status'] = status;
    const level = row.visibility_token ? visibilities.get(row.visibility_token)?.level : undefined;
    if (level !== undefined && VISIBILITY_LEVELS.has(level)) values['visibility'] = level;
    labels.add({ objectKey: row.instance_token, className, frameIndex: frame.index, ...pose, attributes: values, externalId: row.token }, path); // prettier-ignore
  }
}

function byToken<T extends { token: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.token, r]));
}
