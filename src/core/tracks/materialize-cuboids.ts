import type { Cuboid, LabelRecord } from '../model/labels';
import type { FrameTiming } from './frame-motion';
import { derivedId } from './interpolate';
import { TrackIndex } from './track-index';

/**
 * Every box of every frame: the stored ones and the derived ones between two stored boxes of a track, as the
 * app shows them (`TrackIndex.cuboidsOn`). Exports take these, since a file in another format has no notion of
 * interpolation. Ordered by frame, then by track in the order the tracks were given; derived boxes carry
 * `keyframe: false`, `source: interpolated` and the id `<trackId>@<frame>`.
 */
export function materializeCuboids(records: Iterable<LabelRecord>, frames: readonly FrameTiming[]): Cuboid[] {
  const doc = new Map<string, LabelRecord>();
  for (const r of records) doc.set(r.id, r);
  const index = new TrackIndex(doc);
  const trackOrder = new Map<string, number>();
  for (const r of doc.values()) {
    const trackId = r.type === 'track' ? r.id : r.type === 'cuboid' ? r.trackId : undefined;
    if (trackId !== undefined && !trackOrder.has(trackId)) trackOrder.set(trackId, trackOrder.size);
  }
  const out: Cuboid[] = [];
  for (let frame = 0; frame < frames.length; frame++) {
    const boxes = index.cuboidsOn(frame, frames);
    boxes.sort((a, b) => trackOrder.get(a.trackId)! - trackOrder.get(b.trackId)!);
    out.push(...boxes);
  }
  return out;
}

/** A box `materializeCuboids` derived between two stored ones: the app derives it again, so it is not stored. */
export function isDerivedCuboid(c: Cuboid): boolean {
  return !c.keyframe && c.source.kind === 'interpolated' && c.id === derivedId(c.trackId, c.frameIndex);
}
