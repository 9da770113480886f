import { uprightAngles } from '../../core/geometry/upright-box';
import type { AttributeValue, Cuboid, Track } from '../../core/model/labels';
import type { Frame } from '../../core/model/scene';
import { fnv1a64 } from '../scene/listing-hash';
import { NOMINAL_FRAME_PERIOD_US } from '../scene/nominal-frame-period';
import type { FileProblem } from '../scene/scene-files';
import { FormatError } from '../pointcloud/format-error';
import { parseCsv } from './csv-fields';
import { CSV_COLUMNS, CSV_IDENTITY_COLUMNS } from './csv-writer';
import { inferRigid } from './infer-rigid';
import type { LabelSetRead } from './label-export';
import { cuboidSourceOf } from './label-values';

/** A cell as an attribute value: `true` / `false`, a number written as JS writes it, else the text. */
function attributeOf(text: string): AttributeValue {
  if (text === 'true' || text === 'false') return text === 'true';
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && /^[-+]?(\d|\.\d)/.test(text.trim()) ? n : text;
}

/**
 * Reads the CSV `writeCsv` writes (columns found by their header names, so a spreadsheet may reorder them or add
 * its own). Frames run from 0 to the highest `frame`, timed by their rows (frames without rows at i × 100 ms);
 * the scene has no sensors. A track's name and dataset id come from `track_name` and `external_id` where the
 * file has them. Text cells that read as numbers or true / false come back as numbers and booleans,
 * and empty cells as no attribute. Throws a `FormatError` naming the file when a fixed column is missing; a row
 * with a bad number is reported by line and left out.
 */
export function readCsv(text: string, fileName: string): LabelSetRead {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new FormatError(fileName, (error as Error).message);
  }
  const header = rows.shift()?.fields ?? [];
  const column = new Map(header.map((name, i) => [name, i]));
  const missing = CSV_COLUMNS.filter((c) => !column.has(c));
  if (missing.length > 0) throw new FormatError(fileName, `not a Frustum box CSV: no column ${missing.join(', ')}`, { code: 'csv.columns.missing', values: { columns: missing.join(', ') } }); // prettier-ignore
  const problems: FileProblem[] = [];
  const sceneId = `csv-${fnv1a64(fileName)}`;
  const tracks = new Map<string, Track>();
  const cuboids: Cuboid[] = [];
  const times = new Map<number, number>();
  for (const { line, fields } of rows) {
    const get = (name: string) => fields[column.get(name)!] ?? '';
    const numbers = ['frame', 'x', 'y', 'z', 'length', 'width', 'height', 'yaw', 'pitch', 'roll'].map((c) => Number(get(c))); // prettier-ignore
    const [frameIndex, ...pose] = numbers as [number, ...number[]];
    if (!Number.isInteger(frameIndex) || frameIndex < 0 || numbers.some((n) => !Number.isFinite(n))) {
      problems.push({ path: fileName, code: 'csv.row.not-numeric', message: 'frame, position, size and angles must be numbers; row left out', place: `line ${line}` }); // prettier-ignore
      continue;
    }
    const time = Number(get('timestamp_us'));
    if (get('timestamp_us') !== '' && Number.isFinite(time)) times.set(frameIndex, time);
    const attributes = (prefix: string) => {
      const out: Record<string, AttributeValue> = {};
      header.forEach((name, i) => {
        if (name.startsWith(prefix) && (fields[i] ?? '') !== '')
          out[name.slice(prefix.length)] = attributeOf(fields[i]!);
      });
      return out;
    };
    const trackId = get('track_id');
    if (!tracks.has(trackId)) {
      const [name, externalId] = CSV_IDENTITY_COLUMNS.map(get);
      tracks.set(trackId, { type: 'track', id: trackId, sceneId, classId: get('class_id'), attributes: attributes('track.'), rigid: true, ...(externalId ? { externalId } : {}), ...(name ? { name } : {}) }); // prettier-ignore
    }
    const keyframe = get('keyframe') !== 'false';
    cuboids.push({
      type: 'cuboid',
      id: `${trackId}@${frameIndex}`,
      sceneId,
      trackId,
      frameIndex,
      position: [pose[0]!, pose[1]!, pose[2]!],
      ...uprightAngles({ size: [pose[3]!, pose[4]!, pose[5]!], yaw: pose[6]!, pitch: pose[7]!, roll: pose[8]! }),
      attributes: attributes('box.'),
      keyframe,
      source: cuboidSourceOf(get('source'), { model: get('model'), version: get('model_version'), score: get('score') }, keyframe), // prettier-ignore
    });
  }
  const count = Math.max(-1, ...cuboids.map((c) => c.frameIndex)) + 1;
  const frames: Frame[] = Array.from({ length: count }, (_, index) => ({
    index,
    timestampUs: times.get(index) ?? index * NOMINAL_FRAME_PERIOD_US,
    lidar: [],
    cameras: [],
  }));
  const name = fileName.replace(/^.*\//, '');
  const scene = { id: sceneId, name, source: { kind: 'files' as const, root: fileName }, lidars: [], cameras: [], frames, ontologyId: 'general-driving', provenance: { contentHash: fnv1a64(text) } }; // prettier-ignore
  return { set: { scene, tracks: inferRigid([...tracks.values()], cuboids), cuboids, segments: [] }, problems };
}
