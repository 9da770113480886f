import type { Cuboid, Track } from '../model/labels';
import type { LabelDoc } from './patch';

/** A track's stored boxes in the doc, earliest frame first: what every track edit starts from. */
export function trackBoxes(doc: LabelDoc, trackId: string): Cuboid[] {
  const out: Cuboid[] = [];
  for (const r of doc.values()) if (r.type === 'cuboid' && r.trackId === trackId) out.push(r);
  return out.sort((a, b) => a.frameIndex - b.frameIndex);
}

/** The doc's tracks, in the order the doc holds them. */
export function tracksIn(doc: LabelDoc): Track[] {
  const out: Track[] = [];
  for (const r of doc.values()) if (r.type === 'track') out.push(r);
  return out;
}
