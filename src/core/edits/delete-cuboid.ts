import type { Cuboid, LabelRecord } from '../model/labels';
import type { LabelDoc, Patch } from './patch';

/** Removes a cuboid, and its track too when no other cuboid of the track remains. */
export function deleteCuboid(doc: LabelDoc, args: { cuboidId: string }): Patch {
  const cuboid = doc.get(args.cuboidId);
  if (!cuboid || cuboid.type !== 'cuboid') throw new Error(`deleteCuboid: no cuboid ${args.cuboidId}`);
  const removed: LabelRecord[] = [cuboid];
  const siblings = [...doc.values()].some(
    (r) => r.type === 'cuboid' && r.trackId === cuboid.trackId && r.id !== cuboid.id,
  );
  const track = doc.get(cuboid.trackId);
  if (!siblings && track) removed.push(track);
  return { added: [], updated: [], removed };
}

export function cuboidsOnFrame(doc: LabelDoc, frameIndex: number): Cuboid[] {
  const out: Cuboid[] = [];
  for (const r of doc.values()) if (r.type === 'cuboid' && r.frameIndex === frameIndex) out.push(r);
  return out;
}
