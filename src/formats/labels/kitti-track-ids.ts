import type { Cuboid, Track } from '../../core/model/labels';

/** What the lineage sidecar keeps of each KITTI tracking id: the Frustum track, its dataset id and name. */
export interface KittiTrackEntry {
  id: string;
  externalId?: string;
  name?: string;
}

/** A dataset id KITTI can carry as it is: a non-negative integer written without leading zeros. */
const isKittiId = (id: string) => /^(0|[1-9]\d{0,8})$/.test(id);

/**
 * KITTI tracking's integer `track_id` of each track: the dataset's id where it is such an integer (a KITTI
 * sequence read in keeps its ids) and no earlier track took it; every other track the smallest integer not
 * taken, in the order given (the order the tracks first appear).
 */
export function kittiTrackNumbers(tracks: readonly Pick<Track, 'id' | 'externalId'>[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const t of tracks) {
    if (t.externalId === undefined || !isKittiId(t.externalId) || used.has(Number(t.externalId))) continue;
    out.set(t.id, Number(t.externalId));
    used.add(Number(t.externalId));
  }
  let next = 0;
  for (const t of tracks) {
    if (out.has(t.id)) continue;
    while (used.has(next)) next++;
    out.set(t.id, next);
    used.add(next);
  }
  return out;
}

/** The sidecar's `tracks`: each written track id with what KITTI's rows cannot hold. */
export function kittiSidecarTracks(
  tracks: readonly Pick<Track, 'id' | 'externalId' | 'name'>[],
  numbers: Map<string, number>,
): Record<string, KittiTrackEntry> {
  const out: Record<string, KittiTrackEntry> = {};
  for (const t of tracks) {
    const n = numbers.get(t.id);
    if (n === undefined) continue;
    out[String(n)] = { id: t.id, ...(t.externalId !== undefined ? { externalId: t.externalId } : {}), ...(t.name !== undefined ? { name: t.name } : {}) }; // prettier-ignore
  }
  return out;
}

/**
 * Tracks read from KITTI tracking rows (each with its `track_id` as `externalId`) given back their Frustum id,
 * dataset id and name from a sidecar (`frustum-lineage.json`) `writeKitti` wrote: its `tracks`, or an older
 * sidecar's `trackIds` (ids only: the numbers there were Frustum's own, not the dataset's). Tracks the sidecar
 * does not name keep the row's id as their dataset id. Returns new records, boxes following their track.
 */
export function applyKittiSidecar(
  tracks: readonly Track[],
  cuboids: readonly Cuboid[],
  sidecar: unknown,
): { tracks: Track[]; cuboids: Cuboid[] } {
  const entries = sidecarEntries(sidecar);
  if (entries.size === 0) return { tracks: [...tracks], cuboids: [...cuboids] };
  // Ids the sidecar gives come first (each once); a track it does not name keeps its own unless one of those
  // took it, then gets a free one.
  const given = new Map<string, KittiTrackEntry>();
  const targets = new Set<string>();
  for (const t of tracks) {
    const entry = t.externalId === undefined ? undefined : entries.get(t.externalId);
    if (!entry || targets.has(entry.id)) continue;
    given.set(t.id, entry);
    targets.add(entry.id);
  }
  const renamed = new Map<string, string>();
  const out = tracks.map((t): Track => {
    const entry = given.get(t.id);
    if (!entry) {
      let id = t.id;
      for (let n = 2; targets.has(id); n++) id = `${t.id}~${n}`;
      targets.add(id);
      renamed.set(t.id, id);
      return { ...t, id };
    }
    renamed.set(t.id, entry.id);
    const { externalId: _, name: __, ...rest } = t;
    return { ...rest, id: entry.id, ...(entry.externalId !== undefined ? { externalId: entry.externalId } : {}), ...(entry.name !== undefined ? { name: entry.name } : {}) }; // prettier-ignore
  });
  const boxes = cuboids.map((c) => (renamed.get(c.trackId) === c.trackId ? c : { ...c, trackId: renamed.get(c.trackId) ?? c.trackId })); // prettier-ignore
  return { tracks: out, cuboids: boxes };
}

/** The sidecar's entries by KITTI id, from `tracks` or else `trackIds`; malformed ones are passed over. */
function sidecarEntries(sidecar: unknown): Map<string, KittiTrackEntry> {
  const out = new Map<string, KittiTrackEntry>();
  const s = (sidecar ?? {}) as { tracks?: unknown; trackIds?: unknown };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (s.tracks && typeof s.tracks === 'object') {
    for (const [n, raw] of Object.entries(s.tracks as Record<string, unknown>)) {
      const e = (raw ?? {}) as Record<string, unknown>;
      const [id, externalId, name] = [text(e['id']), text(e['externalId']), text(e['name'])];
      if (id !== undefined) out.set(n, { id, ...(externalId !== undefined ? { externalId } : {}), ...(name !== undefined ? { name } : {}) }); // prettier-ignore
    }
  } else if (s.trackIds && typeof s.trackIds === 'object') {
    for (const [n, id] of Object.entries(s.trackIds as Record<string, unknown>)) {
      if (typeof id === 'string') out.set(n, { id });
    }
  }
  return out;
}
