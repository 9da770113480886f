import type { OpenLabelFault } from './openlabel-validate';

/** Marks a value for removal until every fault is placed, so that array indices in later faults still hold. */
const DROPPED = Symbol('dropped');

/** Places whose faults are reported but whose content is kept: without them nothing could be read at all. */
const KEPT = new Set(['', '/', '/openlabel', '/openlabel/metadata']);

/**
 * Removes from a parsed OpenLABEL file, in place, each value of the wrong type (a number where a list of
 * cuboids belongs, null where an object does), so that the reader, which trusts the types and checks the
 * rest itself, reads everything else: files from other tools have such faults, and the rest of the file is
 * still worth reading. Other faults change nothing: a wrong length, an unknown key or a missing property is
 * reported by the reader in its own words or does not matter to it. A list entry is removed and the rest
 * close up, except in a list of numbers or strings (a cuboid's `val`, a matrix), where closing up would
 * shift the meaning of every later value: the reader checks those lists whole. A path inside a part already
 * removed is passed over.
 */
export function pruneOpenLabelFaults(json: unknown, faults: readonly OpenLabelFault[]): void {
  const parents = new Set<Record<string, unknown>>();
  for (const { place, keyword, expected } of faults) {
    if (keyword !== 'type' || KEPT.has(place)) continue;
    const keys = place.split('/').slice(1).map(unescapeKey);
    const last = keys.pop()!;
    let parent: unknown = json;
    for (const key of keys) parent = isContainer(parent) ? parent[key] : undefined;
    if (!isContainer(parent) || !Object.hasOwn(parent, last)) continue;
    if (Array.isArray(parent) && !/object|array/.test(expected ?? '')) continue;
    parent[last] = DROPPED;
    parents.add(parent);
  }
  for (const parent of parents) {
    if (Array.isArray(parent)) {
      const kept = parent.filter((v) => v !== DROPPED);
      parent.splice(0, parent.length, ...kept);
    } else {
      for (const key of Object.keys(parent)) if (parent[key] === DROPPED) delete parent[key];
    }
  }
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A JSON pointer's key as written in the file (RFC 6901: `~1` is `/`, `~0` is `~`). */
function unescapeKey(key: string): string {
  return key.replace(/~1/g, '/').replace(/~0/g, '~');
}
