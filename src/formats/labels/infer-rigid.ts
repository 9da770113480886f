import type { Cuboid, Track } from '../../core/model/labels';

/**
 * Label files keep no `rigid` flag: a track read from one is rigid when all of its boxes have one size (to the
 * bit), which is what a rigid track exported by Frustum gives back. Returns new track records.
 */
export function inferRigid(tracks: readonly Track[], cuboids: readonly Cuboid[]): Track[] {
  const first = new Map<string, readonly number[]>();
  const varies = new Set<string>();
  for (const c of cuboids) {
    const size = first.get(c.trackId);
    if (!size) first.set(c.trackId, c.size);
    else if (size.some((v, i) => v !== c.size[i])) varies.add(c.trackId);
  }
  return tracks.map((t) => ({ ...t, rigid: !varies.has(t.id) }));
}
