import type { ExportLineage } from '../../core/model/export-lineage';
import type { Cuboid, TimeSegment } from '../../core/model/labels';
import type { LabelSet } from '../../core/model/label-set';
import type { FileProblem } from '../problems/file-problem';
import type { LabelExport } from './label-export';
import { isUuid } from './label-values';
import { olAttributes } from './openlabel-attributes';
import { cuboidVal } from './openlabel-pose';
import { olFrameProperties, olSceneParts } from './openlabel-scene-write';
import { olObjectName, olTrackIdentities, olTrackKeys } from './openlabel-track-identity';
import {
  EGO_CS,
  type OlAttributes,
  type OlData,
  type OlFrame,
  type OlInterval,
  type OlValue,
  type OpenLabel,
} from './openlabel-types';

/** OpenLABEL keys elements by integer or UUID: a UUID id is kept as the key, any other gets its index. */
function olKey(id: string, index: number): string {
  return isUuid(id) ? id : String(index);
}

export interface OpenLabelWriteOptions {
  /** The file's name in the export (default `openlabel.json`). */
  fileName?: string;
  /** Indent the JSON by two spaces (default: compact). */
  pretty?: boolean;
}

/**
 * Writes a label set as ASAM OpenLABEL 1.0 JSON. Each track is an object (uid = the dataset's id where it is
 * one OpenLABEL allows, name = the track's name, else the dataset's id, else the track id; type = class id;
 * static attributes as object data, frame intervals where it has boxes); each box a `box3d` cuboid in
 * `vehicle-iso8855` (the ego frame) with a 10-number `val` (centre, quaternion x y z w, size l w h), its
 * dynamic attributes beside it, and `interpolated`, `source`, `model`, `model_version`, `confidence` as the
 * cuboid's own attributes. Sensors, ego poses and times: see `olSceneParts` and `olFrameProperties`. A time
 * segment is an action (an event where it spans one frame) with its attributes, tied to its track by an
 * `isSubjectOfAction` / `isSubjectOfEvent` relation. The lineage goes into `metadata.frustum`, with each
 * object's track id, dataset id and name (`tracks`, by uid) so that reading back gives them exactly.
 */
export function writeOpenLabel(
  set: LabelSet,
  lineage: ExportLineage,
  options: OpenLabelWriteOptions = {},
): LabelExport {
  const path = options.fileName ?? 'openlabel.json';
  const problems: FileProblem[] = [];
  const dropped = (what: string) => (name: string) => problems.push({ path, code: 'openlabel.attribute.not-finite', message: `attribute ${name} is not a finite number; left out`, place: what, values: { attribute: name } }); // prettier-ignore
  const keyOf = olTrackKeys(set.tracks);
  const frames: Record<string, OlFrame> = {};
  for (const frame of set.scene.frames) frames[String(frame.index)] = { frame_properties: olFrameProperties(frame) };
  const framesOf = new Map<string, number[]>();
  for (const box of set.cuboids) {
    const key = keyOf.get(box.trackId);
    const frame = frames[String(box.frameIndex)];
    if (key === undefined || !frame) {
      const [code, message, values] = key === undefined ? ['openlabel.box.no-track', `track ${box.trackId} is not in the export; left out`, { track: box.trackId }] as const : ['openlabel.box.no-frame', `frame ${box.frameIndex} is not in the scene; left out`, { frame: box.frameIndex }] as const; // prettier-ignore
      problems.push({ path, code, message, place: `box ${box.id}`, values });
      continue;
    }
    frame.objects ??= {};
    if (frame.objects[key]) {
      problems.push({ path, code: 'openlabel.box.duplicate', message: `track ${box.trackId} has another box on frame ${box.frameIndex}; left out`, place: `box ${box.id}`, values: { track: box.trackId, frame: box.frameIndex } }); // prettier-ignore
      continue;
    }
    const data: OlData = { ...olAttributes(box.attributes, dropped(`box ${box.id}`)) };
    data.cuboid = [{ name: 'box3d', coordinate_system: EGO_CS, val: cuboidVal(box), attributes: boxAttributes(box) }]; // prettier-ignore
    frame.objects[key] = { object_data: data };
    if (!framesOf.has(box.trackId)) framesOf.set(box.trackId, []);
    framesOf.get(box.trackId)!.push(box.frameIndex);
  }
  const objects: NonNullable<OpenLabel['objects']> = {};
  for (const track of set.tracks) {
    const data = olAttributes(track.attributes, dropped(`track ${track.id}`));
    const intervals = intervalsOf(framesOf.get(track.id) ?? []);
    objects[keyOf.get(track.id)!] = {
      name: olObjectName(track),
      type: track.classId,
      ontology_uid: '0',
      ...(intervals.length > 0 ? { frame_intervals: intervals } : {}),
      ...(Object.keys(data).length > 0 ? { object_data: data } : {}),
    };
  }
  const ol: OpenLabel = {
    metadata: {
      schema_version: '1.0.0',
      name: set.scene.name,
      annotator: lineage.author,
      comment: `Exported by Frustum ${lineage.frustumVersion}`,
      ...(lineage.labelVersionId ? { file_version: lineage.labelVersionId } : {}),
      frustum: { lineage, sceneId: set.scene.id, ontologyId: set.scene.ontologyId, tracks: olTrackIdentities(set.tracks, keyOf) }, // prettier-ignore
    },
    ontologies: { '0': { uri: `urn:frustum:ontology:${lineage.ontology.id}:${lineage.ontology.version}` } },
    ...olSceneParts(set.scene),
    objects,
    ...segmentParts(set.segments, keyOf, dropped),
    frames,
    ...(set.scene.frames.length > 0 ? { frame_intervals: [{ frame_start: 0, frame_end: set.scene.frames.length - 1 }] } : {}), // prettier-ignore
  };
  const text = `${JSON.stringify({ openlabel: ol }, null, options.pretty ? 2 : undefined)}\n`;
  return { files: [{ path, text }], problems };
}

/** What Frustum knows of a box beyond its pose, as the cuboid's attributes. */
function boxAttributes(box: Cuboid): OlAttributes {
  const s = box.source;
  const text: OlValue<string>[] = [{ name: 'source', val: s.kind }];
  // The engine behind a pre-label, and behind a box a person edited from one.
  const engine = s.kind === 'prelabel' ? s : s.kind === 'manual' ? s.from : undefined;
  if (engine) text.push({ name: 'model', val: engine.model }, { name: 'model_version', val: engine.version });
  const num = s.kind === 'prelabel' && Number.isFinite(s.score) ? [{ name: 'confidence', val: s.score }] : [];
  const boolean = [{ name: 'interpolated', val: !box.keyframe }];
  if (s.kind === 'prelabel' && s.confirmed) boolean.push({ name: 'confirmed', val: true });
  return { text, ...(num.length > 0 ? { num } : {}), boolean };
}

/** Sorted frame indices as closed intervals: [1, 2, 3, 7] → 1–3, 7–7. */
export function intervalsOf(indices: readonly number[]): OlInterval[] {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const out: OlInterval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && last.frame_end === i - 1) last.frame_end = i;
    else out.push({ frame_start: i, frame_end: i });
  }
  return out;
}

/** Time segments as actions (events where they span one frame) and the relations that tie them to tracks. */
function segmentParts(
  segments: readonly TimeSegment[],
  keyOf: Map<string, string>,
  dropped: (what: string) => (name: string) => void,
): Pick<OpenLabel, 'actions' | 'events' | 'relations'> {
  const actions: NonNullable<OpenLabel['actions']> = {};
  const events: NonNullable<OpenLabel['events']> = {};
  const relations: NonNullable<OpenLabel['relations']> = {};
  segments.forEach((s, i) => {
    const key = olKey(s.id, i);
    const element = { name: s.id, type: s.kind, frame_intervals: [{ frame_start: s.startFrame, frame_end: s.endFrame }] }; // prettier-ignore
    const data = olAttributes(s.attributes, dropped(`segment ${s.id}`));
    const instant = s.startFrame === s.endFrame;
    if (instant) events[key] = { ...element, ...(Object.keys(data).length > 0 ? { event_data: data } : {}) };
    else actions[key] = { ...element, ...(Object.keys(data).length > 0 ? { action_data: data } : {}) };
    const track = s.trackId === undefined ? undefined : keyOf.get(s.trackId);
    if (track === undefined) return;
    relations[String(Object.keys(relations).length)] = {
      name: `${s.trackId} ${s.kind}`,
      type: instant ? 'isSubjectOfEvent' : 'isSubjectOfAction',
      rdf_subjects: [{ type: 'object', uid: track }],
      rdf_objects: [{ type: instant ? 'event' : 'action', uid: key }],
    };
  });
  return {
    ...(Object.keys(actions).length > 0 ? { actions } : {}),
    ...(Object.keys(events).length > 0 ? { events } : {}),
    ...(Object.keys(relations).length > 0 ? { relations } : {}),
  };
}
