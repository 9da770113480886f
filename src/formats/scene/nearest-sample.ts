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
  if (files.length === 0) return undefined;
  let lo = 0;
  let hi = files.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (files[mid]!.timestampUs < timestampUs) lo = mid + 1;
    else hi = mid;
  }
  const after = files[lo]!;
  const before = files[lo - 1];
  if (before && timestampUs - before.timestampUs <= after.timestampUs - timestampUs) return before;
  return after;
}

/** The last path segment without its extension(s): `image_2/000001.png` → `000001`, `a/b.pcd.bin` → `b`. */
export function stemOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}
