import type { Cuboid, Track } from '../../core/model/labels';
import type { Frame } from '../../core/model/scene';
import { identity } from '../../core/math/mat4';
import { rotationFromQuaternion } from '../../core/math/quaternion';
import { invertAffine } from '../calibration/invert-affine';
import { fromRotationTranslation } from '../calibration/to-mat4';
import { JsonFileError } from '../json/json-file-error';
import { parseJsonFile } from '../json/validate-json';
import { fnv1a64 } from '../scene/listing-hash';
import type { FileProblem, ProblemCode, ProblemValues } from '../problems/file-problem';
import { inferRigid } from './infer-rigid';
import type { LabelSetRead } from './label-export';
import { cuboidSourceOf, isAttributeRecord as isAttributes, isNumbers as vec } from './label-values';
import { mapClass } from './map-class';
import { visibilityOfToken } from './nuscenes-style';
import { boxInEgo } from './rotation-zyx';

type Row = Record<string, unknown>;

/**
 * Reads nuScenes-style JSON (as `writeNuscenesStyle` writes it, or any file with nuScenes' `sample`,
 * `sample_annotation` and optionally `instance` and `ego_pose` tables inline). Frames are the samples in time
 * order with their ego poses; boxes come from the global frame into each frame's ego frame, size from [w, l, h].
 * Tracks are instances: Frustum's `track_id`, `class_id`, `attributes`, `external_id` and `name` where present,
 * else the token (kept as the track's dataset id too) and the category mapped into general-driving, with `attribute_names` and `visibility_token` as the nuScenes
 * ontology's `status` and `visibility`. A malformed annotation is reported with its JSON path and left out.
 */
export function readNuscenesStyle(text: string, fileName: string): LabelSetRead {
  const json = parseJsonFile(text, fileName) as Row;
  const table = (name: string): Row[] => (Array.isArray(json?.[name]) ? (json[name] as Row[]) : []);
  if (!Array.isArray(json?.['sample_annotation']) || !Array.isArray(json['sample'])) {
    throw new JsonFileError(fileName, ['/ needs "sample" and "sample_annotation" arrays (nuScenes-style JSON)']);
  }
  const problems: FileProblem[] = [];
  const problem = (code: ProblemCode, place: string, message: string, values?: ProblemValues) => problems.push({ path: fileName, code, message, place, ...(values && { values }) }); // prettier-ignore
  const sceneInfo = (json['scene'] ?? {}) as Row;
  const sceneId = typeof sceneInfo['scene_id'] === 'string' ? sceneInfo['scene_id'] : `nuscenes-${fnv1a64(fileName)}`;
  const poses = new Map(table('ego_pose').map((p) => [p['token'], p]));
  const samples = [...table('sample')].sort((a, b) => Number(a['frame_index'] ?? a['timestamp']) - Number(b['frame_index'] ?? b['timestamp'])); // prettier-ignore
  const frameOf = new Map<unknown, Frame>();
  const frames: Frame[] = samples.map((s, index) => {
    const pose = poses.get(s['ego_pose_token']);
    const posed = pose && vec(pose['translation'], 3) && vec(pose['rotation'], 4);
    const worldFromEgo = posed ? fromRotationTranslation(rotationFromQuaternion(pose['rotation'] as number[]), pose['translation'] as number[]) : undefined; // prettier-ignore
    // The sample token stays the frame's dataset id, so that writing the labels again keeps it.
    const externalId = typeof s['token'] === 'string' ? { externalId: s['token'] } : {};
    const frame = { index, timestampUs: Number(s['timestamp']) || 0, ...(worldFromEgo ? { worldFromEgo } : {}), ...externalId, lidar: [], cameras: [] }; // prettier-ignore
    frameOf.set(s['token'], frame);
    return frame;
  });
  const tracks = new Map<unknown, Track>();
  const trackFor = (token: unknown, category: unknown, info: Row | undefined): Track => {
    let track = tracks.get(token);
    if (track) return track;
    const classId = typeof info?.['class_id'] === 'string' ? info['class_id'] : mapClass('nuscenes', String(category)).classId; // prettier-ignore
    const own = typeof info?.['track_id'] === 'string';
    const id = own ? (info!['track_id'] as string) : String(token);
    // Frustum's own file says the dataset id and name; another tool's instance token is the dataset id itself.
    const text = (key: string) => (typeof info?.[key] === 'string' ? (info[key] as string) : undefined);
    const externalId = own ? text('external_id') : String(token);
    const name = own ? text('name') : undefined;
    track = { type: 'track', id, sceneId, classId, attributes: isAttributes(info?.['attributes']) ? info['attributes'] : {}, rigid: true, ...(externalId !== undefined ? { externalId } : {}), ...(name !== undefined ? { name } : {}) }; // prettier-ignore
    tracks.set(token, track);
    return track;
  };
  const instances = new Map(table('instance').map((i) => [i['token'], i]));
  for (const [token, info] of instances) trackFor(token, info['category_name'], info);
  const cuboids: Cuboid[] = [];
  table('sample_annotation').forEach((a, i) => {
    const where = `/sample_annotation/${i}`;
    const frame = frameOf.get(a['sample_token']);
    if (!frame) return problem('nuscenes.annotation.no-sample', where, 'names no sample of the file: left out');
    if (!vec(a['translation'], 3) || !vec(a['size'], 3) || !vec(a['rotation'], 4)) return problem('nuscenes.annotation.malformed', where, 'needs translation (3), size (3) and rotation (4 numbers): left out'); // prettier-ignore
    const [w, l, h] = a['size'] as number[];
    if (!(w! > 0 && l! > 0 && h! > 0)) return problem('nuscenes.annotation.nonpositive-size', where, `size ${w} × ${l} × ${h} is not above zero: left out`, { width: w!, length: l!, height: h! }); // prettier-ignore
    const track = trackFor(a['instance_token'], a['category_name'], instances.get(a['instance_token']));
    const egoFromWorld = frame.worldFromEgo ? invertAffine(frame.worldFromEgo) : identity();
    const pose = boxInEgo(egoFromWorld, a['translation'] as [number, number, number], rotationFromQuaternion(a['rotation'] as number[]), [l!, w!, h!]); // prettier-ignore
    const names = Array.isArray(a['attribute_names']) ? (a['attribute_names'] as unknown[]) : [];
    const visibility = visibilityOfToken(a['visibility_token']);
    const derived = { ...(typeof names[0] === 'string' ? { status: names[0] } : {}), ...(visibility ? { visibility } : {}) }; // prettier-ignore
    const keyframe = a['keyframe'] !== false;
    const source = (a['source'] ?? {}) as Row;
    cuboids.push({
      type: 'cuboid',
      id: `${track.id}@${frame.index}`,
      sceneId,
      trackId: track.id,
      frameIndex: frame.index,
      ...pose,
      attributes: isAttributes(a['attributes']) ? a['attributes'] : derived,
      keyframe,
      source: cuboidSourceOf(source['kind'], { ...source, ...engineOf(source['from']) }, keyframe),
      ...(typeof a['token'] === 'string' ? { externalId: a['token'] } : {}),
    });
  });
  const scene = {
    id: sceneId,
    name: typeof sceneInfo['name'] === 'string' ? sceneInfo['name'] : fileName.replace(/^.*\//, ''),
    source: { kind: 'files' as const, root: fileName },
    lidars: [],
    cameras: [],
    frames,
    ontologyId: typeof sceneInfo['ontology_id'] === 'string' ? sceneInfo['ontology_id'] : 'general-driving',
    provenance: { contentHash: fnv1a64(text) },
  };
  return { set: { scene, tracks: inferRigid([...tracks.values()], cuboids), cuboids, segments: [] }, problems };
}

/** A manual box's `from` (the engine it was edited from), where the file has one. */
function engineOf(from: unknown): Row {
  return typeof from === 'object' && from !== null && !Array.isArray(from) ? (from as Row) : {};
}
