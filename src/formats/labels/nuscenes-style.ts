import type { AttributeValue, Track } from '../../core/model/labels';
import { fnv1a64 } from '../scene/listing-hash';
import { isUuid } from './label-values';

/** The `format` key that marks Frustum's nuScenes-style JSON. */
export const NUSCENES_STYLE_FORMAT = 'frustum-nuscenes-style';

/** nuScenes category names of the shipped ontologies' class ids; any other id is written as it is. */
const CATEGORIES: Record<string, string> = {
  car: 'vehicle.car',
  truck: 'vehicle.truck',
  bus: 'vehicle.bus.rigid',
  trailer: 'vehicle.trailer',
  construction_vehicle: 'vehicle.construction',
  pedestrian: 'human.pedestrian.adult',
  cyclist: 'vehicle.bicycle',
  bicycle: 'vehicle.bicycle',
  motorcycle: 'vehicle.motorcycle',
  traffic_cone: 'movable_object.trafficcone',
  barrier: 'movable_object.barrier',
};

export function nuscenesCategoryOf(classId: string): string {
  return CATEGORIES[classId] ?? classId;
}

/** nuScenes' visibility tokens '1'..'4' by the nuScenes ontology's `visibility` values. */
const VISIBILITY = ['v0-40', 'v40-60', 'v60-80', 'v80-100'];

export function visibilityTokenOf(value: AttributeValue | undefined): string | undefined {
  const at = VISIBILITY.indexOf(String(value));
  return at < 0 ? undefined : String(at + 1);
}

export function visibilityOfToken(token: unknown): string | undefined {
  return typeof token === 'string' ? VISIBILITY[Number(token) - 1] : undefined;
}

/** nuScenes attribute names (`vehicle.parked`, `cycle.with_rider`) among a box's and its track's values. */
export function nuscenesAttributeNames(...records: Record<string, AttributeValue>[]): string[] {
  const names = records.flatMap((r) => Object.values(r)).filter((v) => typeof v === 'string');
  return [...new Set(names.filter((v) => /^(vehicle|cycle|pedestrian)\.[a-z_]+$/.test(v)))];
}

/**
 * A nuScenes-like token (32 hex digits) for a record: a UUID id without its dashes, else two FNV-1a 64 hashes
 * of the kind and id, so that the same labels always get the same tokens.
 */
export function tokenOf(kind: string, id: string): string {
  if (isUuid(id)) return id.replace(/-/g, '').toLowerCase();
  return fnv1a64(`${kind}:${id}`) + fnv1a64(`${id}:${kind}`);
}

/** A nuScenes token as the dataset writes it: 32 lower-case hex digits. */
export const isNuscenesToken = (id: string) => /^[0-9a-f]{32}$/.test(id);

/**
 * Each track's instance token: its dataset id where that is a nuScenes token (or a UUID, dashes dropped) and no
 * earlier track took it, else one made from the track id (`tokenOf`).
 */
export function instanceTokens(tracks: readonly Track[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const t of tracks) {
    const id = t.externalId;
    const own = id === undefined ? undefined : isNuscenesToken(id) ? id : isUuid(id) ? tokenOf('instance', id) : undefined; // prettier-ignore
    const token = own !== undefined && !used.has(own) ? own : tokenOf('instance', t.id);
    used.add(token);
    out.set(t.id, token);
  }
  return out;
}

/**
 * Each record's token by its id: its dataset id where that is a nuScenes token (a sample, sample_annotation
 * token the import kept) and no earlier record took it, else one made from the id (`tokenOf(kind, id)`), so
 * that what came from nuScenes joins back to it and the rest still gets tokens of the same form.
 */
export function datasetTokens(
  kind: string,
  records: readonly { id: string; externalId?: string | undefined }[],
): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const { id, externalId } of records) {
    const own = externalId !== undefined && isNuscenesToken(externalId) && !used.has(externalId);
    const token = own ? externalId : tokenOf(kind, id);
    used.add(token);
    out.set(id, token);
  }
  return out;
}
