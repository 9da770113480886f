import type { Scene } from '../../core/model/scene';
import { mapClass } from '../labels/map-class';
import { readOpenLabel } from '../labels/openlabel-reader';
import type { OpenLabel } from '../labels/openlabel-types';
import { CodedError } from '../problems/coded-error';
import { noLayoutError } from './detect-layout';
import type { ImportContext } from './import-context';
import { fitOpenlabelCameras } from './openlabel-scene-cameras';
import { frameRanges, readOpenlabelFrames, type OnOpenlabelProblem } from './openlabel-scene-frames';
import { OpenlabelUris } from './openlabel-uri';
import type { SceneBase } from './scene-base';

/** Stream types Frustum shows; any other (radar, gps_imu, other) is reported and left out. */
const SHOWN_STREAMS = new Set(['lidar', 'camera']);

/**
 * An OpenLABEL 1.0 file at the top of the folder whose streams name their files: the scene is read by
 * `readOpenLabel` (sensors and their poses from the coordinate systems, relative to the ego system
 * `findEgoSystem` finds; odometry from the frames' transforms; objects and their cuboids carried into each
 * frame's ego frame), the cameras set up as `fitOpenlabelCameras` says, and the frames and their files as
 * `readOpenlabelFrames` says. Among several top-level JSON files, those with an `openlabel` root holding
 * `metadata.schema_version` count: the first by name is imported and the others named in a problem; with none,
 * the folder has no layout. A file that names no LiDAR file of the folder (labels alone, as the KITTI tracking
 * conversions are) cannot make a scene: a `CodedError` says so. Classes map into the ontology as the KITTI,
 * nuScenes or SUSTechPOINTS names they are (or as its own ids); others keep their names. Each object's uid is
 * its track's `externalId` (Frustum's own files: the dataset id it wrote), its name the track's name where
 * `readOpenLabel` keeps it.
 */
export async function importOpenlabelScene(ctx: ImportContext, base: SceneBase): Promise<Scene> {
  const { path, text, ol } = await findOpenlabelFile(ctx);
  const read = readOpenLabel(text, path);
  for (const p of read.problems) ctx.problem(p.path, p.code, p.message, p.place, p.values);
  const report: OnOpenlabelProblem = (code, message, place, values) => ctx.problem(path, code, message, place, values);
  for (const [id, stream] of Object.entries(ol.streams ?? {})) {
    const type = typeof stream?.type === 'string' ? stream.type : 'untyped';
    if (!SHOWN_STREAMS.has(type)) report('openlabel.stream.unsupported', `a ${type} stream Frustum does not show: left out`, `/openlabel/streams/${id}`, { stream: id, type }); // prettier-ignore
  }
  const olScene = read.set.scene;
  const onBodyAxes = (camera: string) => report('openlabel.camera.body-axes', 'its coordinate system has the vehicle’s axes (x forward, z up), not OpenCV’s: read so', `/openlabel/coordinate_systems/${camera}`, { camera }); // prettier-ignore
  const cameras = fitOpenlabelCameras(ol, olScene.cameras, onBodyAxes);
  const { frames, numbers, named } = readOpenlabelFrames(ol, olScene, new OpenlabelUris(ctx.paths, ctx.root), report);
  if (frames.length === 0) {
    const lidars = olScene.lidars.length;
    const why = lidars === 0 ? 'has no LiDAR stream' : named === 0 ? 'names no sensor files (no stream or frame gives a uri)' : `names no LiDAR file of the folder (${named} uris, none of a LiDAR found)`; // prettier-ignore
    throw new CodedError('openlabel.scene.no-sweeps', `${path} ${why}: a scene needs a LiDAR sweep per frame; it can still be opened as labels in a scene`, { file: path, uris: named }); // prettier-ignore
  }
  const indexOf = new Map(numbers.map((n, i) => [n, i]));
  const labels = base.labels('manifest');
  const readTracks = new Map(read.set.tracks.map((t) => [t.id, t]));
  const left: number[] = [];
  for (const box of read.set.cuboids) {
    const frameIndex = indexOf.get(box.frameIndex);
    if (frameIndex === undefined) {
      left.push(box.frameIndex);
      continue;
    }
    const { trackId, position, size, yaw, pitch, roll, attributes } = box;
    const className = ontologyClass(readTracks.get(trackId)!.classId);
    labels.add({ objectKey: trackId, className, frameIndex, position, size, yaw, pitch, roll, attributes }, path);
  }
  if (left.length > 0) {
    const list = frameRanges([...new Set(left)].sort((a, b) => a - b));
    report('openlabel.label.no-sweep', `${left.length} boxes of frames without a LiDAR file were left out (frames ${list})`, undefined, { boxes: left.length, frames: list }); // prettier-ignore
  }
  // The collector keyed the tracks by the reader's track ids: each takes the identity the reader found instead
  // (another tool's object uid and unique name; Frustum's own dataset id and name) and its static attributes.
  for (const track of labels.tracks) {
    const { externalId, name, attributes } = readTracks.get(track.externalId!)!;
    Object.assign(track, { attributes }, name !== undefined && { name });
    if (externalId !== undefined) track.externalId = externalId;
    else delete track.externalId;
  }
  return base.scene({ name: olScene.name, lidars: olScene.lidars, cameras, frames });
}

/** The ontology id of an OpenLABEL `type`: its own where it is one, else as a KITTI, nuScenes or SUSTechPOINTS class. */
function ontologyClass(type: string): string {
  for (const dialect of ['manifest', 'kitti', 'nuscenes', 'sustech'] as const) {
    const mapped = mapClass(dialect, type);
    if (mapped.known) return mapped.classId;
  }
  return type;
}

/**
 * The folder's OpenLABEL file: the first by name among the top-level JSON files whose root has an `openlabel`
 * object with `metadata.schema_version` (any other JSON is not one, and is left alone). The others are named in
 * a problem. None: the folder has no layout (`noLayoutError`), unless a file that mentions `"openlabel"` does not
 * parse, whose error is thrown instead (the user meant it).
 */
async function findOpenlabelFile(ctx: ImportContext): Promise<{ path: string; text: string; ol: OpenLabel }> {
  const candidates = ctx.under(/^[^/]+\.json$/);
  ctx.plan(candidates.length);
  const found: { path: string; text: string; ol: OpenLabel }[] = [];
  let broken: unknown;
  for (const path of candidates) {
    const text = await ctx.readText(path);
    if (text === undefined) continue;
    try {
      const ol = (JSON.parse(text) as { openlabel?: OpenLabel } | null)?.openlabel;
      const version = (ol?.metadata as { schema_version?: unknown } | undefined)?.schema_version;
      if (ol && typeof ol === 'object' && typeof version === 'string') found.push({ path, text, ol });
    } catch (error) {
      if (/"openlabel"\s*:/.test(text)) broken ??= readOpenLabelError(text, path) ?? error;
    }
  }
  const [first, ...others] = found;
  if (!first) throw broken ?? noLayoutError(ctx.files.name);
  if (others.length > 0) {
    const files = others.map((o) => o.path).join(', ');
    ctx.problem(first.path, 'openlabel.scene.several', `the folder holds other OpenLABEL files (${files}): only this one was imported`, undefined, { files }); // prettier-ignore
  }
  return first;
}

/** The error `readOpenLabel` throws for a file that does not parse: it names the file and the fault. */
function readOpenLabelError(text: string, path: string): unknown {
  try {
    readOpenLabel(text, path);
    return undefined;
  } catch (error) {
    return error;
  }
}
