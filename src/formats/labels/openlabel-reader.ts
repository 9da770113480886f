import type { AttributeValue, Cuboid, CuboidSource, TimeSegment, Track } from '../../core/model/labels';
import { JsonFileError } from '../json/json-file-error';
import { parseJsonFile } from '../json/validate-json';
import type { FileProblem } from '../problems/file-problem';
import { inferRigid } from './infer-rigid';
import type { LabelSetRead } from './label-export';
import { cuboidSourceOf } from './label-values';
import { readOlAttributes } from './openlabel-attributes';
import { CoordinateGraph } from './openlabel-cs-graph';
import { readOlBox } from './openlabel-box-read';
import { findEgoSystem, readOlScene, type OnProblem } from './openlabel-scene-read';
import { readOlTrackIdentities } from './openlabel-track-identity';
import type { OlAttributes, OlCuboid, OlElement, OpenLabel } from './openlabel-types';
import { findOpenLabelFaults } from './openlabel-validate';
import { pruneOpenLabelFaults } from './prune-openlabel-faults';

/**
 * Reads an ASAM OpenLABEL 1.0 file: objects become tracks (class = `type`, static attributes from the object's
 * text / num / boolean data), their cuboids boxes on each frame (a cuboid in the object's own data holds on
 * every frame of the object), dynamic data the boxes' attributes, actions and events time segments (tied to a
 * track by a relation naming both). Cuboids are carried from their coordinate system into the ego frame of
 * their frame; 9-value Euler, 10-value quaternion and the spelt-out forms (`traslation`, `val: null`) are read.
 * Cuboids with a size ≤ 0 (KITTI's DontCare rows become such) and geometry Frustum has no type for (2D boxes,
 * polygons) are reported and left out. Ids: the element's `name` where names are unique, else its key; a track's
 * dataset id and name as `readOlTrackIdentities` finds them (the uid and name of another tool's objects).
 * Each violation of Frustum's OpenLABEL schema (`openlabel.schema.json`) is a problem (`openlabel.schema`, at
 * its JSON path), and reading goes on with what can be read. Throws a `JsonFileError` naming the file when it
 * is not JSON or has no `openlabel` object.
 */
export function readOpenLabel(text: string, fileName: string): LabelSetRead {
  const json = parseJsonFile(text, fileName);
  const ol = (json as { openlabel?: OpenLabel } | null)?.openlabel;
  if (!ol || typeof ol !== 'object' || !ol.metadata) throw new JsonFileError(fileName, ['/openlabel/metadata is missing']); // prettier-ignore
  const problems: FileProblem[] = [];
  const reported = new Set<string>();
  const onProblem: OnProblem = (code, place, message, values) => problems.push({ path: fileName, code, message, place, ...(values && { values }) }); // prettier-ignore
  // Files from other tools break the schema in small ways: each fault is named, then what can be read is read.
  const faults = findOpenLabelFaults(json);
  for (const fault of faults) onProblem('openlabel.schema', fault.place, fault.message);
  pruneOpenLabelFaults(json, faults);
  const once = (kind: string) => {
    if (reported.has(kind)) return;
    reported.add(kind);
    // `vec`, `mat` and `binary` are plain data; every other kind OpenLABEL has is a geometry (bbox, poly2d, …).
    const code = NON_GEOMETRY.has(kind) ? 'openlabel.unsupported-data' : 'openlabel.unsupported-geometry';
    onProblem(code, '/openlabel', `${kind} data has no Frustum type: not imported`, { kind });
  };
  const graph = new CoordinateGraph(ol, onProblem);
  const ego = findEgoSystem(ol);
  const scene = readOlScene(ol, text, fileName, graph, ego, onProblem);
  const objects = Object.entries(ol.objects ?? {});
  const identities = readOlTrackIdentities(ol, objects, `${scene.id}-t-`);
  const trackIds = identities.map((t) => t.id);
  const tracks: Track[] = [];
  const cuboids: Cuboid[] = [];
  objects.forEach(([key, object], i) => {
    const { id: trackId, ...identity } = identities[i]!;
    const data = object.object_data;
    tracks.push({ type: 'track', id: trackId, sceneId: scene.id, classId: String(object.type), attributes: readOlAttributes(data, once), rigid: true, ...identity }); // prettier-ignore
    const frames = new Map<number, { cuboid: OlCuboid | undefined; attributes: Record<string, AttributeValue>; where: string }>(); // prettier-ignore
    const whole = [{ frame_start: 0, frame_end: scene.frames.length - 1 }];
    for (const { frame_start, frame_end } of data?.cuboid?.[0] ? (object.frame_intervals ?? whole) : []) {
      for (let f = frame_start; f <= frame_end; f++) frames.set(f, { cuboid: data!.cuboid![0], attributes: {}, where: `/openlabel/objects/${key}/object_data/cuboid/0` }); // prettier-ignore
    }
    for (const [frameKey, frame] of Object.entries(ol.frames ?? {})) {
      const own = frame.objects?.[key]?.object_data;
      if (!own) continue;
      const where = `/openlabel/frames/${frameKey}/objects/${key}/object_data`;
      if ((own.cuboid?.length ?? 0) > 1) onProblem('openlabel.cuboid.extra', `${where}/cuboid`, 'more than one cuboid: the first is kept'); // prettier-ignore
      const base = frames.get(Number(frameKey));
      frames.set(Number(frameKey), {
        cuboid: own.cuboid?.[0] ?? base?.cuboid,
        attributes: readOlAttributes(own, once),
        where: own.cuboid?.[0] ? `${where}/cuboid/0` : (base?.where ?? where),
      });
    }
    for (const [frameIndex, { cuboid, attributes, where }] of [...frames].sort((a, b) => a[0] - b[0])) {
      if (!cuboid || !scene.frames[frameIndex]) continue;
      const cs = cuboid.coordinate_system ?? object.coordinate_system;
      const pose = readOlBox(cuboid, cs, ego, graph, String(frameIndex), (code, m, v) => onProblem(code, where, m, v));
      if (!pose) continue;
      const { keyframe, source } = boxOrigin(cuboid.attributes);
      cuboids.push({ type: 'cuboid', id: `${trackId}@${frameIndex}`, sceneId: scene.id, trackId, frameIndex, ...pose, attributes, keyframe, source }); // prettier-ignore
    }
  });
  const segments = readSegments(ol, scene.id, scene.frames.length, new Map(objects.map(([key], i) => [key, trackIds[i]!])), once); // prettier-ignore
  return { set: { scene, tracks: inferRigid(tracks, cuboids), cuboids, segments }, problems };
}

/** Object data kinds that are no geometry: reported as data Frustum has no type for. */
const NON_GEOMETRY = new Set(['vec', 'mat', 'binary']);

/** Element ids: their names where every element has a distinct non-empty one, else `<prefix><key>`. */
function idsOf(elements: [string, OlElement][], prefix: string): string[] {
  const names = elements.map(([, e]) => e.name);
  const unique = names.every((n) => typeof n === 'string' && n !== '') && new Set(names).size === names.length;
  return elements.map(([key, e]) => (unique ? e.name : `${prefix}${key}`));
}

/** A cuboid's `interpolated`, `source`, `model`, `model_version`, `confidence` and `confirmed` as Frustum's keyframe and source. */
function boxOrigin(attributes: OlAttributes | undefined): { keyframe: boolean; source: CuboidSource } {
  const a = readOlAttributes(attributes);
  const keyframe = a['interpolated'] !== true;
  const prelabel = {
    model: a['model'],
    version: a['model_version'],
    score: a['confidence'],
    confirmed: a['confirmed'],
  };
  return { keyframe, source: cuboidSourceOf(a['source'], prelabel, keyframe) };
}

/** Actions and events as time segments, one per frame interval, on the track a relation names as subject. */
function readSegments(
  ol: OpenLabel,
  sceneId: string,
  frameCount: number,
  trackOfKey: Map<string, string>,
  once: (kind: string) => void,
): TimeSegment[] {
  const subjectOf = new Map<string, string>();
  for (const r of Object.values(ol.relations ?? {})) {
    const subject = r.rdf_subjects?.find((s) => s.type === 'object');
    for (const o of r.rdf_objects ?? []) if (subject) subjectOf.set(`${o.type}:${o.uid}`, subject.uid);
  }
  const elements = [
    ...Object.entries(ol.actions ?? {}).map(([k, a]) => ['action', k, a, a.action_data] as const),
    ...Object.entries(ol.events ?? {}).map(([k, e]) => ['event', k, e, e.event_data] as const),
  ];
  const ids = idsOf(
    elements.map(([kind, key, e]) => [`${kind}-${key}`, e]),
    `${sceneId}-s-`,
  );
  return elements.flatMap(([kind, key, element, data], i) => {
    const intervals = element.frame_intervals?.length ? element.frame_intervals : [{ frame_start: 0, frame_end: frameCount - 1 }]; // prettier-ignore
    const trackId = trackOfKey.get(subjectOf.get(`${kind}:${key}`) ?? '');
    return intervals.map((interval, n) => ({
      type: 'segment' as const,
      id: intervals.length > 1 ? `${ids[i]}#${n}` : ids[i]!,
      sceneId,
      ...(trackId !== undefined ? { trackId } : {}),
      kind: String(element.type),
      startFrame: interval.frame_start,
      endFrame: interval.frame_end,
      attributes: readOlAttributes(data, once),
    }));
  });
}
