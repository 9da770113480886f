import { identity } from '../../core/math/mat4';
import type { CameraSensor, Frame, LidarSensor, Scene, SensorSample } from '../../core/model/scene';
import { invertAffine } from '../calibration/invert-affine';
import { fnv1a64 } from '../scene/listing-hash';
import type { ProblemCode, ProblemValues } from '../problems/file-problem';
import { NOMINAL_FRAME_PERIOD_US } from '../scene/nominal-frame-period';
import { readCameraModel } from './openlabel-camera-read';
import type { CoordinateGraph } from './openlabel-cs-graph';
import { EGO_CS, type OpenLabel, type OlInterval } from './openlabel-types';

/** Notes a problem of the file being read: its code, where in the file (a JSON path), and what is wrong. */
export type OnProblem = (code: ProblemCode, place: string, message: string, values?: ProblemValues) => void;

/**
 * The ego frame among a file's coordinate systems: `vehicle-iso8855`, else one named ego / ego_vehicle / vehicle /
 * base / base_link, else the only `local_cs`, else the root above the first LiDAR stream's system (a file whose
 * sensors hang below a vehicle frame of another name; not a scene, geo or world root). Undefined when none:
 * cuboids are then taken as given in the ego frame.
 */
export function findEgoSystem(ol: OpenLabel): string | undefined {
  const systems = ol.coordinate_systems ?? {};
  const names = Object.keys(systems);
  const local = names.filter((n) => /local/i.test(systems[n]!.type ?? ''));
  const named =
    names.find((n) => n === EGO_CS) ??
    names.find((n) => /^(ego|ego[-_]vehicle|vehicle|base|base_link)$/i.test(n)) ??
    (local.length === 1 ? local[0] : undefined);
  if (named !== undefined) return named;
  const lidar = Object.keys(ol.streams ?? {}).find((id) => ol.streams![id]!.type === 'lidar' && systems[id]);
  let root = lidar;
  for (let seen = 0; root !== undefined && systems[root]?.parent && seen < names.length; seen++) root = systems[root]!.parent; // prettier-ignore
  return root !== undefined && systems[root] && !/scene|geo|world|map|odom/i.test(`${systems[root]!.type} ${root}`) ? root : undefined; // prettier-ignore
}

/** The frame count: one past the highest frame any part of the file names (at least one). */
export function countFrames(ol: OpenLabel): number {
  const ends: number[] = Object.keys(ol.frames ?? {}).map(Number);
  const add = (list: OlInterval[] | undefined) => list?.forEach((i) => ends.push(i.frame_end));
  add(ol.frame_intervals);
  for (const group of [ol.objects, ol.actions, ol.events]) Object.values(group ?? {}).forEach((e) => add(e.frame_intervals)); // prettier-ignore
  return Math.max(0, ...ends.filter((n) => Number.isInteger(n) && n >= 0)) + 1;
}

/**
 * A time given in `properties` (a frame's `frame_properties`, a stream's `stream_properties` or its `sync`), µs:
 * `timestamp_us`, else `timestamp` in seconds, as a number or as a decimal string (read digit by digit, so that
 * "1631441453.299504000" gives its µs exactly), else a date string. Undefined when none is given or reads.
 */
export function readOlTime(properties: Record<string, unknown> | undefined): number | undefined {
  const us = properties?.['timestamp_us'];
  if (typeof us === 'number' && Number.isFinite(us)) return Math.round(us);
  const t = properties?.['timestamp'];
  if (typeof t === 'number' && Number.isFinite(t)) return Math.round(t * 1e6);
  if (typeof t !== 'string') return undefined;
  const seconds = /^\s*(-?)(\d+)(?:\.(\d*))?\s*$/.exec(t);
  if (seconds) {
    const [, sign, whole, fraction = ''] = seconds;
    const us = Number(whole) * 1e6 + Math.round(Number(`0.${fraction}0`) * 1e6);
    return sign ? -us : us;
  }
  // "2020-04-11 12:00:07" has no zone: read it as UTC, as the sample times of every other layout are.
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t.replace(' ', 'T')}Z`);
  return Number.isFinite(ms) ? ms * 1000 : undefined;
}

/** A sample's time: its `stream_properties` (`timestamp_us`, `timestamp`), else their `sync.timestamp`. */
export function readOlSampleTime(properties: Record<string, unknown> | undefined): number | undefined {
  return readOlTime(properties) ?? readOlTime(properties?.['sync'] as Record<string, unknown> | undefined);
}

/**
 * The scene an OpenLABEL file describes: LiDAR and camera streams with their poses from the coordinate graph
 * (`egoFromLidar`, `cameraFromEgo`; cameras need intrinsics Frustum can use and a link to the ego, else they are
 * left out with a problem), one frame per frame number with its time, its sensors' files and, where the ego
 * hangs below a world system, `worldFromEgo`. Ids and the ontology come from `metadata.frustum` where Frustum
 * wrote the file.
 */
export function readOlScene(
  ol: OpenLabel,
  text: string,
  fileName: string,
  graph: CoordinateGraph,
  ego: string | undefined,
  onProblem: OnProblem,
): Scene {
  const lidars: LidarSensor[] = [];
  const cameras: CameraSensor[] = [];
  for (const [id, stream] of Object.entries(ol.streams ?? {})) {
    const where = `/openlabel/streams/${id}`;
    const egoFromSensor = ego === undefined ? undefined : graph.transform(ego, id);
    if (stream.type === 'lidar') {
      if (!egoFromSensor) onProblem('openlabel.stream.no-pose', where, 'no pose relative to the ego frame: taken as the ego frame', { stream: id }); // prettier-ignore
      lidars.push({ id, name: stream.description ?? id, egoFromLidar: egoFromSensor ?? identity() });
    } else if (stream.type === 'camera') {
      const model = readCameraModel(stream.stream_properties);
      if ('problem' in model)
        onProblem('openlabel.camera.unsupported', where, `${model.problem}: camera left out`, { camera: id });
      else if (!egoFromSensor)
        onProblem('openlabel.stream.no-pose', where, 'no pose relative to the ego frame: camera left out', {
          stream: id,
        });
      else cameras.push({ id, name: stream.description ?? id, cameraFromEgo: invertAffine(egoFromSensor), ...model });
    }
  }
  const sensors = new Set([...lidars, ...cameras].map((s) => s.id));
  const isLidar = new Set(lidars.map((l) => l.id));
  const world = ego === undefined ? undefined : findWorld(ol, graph, ego);
  const frames: Frame[] = [];
  for (let index = 0; index < countFrames(ol); index++) {
    const properties = ol.frames?.[String(index)]?.frame_properties;
    const timestampUs = readOlTime(properties) ?? index * NOMINAL_FRAME_PERIOD_US;
    const samples: SensorSample[] = Object.entries(properties?.streams ?? {}).flatMap(([sensorId, s]) => {
      if (!sensors.has(sensorId) || typeof s.uri !== 'string') return [];
      return [{ sensorId, timestampUs: readOlSampleTime(s.stream_properties) ?? timestampUs, uri: s.uri }];
    });
    const worldFromEgo = world === undefined ? undefined : graph.transform(world, ego!, String(index));
    frames.push({
      index,
      timestampUs,
      ...(worldFromEgo ? { worldFromEgo } : {}),
      lidar: samples.filter((s) => isLidar.has(s.sensorId)),
      cameras: samples.filter((s) => !isLidar.has(s.sensorId)),
    });
  }
  const frustum = (ol.metadata['frustum'] ?? {}) as { sceneId?: unknown; ontologyId?: unknown };
  return {
    id: typeof frustum.sceneId === 'string' ? frustum.sceneId : `openlabel-${fnv1a64(fileName)}`,
    name: ol.metadata.name ?? fileName.replace(/^.*\//, '').replace(/\.json$/i, ''),
    source: { kind: 'files', root: fileName },
    lidars,
    cameras,
    frames,
    ontologyId: typeof frustum.ontologyId === 'string' ? frustum.ontologyId : 'general-driving',
    provenance: { contentHash: fnv1a64(text) },
  };
}

/** The world system: the root above the ego, else the other end of a frame transform from the ego. */
function findWorld(ol: OpenLabel, graph: CoordinateGraph, ego: string): string | undefined {
  let root: string | undefined;
  for (let cs = graph.parents.get(ego); cs !== undefined; cs = graph.parents.get(cs)) root = cs;
  if (root !== undefined) return root;
  for (const key of Object.keys(ol.frames ?? {})) {
    for (const { a, b } of graph.linkedOn(key)) {
      const other = a === ego ? b : b === ego ? a : undefined;
      if (other !== undefined && graph.parents.get(other) !== ego) return other;
    }
  }
  return undefined;
}
