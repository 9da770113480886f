/** A file of one sensor with its time, µs. */
export interface TimedFile {
  path: string;
  timestampUs: number;
}

/**
 * The file nearest in time to `timestampUs` among `files` sorted by time (binary search; the earlier one
 * wins a tie). Undefined for an empty list.
 */
export function findNearest(files: readonly TimedFile[], timestampUs: number): TimedFile | undefined {
  return findNearestBy(
    files,
    (f) => f.timestampUs < timestampUs,
    (f) => Math.abs(f.timestampUs - timestampUs),
  );
}

/**
 * The item nearest in time among `items` sorted by time, whatever its clock (µs as numbers, ns as bigints):
 * binary search for the first item not `before` the time, then the closer of it and the one before (the earlier
 * one wins a tie). Undefined for an empty list.
 */
export function findNearestBy<T>(
  items: readonly T[],
  before: (item: T) => boolean,
  gap: (item: T) => number | bigint,
): T | undefined {
  if (items.length === 0) return undefined;
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  const after = items[lo]!;
  const earlier = items[lo - 1];
  return earlier !== undefined && gap(earlier) <= gap(after) ? earlier : after;
}

/** The last path segment without its extension(s): `image_2/000001.png` → `000001`, `a/b.pcd.bin` → `b`. */
export function stemOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}
