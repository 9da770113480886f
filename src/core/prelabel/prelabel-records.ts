import { normalizeAngle } from '../math/angle';
import type { Authorship, Cuboid, Track } from '../model/labels';
import type { PrelabelResult } from './prelabel-frames';

/** Makes the ids of new records; the caller's, so that building records stays a pure function. */
export type NewId = () => string;

/**
 * The label records of a pre-label run: a rigid track per tracked object (numbered after `firstNumbers`, per
 * class) and a stored box on each of its frames, with `source: prelabel` naming the engine. Boxes the detector
 * found are keyframes; boxes where the track coasted between detections are not (the tracker's prediction).
 */
export function prelabelRecords(
  sceneId: string,
  result: PrelabelResult,
  newId: NewId,
  options: { author?: Authorship; firstNumbers?: ReadonlyMap<string, number> } = {},
): { tracks: Track[]; cuboids: Cuboid[] } {
  const tracks: Track[] = [];
  const cuboids: Cuboid[] = [];
  const numbers = new Map(options.firstNumbers);
  for (const t of result.tracks) {
    if (t.boxes.length === 0) continue;
    const number = numbers.get(t.classId) ?? 1;
    numbers.set(t.classId, number + 1);
    const strongest = t.boxes.reduce((best, b) => (b.points > best.points ? b : best));
    const track: Track = {
      type: 'track',
      id: newId(),
      sceneId,
      classId: t.classId,
      attributes: {},
      rigid: true,
      sizeSource: { kind: 'fit', frameIndex: strongest.frameIndex, points: strongest.points },
      number,
      ...options.author,
    };
    tracks.push(track);
    for (const b of t.boxes) {
      cuboids.push({
        type: 'cuboid',
        id: newId(),
        sceneId,
        trackId: track.id,
        frameIndex: b.frameIndex,
        position: [...b.position],
        size: [...t.size],
        yaw: normalizeAngle(b.yaw),
        pitch: 0,
        roll: 0,
        attributes: {},
        keyframe: b.detected,
        source: { kind: 'prelabel', model: result.model, version: result.version, score: b.score },
        ...options.author,
      });
    }
  }
  return { tracks, cuboids };
}
