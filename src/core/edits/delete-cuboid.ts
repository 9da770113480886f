import type { Cuboid, LabelRecord } from '../model/labels';
import { composePatches, type LabelDoc, type Patch } from './patch';
import { segmentsAfterDelete } from './segments-of-track';

/** Removes a cuboid, and its track too (with its time segments) when no other cuboid of the track remains. */
export function deleteCuboid(doc: LabelDoc, args: { cuboidId: string }): Patch {
  const cuboid = doc.get(args.cuboidId);
  if (!cuboid || cuboid.type !== 'cuboid') throw new Error(`deleteCuboid: no cuboid ${args.cuboidId}`);
  const removed: LabelRecord[] = [cuboid];
  const siblings = [...doc.values()].some(
    (r) => r.type === 'cuboid' && r.trackId === cuboid.trackId && r.id !== cuboid.id,
  );
  const track = doc.get(cuboid.trackId);
  if (siblings || !track) return { added: [], updated: [], removed };
  removed.push(track);
  return composePatches({ added: [], updated: [], removed }, segmentsAfterDelete(doc, track.id, 0, true));
}

export function cuboidsOnFrame(doc: LabelDoc, frameIndex: number): Cuboid[] {
  const out: Cuboid[] = [];
  for (const r of doc.values()) if (r.type === 'cuboid' && r.frameIndex === frameIndex) out.push(r);
  return out;
}
