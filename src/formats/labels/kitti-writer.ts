import { cuboidImageBounds, rectArea, type PixelRect } from '../../core/geometry/cuboid-image-bounds';
import type { ExportLineage } from '../../core/model/export-lineage';
import type { Cuboid, Track } from '../../core/model/labels';
import type { LabelSet } from '../../core/model/label-set';
import { KITTI_OCCLUDED, kittiFieldsOfBox } from './kitti-box';
import { kittiFrameName, kittiSequenceName, kittiTypeOf, kittiViewOf } from './kitti-frames';
import { coveredShares, occlusionLevel } from './kitti-occlusion';
import type { FileProblem } from '../problems/file-problem';
import type { LabelExport, LabelFile } from './label-export';
import { kittiSidecarTracks, kittiTrackNumbers } from './kitti-track-ids';

export interface KittiWriteOptions {
  /** `object`: `label_2/<frame>.txt`, one file a frame; `tracking`: `label_02/<sequence>.txt` with track ids. */
  mode: 'object' | 'tracking';
  /** The camera whose rectified frame the rows use (see `kittiViewOf`); default: each frame's first image's. */
  cameraId?: string;
  /** Digits after the point; KITTI's own files have 2. */
  decimals?: number;
}

/** Where the lineage and the track ids of a KITTI export are kept: KITTI's rows have no room for them. */
export const KITTI_SIDECAR = 'frustum-lineage.json';

/**
 * Writes KITTI label files: per box the bottom centre in the rectified camera frame, `h w l`, rotation_y and
 * alpha (`kittiFieldsOfBox`, the inverse of the import's conversion), the 2D box from the projected cuboid
 * clipped to the image, truncation (the share of that projection outside the image, or the box's `truncated`
 * attribute) and occlusion (the box's `occluded` attribute, else the share of its 2D box behind nearer ones).
 * Every frame gets a file (object) or its rows (tracking); boxes no camera sees get the 2D box −1 −1 −1 −1.
 * Pitch, roll, attributes other than these two, time segments and sensors are not written. A tracking
 * `track_id` is the dataset's own where it is an integer, else a number (`kittiTrackNumbers`); the lineage and,
 * per tracking id, the Frustum track id, dataset id and name go to `frustum-lineage.json` (`trackIds`, `tracks`).
 */
export function writeKitti(set: LabelSet, lineage: ExportLineage, options: KittiWriteOptions): LabelExport {
  const digits = options.decimals ?? 2;
  const trackOf = new Map(set.tracks.map((t) => [t.id, t]));
  const byFrame = new Map<number, Cuboid[]>();
  for (const c of set.cuboids) {
    if (!byFrame.has(c.frameIndex)) byFrame.set(c.frameIndex, []);
    byFrame.get(c.frameIndex)!.push(c);
  }
  const trackNumbers = kittiTrackNumbers(tracksInOrder(set, byFrame));
  const problems: FileProblem[] = [];
  let unseen = 0;
  const files: LabelFile[] = [];
  const trackingRows: string[] = [];
  for (const frame of set.scene.frames) {
    const view = kittiViewOf(set.scene, frame, options.cameraId);
    const boxes = byFrame.get(frame.index) ?? [];
    const bounds = boxes.map((box) => (view.camera ? cuboidImageBounds(view.camera, box) : undefined));
    const covered = coveredShares(bounds.map((b) => b?.clipped && { rect: b.clipped, depth: b.depth }));
    const rows = boxes.map((box, i) => {
      const b = bounds[i];
      if (!b?.clipped) unseen++;
      const truncation = truncationOf(box, b?.clipped, b?.full);
      const fields = kittiFieldsOfBox(box, view.rectFromEgo, view.egoFromRect);
      const rect: PixelRect = b?.clipped ?? [-1, -1, -1, -1];
      const numbers = [fields.alpha, ...rect, ...fields.hwl, ...fields.location, fields.rotationY];
      const type = kittiTypeOf(trackOf.get(box.trackId)?.classId ?? 'unknown');
      const occluded = occludedOf(box) ?? (b?.clipped ? occlusionLevel(covered[i]!) : 3);
      if (options.mode === 'object') {
        return [type, fixed(truncation, 2), occluded, ...numbers.map((v) => fixed(v, digits))].join(' ');
      }
      const level = truncation < 0.01 ? 0 : truncation < 0.5 ? 1 : 2;
      const head = [Number(kittiFrameName(frame)), trackNumbers.get(box.trackId), type, level, occluded];
      return [...head, ...numbers.map((v) => fixed(v, digits))].join(' ');
    });
    if (options.mode === 'object') {
      files.push({ path: `label_2/${kittiFrameName(frame)}.txt`, text: rows.map((r) => `${r}\n`).join('') });
    } else trackingRows.push(...rows);
  }
  const labelPath = `label_02/${kittiSequenceName(set.scene)}.txt`;
  if (options.mode === 'tracking') files.push({ path: labelPath, text: trackingRows.map((r) => `${r}\n`).join('') });
  const written = options.mode === 'tracking' ? labelPath : 'label_2/';
  if (unseen > 0) problems.push({ path: written, code: 'kitti.box.off-image', message: `${unseen} boxes are in no camera image: their 2D box is written as -1 -1 -1 -1`, values: { boxes: unseen } }); // prettier-ignore
  if (set.segments.length > 0) problems.push({ path: written, code: 'kitti.segments.dropped', message: `${set.segments.length} time segments left out: KITTI has no place for them`, values: { segments: set.segments.length } }); // prettier-ignore
  const trackIds = Object.fromEntries([...trackNumbers].map(([id, n]) => [String(n), id]));
  const tracks = kittiSidecarTracks(tracksInOrder(set, byFrame), trackNumbers);
  const sidecar = { format: `kitti-${options.mode}`, lineage, ...(options.mode === 'tracking' ? { trackIds, tracks } : {}) }; // prettier-ignore
  files.push({ path: KITTI_SIDECAR, text: `${JSON.stringify(sidecar, null, 2)}\n` });
  return { files, problems };
}

/** The tracks that have boxes, in the order they first appear (frame by frame), for numbering. */
function tracksInOrder(set: LabelSet, byFrame: Map<number, Cuboid[]>): Pick<Track, 'id' | 'externalId' | 'name'>[] {
  const trackOf = new Map(set.tracks.map((t) => [t.id, t]));
  const seen = new Map<string, Pick<Track, 'id' | 'externalId' | 'name'>>();
  for (const frame of set.scene.frames) {
    for (const box of byFrame.get(frame.index) ?? []) {
      if (!seen.has(box.trackId)) seen.set(box.trackId, trackOf.get(box.trackId) ?? { id: box.trackId });
    }
  }
  return [...seen.values()];
}

/** The box's `truncated` attribute (0–1) where it has one, else the share of its projection outside the image. */
function truncationOf(box: Cuboid, clipped: PixelRect | undefined, full: PixelRect | undefined): number {
  const given = box.attributes['truncated'];
  if (typeof given === 'number' && given >= 0 && given <= 1) return given;
  if (!clipped || !full) return 1;
  const whole = rectArea(full);
  return whole > 0 ? Math.min(1, Math.max(0, 1 - rectArea(clipped) / whole)) : 0;
}

/** KITTI's level from the box's `occluded` attribute: `none`/`partly`/`mostly`, or the KITTI ontology's `0`–`3`. */
function occludedOf(box: Cuboid): number | undefined {
  const value = box.attributes['occluded'];
  const level = KITTI_OCCLUDED.indexOf(value as (typeof KITTI_OCCLUDED)[number]);
  if (level >= 0) return level;
  return typeof value === 'string' && /^[0-3]$/.test(value) ? Number(value) : undefined;
}

/** `v` with `digits` decimals, never `-0.00`. */
function fixed(v: number, digits: number): string {
  const text = v.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
