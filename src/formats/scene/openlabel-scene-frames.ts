import type { Frame, Scene, SensorSample } from '../../core/model/scene';
import { readOlSampleTime, readOlTime } from '../labels/openlabel-scene-read';
import type { OpenLabel } from '../labels/openlabel-types';
import type { ProblemCode, ProblemValues } from '../problems/file-problem';
import { NOMINAL_FRAME_PERIOD_US } from './nominal-frame-period';
import type { OpenlabelUris } from './openlabel-uri';

/** Notes a problem of the OpenLABEL file: code, message, where in it (a JSON path), and the sentence's values. */
export type OnOpenlabelProblem = (code: ProblemCode, message: string, place?: string, values?: ProblemValues) => void;

/** The scene's frames and, for each, the OpenLABEL frame number it was (frames without a sweep are left out). */
export interface OpenlabelFrames {
  frames: Frame[];
  numbers: number[];
  /** How many uris the file gives for its LiDAR and camera streams (at frames or streams), found or not. */
  named: number;
}

/**
 * One frame per OpenLABEL frame that names a LiDAR file of the folder: each LiDAR and camera stream's file from
 * `frame_properties.streams.<stream>.uri`, else from the stream's own `uri` where that is one file of the folder
 * (a static scan); a uri that is not in the folder is reported and its sample left out. The frame's time is its
 * `timestamp_us` / `timestamp` (seconds: a number or a decimal string; or a date), else its first LiDAR
 * sample's (`stream_properties.sync.timestamp`), else 100 ms per frame number after the last frame with a time
 * (frame number × 100 ms when none has one; reported). A sample's time is its own, else the frame's.
 * `worldFromEgo` is `readOlScene`'s (the ego under the world on that frame). Frames without a LiDAR file are
 * reported and left out; the OpenLABEL frame number becomes the frame's `externalId`.
 */
export function readOpenlabelFrames(
  ol: OpenLabel,
  olScene: Scene,
  uris: OpenlabelUris,
  report: OnOpenlabelProblem,
): OpenlabelFrames {
  const lidarIds = new Set(olScene.lidars.map((l) => l.id));
  const sensors = [...lidarIds, ...olScene.cameras.map((c) => c.id)];
  let named = 0;
  const streamFile = new Map<string, string>();
  for (const id of sensors) {
    const uri = ol.streams?.[id]?.uri;
    if (typeof uri !== 'string' || uri.trim() === '') continue;
    named++;
    // A stream's own uri is often a folder, a video or a topic (`/S1206063/image`): a file of the folder only counts.
    const file = uris.resolve(uri);
    if (file !== undefined) streamFile.set(id, file);
  }
  const present = Object.keys(ol.frames ?? {}).filter((k) => /^\d+$/.test(k)).map(Number).sort((a, b) => a - b); // prettier-ignore
  const frames: Frame[] = [];
  const numbers: number[] = [];
  const withoutLidar: number[] = [];
  const untimed: number[] = [];
  let last: { number: number; timestampUs: number } | undefined;
  for (const number of present.length > 0 ? present : [0]) {
    const properties = ol.frames?.[String(number)]?.frame_properties;
    const samples: (Omit<SensorSample, 'timestampUs'> & { timestampUs: number | undefined })[] = [];
    for (const id of sensors) {
      const own = properties?.streams?.[id];
      let uri = streamFile.get(id);
      if (typeof own?.uri === 'string' && own.uri.trim() !== '') {
        named++;
        uri = uris.resolve(own.uri, ol.streams?.[id]?.uri);
        if (uri === undefined) {
          const where = `/openlabel/frames/${number}/frame_properties/streams/${id}/uri`;
          report('openlabel.file.missing', `${own.uri} is not in the folder: the sample was left out`, where, { uri: own.uri, stream: id }); // prettier-ignore
        }
      }
      if (uri !== undefined) samples.push({ sensorId: id, uri, timestampUs: readOlSampleTime(own?.stream_properties) }); // prettier-ignore
    }
    const lidar = samples.filter((s) => lidarIds.has(s.sensorId));
    if (lidar.length === 0) {
      withoutLidar.push(number);
      continue;
    }
    let timestampUs = readOlTime(properties) ?? lidar[0]!.timestampUs;
    if (timestampUs === undefined) {
      untimed.push(number);
      timestampUs = (last?.timestampUs ?? 0) + (number - (last?.number ?? 0)) * NOMINAL_FRAME_PERIOD_US;
    }
    last = { number, timestampUs };
    const timed = samples.map((s) => ({ ...s, timestampUs: s.timestampUs ?? timestampUs }));
    const worldFromEgo = olScene.frames[number]?.worldFromEgo;
    numbers.push(number);
    frames.push({
      index: frames.length,
      timestampUs,
      ...(worldFromEgo ? { worldFromEgo } : {}),
      lidar: timed.filter((s) => lidarIds.has(s.sensorId)),
      cameras: timed.filter((s) => !lidarIds.has(s.sensorId)),
      externalId: String(number),
    });
  }
  if (withoutLidar.length > 0 && frames.length > 0) {
    const list = frameRanges(withoutLidar);
    report('openlabel.frame.no-lidar', `frames ${list} name no LiDAR file of the folder: left out`, undefined, { frames: list, count: withoutLidar.length }); // prettier-ignore
  }
  if (untimed.length > 0) {
    const list = frameRanges(untimed);
    report('openlabel.time.missing', `frames ${list} give no time: placed 100 ms apart by frame number`, undefined, { frames: list, count: untimed.length }); // prettier-ignore
  }
  return { frames, numbers, named };
}

/** Frame numbers as ranges, `0–11, 14, 20–21`; past ten ranges, the rest as `…`. */
export function frameRanges(numbers: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    ranges.push(i === j ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return ranges.length > 10 ? `${ranges.slice(0, 10).join(', ')}, …` : ranges.join(', ');
}
