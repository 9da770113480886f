import type { AttributeValue, Cuboid, Track } from '../model/labels';
import type { ReviewTarget } from '../model/review';
import { fnv1a32 } from '../math/fnv1a';

/** What a digest reads of the labels: the boxes of a frame (derived ones included), tracks, a track's stored boxes. */
export interface ReviewLabels {
  cuboidsOn(frameIndex: number): Cuboid[];
  track(id: string): Track | undefined;
  boxesOf(trackId: string): readonly Cuboid[];
}

/**
 * A short fingerprint (FNV-1a 32, 8 hex digits) of the labels a verdict or an issue judges, so that a later
 * change there is noticed: a box → that track's box on that frame and the track's class and attributes; a track
 * → its class, attributes and every stored box; a frame or a point → every box of the frame; a span → the boxes
 * of those frames (of its track, if it names one). Positions and sizes count to the millimetre and angles to the
 * milliradian, so a float's last bits do not make a verdict stale; record ids, keyframe flags, sources and
 * authorship are left out, so a derived box stored unchanged as a keyframe keeps its verdict.
 */
export function labelDigest(target: ReviewTarget, labels: ReviewLabels): string {
  return fnv1a32(describeTarget(target, labels));
}

function describeTarget(target: ReviewTarget, labels: ReviewLabels): string {
  switch (target.kind) {
    case 'box': {
      const box = labels.cuboidsOn(target.frameIndex).find((c) => c.trackId === target.trackId);
      return `${describeTrack(labels.track(target.trackId))}\n${box ? describeBox(box) : 'no box'}`;
    }
    case 'track':
      return [describeTrack(labels.track(target.trackId)), ...labels.boxesOf(target.trackId).map(describeBox)].join('\n'); // prettier-ignore
    case 'frame':
    case 'point':
      return describeFrame(target.frameIndex, labels);
    case 'span': {
      const lines: string[] = [];
      for (let f = target.startFrame; f <= target.endFrame; f++) {
        lines.push(describeFrame(f, labels, target.trackId));
      }
      return lines.join('\n');
    }
  }
}

/** The boxes of a frame, each with its track's class and attributes, in track order (not the index's order). */
function describeFrame(frameIndex: number, labels: ReviewLabels, trackId?: string): string {
  const boxes = labels
    .cuboidsOn(frameIndex)
    .filter((c) => trackId === undefined || c.trackId === trackId)
    .sort((a, b) => (a.trackId < b.trackId ? -1 : a.trackId > b.trackId ? 1 : 0));
  return `frame ${frameIndex}\n${boxes.map((c) => `${describeTrack(labels.track(c.trackId))} ${describeBox(c)}`).join('\n')}`; // prettier-ignore
}

function describeTrack(track: Track | undefined): string {
  return track ? `track ${track.id} ${track.classId} ${describeAttributes(track.attributes)}` : 'no track';
}

function describeBox(c: Cuboid): string {
  const milli = (v: number) => Math.round(v * 1000);
  const pose = [...c.position, ...c.size, c.yaw, c.pitch, c.roll].map(milli).join(',');
  return `box ${c.trackId}@${c.frameIndex} ${pose} ${describeAttributes(c.attributes)}`;
}

function describeAttributes(attributes: Record<string, AttributeValue>): string {
  const keys = Object.keys(attributes).sort();
  return JSON.stringify(keys.map((k) => [k, attributes[k]]));
}
