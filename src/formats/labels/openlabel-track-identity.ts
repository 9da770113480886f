import type { Track } from '../../core/model/labels';
import { isUuid } from './label-values';
import type { OlElement, OpenLabel } from './openlabel-types';

/** What Frustum keeps of a track beyond OpenLABEL's uid and name, in `metadata.frustum.tracks` by object uid. */
export interface OlTrackIdentity {
  id: string;
  externalId?: string;
  name?: string;
}

/** OpenLABEL's element uids: an integer or a UUID. */
const isOlUid = (id: string) => /^(0|-?[1-9]\d*)$/.test(id) || isUuid(id);

/**
 * The uid each track's object is written under: the dataset's id where it is a valid uid (KITTI's track id, a
 * UUID) and no earlier track took it, else the track id where it is a UUID, else the smallest unused integer.
 * So a file written from a dataset's labels keeps the dataset's keys, and labels join back to it by uid.
 */
export function olTrackKeys(tracks: readonly Track[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  const take = (track: Track, key: string | undefined) => {
    if (keys.has(track.id) || key === undefined || !isOlUid(key) || used.has(key)) return;
    keys.set(track.id, key);
    used.add(key);
  };
  for (const t of tracks) take(t, t.externalId);
  for (const t of tracks) take(t, t.id);
  let next = 0;
  for (const t of tracks) {
    while (used.has(String(next))) next++;
    take(t, String(next));
  }
  return keys;
}

/** The object's `name`: the track's own name, else the dataset's id, else the track id. */
export function olObjectName(track: Track): string {
  return track.name ?? track.externalId ?? track.id;
}

/** `metadata.frustum.tracks`: each track's id, dataset id and name by its object's uid, for reading back exactly. */
export function olTrackIdentities(
  tracks: readonly Track[],
  keys: Map<string, string>,
): Record<string, OlTrackIdentity> {
  const out: Record<string, OlTrackIdentity> = {};
  for (const t of tracks) {
    out[keys.get(t.id)!] = { id: t.id, ...(t.externalId !== undefined ? { externalId: t.externalId } : {}), ...(t.name !== undefined ? { name: t.name } : {}) }; // prettier-ignore
  }
  return out;
}

/**
 * Each object's track id, dataset id and name, in the order given. A file Frustum wrote (`metadata.frustum`)
 * gives them back from `metadata.frustum.tracks` (an older one, without it, by the name-or-key rule below and
 * no dataset id). A file from another tool: the object's uid is the dataset id and its name the track's name
 * where names are unique; the track id is the name where names are unique, else `<prefix><uid>`.
 */
export function readOlTrackIdentities(
  ol: OpenLabel,
  objects: readonly [string, OlElement][],
  prefix: string,
): OlTrackIdentity[] {
  const frustum = ol.metadata['frustum'] as { tracks?: Record<string, Partial<OlTrackIdentity>> } | undefined;
  const saved = frustum && typeof frustum === 'object' ? frustum.tracks : undefined;
  const names = objects.map(([, e]) => e.name);
  const unique = names.every((n) => typeof n === 'string' && n !== '') && new Set(names).size === names.length;
  const used = new Set<string>();
  return objects.map(([key, e]) => {
    const fallback = unique ? e.name : `${prefix}${key}`;
    const own = saved && typeof saved === 'object' ? saved[key] : undefined;
    const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
    let identity: OlTrackIdentity;
    if (own && typeof own.id === 'string' && !used.has(own.id)) {
      const [externalId, name] = [text(own.externalId), text(own.name)];
      identity = { id: own.id, ...(externalId !== undefined ? { externalId } : {}), ...(name !== undefined ? { name } : {}) }; // prettier-ignore
    } else if (frustum) identity = { id: fallback };
    else identity = { id: fallback, externalId: key, ...(unique ? { name: e.name } : {}) };
    used.add(identity.id);
    return identity;
  });
}
