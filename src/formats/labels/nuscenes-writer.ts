import { identity, transformPoint, translationOf, type Mat4 } from '../../core/math/mat4';
import {
  multiplyRotations,
  quaternionFromRotation,
  rotationFromQuaternion,
  rotationOf,
} from '../../core/math/quaternion';
import { parentFromCuboid } from '../../core/geometry/cuboid';
import type { ExportLineage } from '../../core/model/export-lineage';
import type { Cuboid } from '../../core/model/labels';
import type { LabelSet } from '../../core/model/label-set';
import { fromRotationTranslation } from '../calibration/to-mat4';
import type { FileProblem } from '../problems/file-problem';
import type { LabelExport } from './label-export';
import {
  datasetTokens,
  instanceTokens,
  NUSCENES_STYLE_FORMAT,
  nuscenesAttributeNames,
  nuscenesCategoryOf,
  tokenOf,
  visibilityTokenOf,
} from './nuscenes-style';

/** A box in the global frame: centre (metres) and rotation as a quaternion [w, x, y, z]. */
function globalPose(box: Cuboid, worldFromEgo: Mat4): { translation: number[]; rotation: number[] } {
  const r = multiplyRotations(rotationOf(worldFromEgo), rotationOf(parentFromCuboid(box)));
  return { translation: transformPoint(worldFromEgo, box.position), rotation: quaternionFromRotation(r) };
}

/**
 * Writes nuScenes-style JSON: nuScenes' own tables, inline in one file: `sample` (one per frame, µs
 * `timestamp`, `prev` / `next`), `ego_pose` (where frames have poses), `instance` (one per track: token,
 * `category_name`) and `sample_annotation` (one per box: `translation` and `rotation` [w, x, y, z] in the global
 * frame, `size` in nuScenes' [w, l, h] order, `attribute_names` and `visibility_token` from attribute values
 * that are nuScenes', `velocity` [vx, vy] in m/s estimated from the track's neighbouring boxes, `prev` / `next`).
 * Frustum's own fields ride along so that nothing of the labels is lost: `lineage` at the top, each track's
 * `track_id`, `class_id`, static `attributes`, `external_id` and `name`, each box's `attributes`, `keyframe` and
 * `source`. An instance's token is the dataset's id where that is a nuScenes token (so labels join back to the
 * dataset's instances), else one made from the track id (`instanceTokens`); a sample's and an annotation's are
 * the frame's and the box's `externalId` where those are nuScenes tokens (an import of nuScenes' tables keeps
 * them), else made from their ids. Samples are the keyframes only: frames with `keyframe: false` (sweeps
 * between nuScenes' samples) and their boxes are left out, a box placed on one reported. Without ego
 * poses the global frame is each frame's ego frame. Sensors, files and time segments are not written.
 */
export function writeNuscenesStyle(set: LabelSet, lineage: ExportLineage, fileName = 'nuscenes.json'): LabelExport {
  const { scene } = set;
  const problems: FileProblem[] = [];
  // nuScenes annotates its 2 Hz samples only: the sweeps between them (`keyframe: false`) are no samples.
  const frames = scene.frames.filter((f) => f.keyframe !== false);
  const posed = frames.every((f) => f.worldFromEgo);
  if (!posed) problems.push({ path: fileName, code: 'nuscenes.pose.missing', message: 'not every frame has an ego pose: boxes are written in each frame’s ego frame' }); // prettier-ignore
  if (set.segments.length > 0) problems.push({ path: fileName, code: 'nuscenes.segments.dropped', message: `${set.segments.length} time segments left out: nuScenes has no place for them`, values: { segments: set.segments.length } }); // prettier-ignore
  const frameKey = (i: number) => `${scene.id}/${i}`;
  const sampleTokens = datasetTokens('sample', frames.map((f) => ({ id: frameKey(f.index), externalId: f.externalId }))); // prettier-ignore
  const sampleToken = (i: number) => sampleTokens.get(frameKey(i))!;
  const frameByIndex = new Map(frames.map((f) => [f.index, f]));
  const samples = frames.map((f, i) => ({
    token: sampleToken(f.index),
    timestamp: f.timestampUs,
    scene_token: tokenOf('scene', scene.id),
    frame_index: f.index,
    prev: i > 0 ? sampleToken(frames[i - 1]!.index) : '',
    next: i + 1 < frames.length ? sampleToken(frames[i + 1]!.index) : '',
    ...(posed ? { ego_pose_token: tokenOf('ego_pose', `${scene.id}/${f.index}`) } : {}),
  }));
  // Ego poses as nuScenes keeps them (translation, quaternion). Boxes go to the world through the pose as
  // written, not the scene's matrix: a calibration that is only nearly orthonormal (float32, like the nuScenes
  // sample's ego2global) would otherwise come back displaced by its rounding times the distance from the origin.
  const worldFromEgo = new Map<number, Mat4>();
  const egoPoses = posed
    ? frames.map((f) => {
        const m = f.worldFromEgo!;
        const pose = { translation: translationOf(m), rotation: quaternionFromRotation(rotationOf(m)) };
        worldFromEgo.set(f.index, fromRotationTranslation(rotationFromQuaternion(pose.rotation), pose.translation));
        return { token: tokenOf('ego_pose', `${scene.id}/${f.index}`), timestamp: f.timestampUs, ...pose };
      })
    : [];
  const byTrack = new Map<string, Cuboid[]>();
  const sweeps = new Set(scene.frames.filter((f) => f.keyframe === false).map((f) => f.index));
  let onSweeps = 0;
  for (const c of set.cuboids) {
    // Boxes derived between keyframes are dropped there unsaid; a box someone placed on a sweep is reported.
    if (sweeps.has(c.frameIndex) && c.keyframe) onSweeps++;
    if (!frameByIndex.has(c.frameIndex)) continue;
    if (!byTrack.has(c.trackId)) byTrack.set(c.trackId, []);
    byTrack.get(c.trackId)!.push(c);
  }
  if (onSweeps > 0) problems.push({ path: fileName, code: 'nuscenes.sweep.boxes-dropped', message: `${onSweeps} boxes on sweeps between keyframes left out: nuScenes annotates keyframes only`, values: { boxes: onSweeps } }); // prettier-ignore
  const annotationToken = datasetTokens('sample_annotation', [...byTrack.values()].flat().sort((a, b) => a.frameIndex - b.frameIndex)); // prettier-ignore
  const instances: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  const instanceToken = instanceTokens(set.tracks);
  for (const track of set.tracks) {
    const boxes = (byTrack.get(track.id) ?? []).sort((a, b) => a.frameIndex - b.frameIndex);
    const tokens = boxes.map((b) => annotationToken.get(b.id)!);
    const poses = boxes.map((b) => globalPose(b, worldFromEgo.get(b.frameIndex) ?? identity()));
    const times = boxes.map((b) => frameByIndex.get(b.frameIndex)!.timestampUs);
    instances.push({
      token: instanceToken.get(track.id),
      category_name: nuscenesCategoryOf(track.classId),
      nbr_annotations: boxes.length,
      first_annotation_token: tokens[0] ?? '',
      last_annotation_token: tokens.at(-1) ?? '',
      track_id: track.id,
      class_id: track.classId,
      attributes: track.attributes,
      ...(track.externalId !== undefined ? { external_id: track.externalId } : {}),
      ...(track.name !== undefined ? { name: track.name } : {}),
    });
    boxes.forEach((box, i) => {
      const visibility = visibilityTokenOf(box.attributes['visibility']);
      const [a, b] = [Math.max(0, i - 1), Math.min(boxes.length - 1, i + 1)];
      const dt = (times[b]! - times[a]!) / 1e6;
      const velocity = dt > 0 ? [0, 1].map((k) => (poses[b]!.translation[k]! - poses[a]!.translation[k]!) / dt) : null;
      annotations.push({
        token: tokens[i],
        sample_token: sampleToken(box.frameIndex),
        instance_token: instanceToken.get(track.id),
        category_name: nuscenesCategoryOf(track.classId),
        attribute_names: nuscenesAttributeNames(box.attributes, track.attributes),
        ...(visibility ? { visibility_token: visibility } : {}),
        translation: poses[i]!.translation,
        size: [box.size[1], box.size[0], box.size[2]],
        rotation: poses[i]!.rotation,
        velocity,
        prev: tokens[i - 1] ?? '',
        next: tokens[i + 1] ?? '',
        attributes: box.attributes,
        keyframe: box.keyframe,
        source: box.source,
      });
    });
  }
  const file = {
    format: NUSCENES_STYLE_FORMAT,
    version: 1,
    lineage,
    scene: { token: tokenOf('scene', scene.id), name: scene.name, scene_id: scene.id, ontology_id: scene.ontologyId, nbr_samples: samples.length }, // prettier-ignore
    sample: samples,
    ego_pose: egoPoses,
    instance: instances,
    sample_annotation: annotations,
  };
  return { files: [{ path: fileName, text: `${JSON.stringify(file)}\n` }], problems };
}
