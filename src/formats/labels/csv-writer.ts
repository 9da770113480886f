import type { ExportLineage } from '../../core/model/export-lineage';
import type { AttributeValue } from '../../core/model/labels';
import type { LabelSet } from '../../core/model/label-set';
import type { FileProblem } from '../problems/file-problem';
import { csvRow } from './csv-fields';
import { lineageSidecarPath, type LabelExport } from './label-export';

/** The fixed columns, in order; attribute columns follow as `track.<id>` (static) and `box.<id>` (dynamic). */
export const CSV_COLUMNS = [
  'frame',
  'timestamp_us',
  'track_id',
  'class_id',
  'x',
  'y',
  'z',
  'length',
  'width',
  'height',
  'yaw',
  'pitch',
  'roll',
  'keyframe',
  'source',
  'model',
  'model_version',
  'score',
] as const;

/**
 * Columns written after the fixed ones and read where present (files written before them lack them): the track's
 * own name and the dataset's id of its object, empty where it has none.
 */
export const CSV_IDENTITY_COLUMNS = ['track_name', 'external_id'] as const;

/** A number as the shortest text that reads back as the same double; booleans as `true` / `false`. */
function cell(value: AttributeValue | undefined): string {
  return value === undefined ? '' : String(value);
}

/**
 * Writes one CSV row per box per frame, for spreadsheets: the frame and its time (µs), the track and its
 * class, the centre (metres, the frame's ego frame: x forward, y left, z up), size (l, w, h), yaw, pitch and
 * roll (radians, intrinsic Z-Y-X), keyframe, source and the pre-label model, the track's name and the
 * dataset's id of its object (`track_name`, `external_id`), then one column per attribute id.
 * UTF-8 with a byte-order mark (so that spreadsheet programs read Chinese text right), CRLF rows. Numbers
 * keep every digit. The lineage goes to `<name>.lineage.json` beside it; sensors, ego poses and time segments
 * are not written.
 */
export function writeCsv(set: LabelSet, lineage: ExportLineage, fileName = 'labels.csv'): LabelExport {
  const trackOf = new Map(set.tracks.map((t) => [t.id, t]));
  const timeOf = new Map(set.scene.frames.map((f) => [f.index, f.timestampUs]));
  const staticKeys = [...new Set(set.tracks.flatMap((t) => Object.keys(t.attributes)))].sort();
  const dynamicKeys = [...new Set(set.cuboids.flatMap((c) => Object.keys(c.attributes)))].sort();
  let text = `\ufeff${csvRow([...CSV_COLUMNS, ...CSV_IDENTITY_COLUMNS, ...staticKeys.map((k) => `track.${k}`), ...dynamicKeys.map((k) => `box.${k}`)])}`; // prettier-ignore
  const boxes = [...set.cuboids].sort((a, b) => a.frameIndex - b.frameIndex);
  for (const box of boxes) {
    const track = trackOf.get(box.trackId);
    const s = box.source;
    // The engine behind a pre-label, and behind a box a person edited from one (no score: a person set it).
    const engine = s.kind === 'prelabel' ? s : s.kind === 'manual' ? s.from : undefined;
    const prelabel = [engine?.model ?? '', engine?.version ?? '', s.kind === 'prelabel' ? cell(s.score) : ''];
    text += csvRow([
      cell(box.frameIndex),
      cell(timeOf.get(box.frameIndex)),
      box.trackId,
      track?.classId ?? '',
      ...[...box.position, ...box.size, box.yaw, box.pitch, box.roll].map(cell),
      cell(box.keyframe),
      s.kind,
      ...prelabel,
      track?.name ?? '',
      track?.externalId ?? '',
      ...staticKeys.map((k) => cell(track?.attributes[k])),
      ...dynamicKeys.map((k) => cell(box.attributes[k])),
    ]);
  }
  const problems: FileProblem[] = set.segments.length > 0 ? [{ path: fileName, code: 'csv.segments.dropped', message: `${set.segments.length} time segments left out: the CSV has one row per box`, values: { segments: set.segments.length } }] : []; // prettier-ignore
  return {
    files: [
      { path: fileName, text },
      { path: lineageSidecarPath(fileName), text: `${JSON.stringify({ format: 'csv', lineage }, null, 2)}\n` },
    ],
    problems,
  };
}
