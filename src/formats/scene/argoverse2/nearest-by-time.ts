/**
 * The entry nearest in time to `timestampNs` among `entries` sorted by time (binary search on the exact
 * nanoseconds; the earlier one wins a tie). Undefined for an empty list.
 */
export function nearestByTime<T extends { timestampNs: bigint }>(
  entries: readonly T[],
  timestampNs: bigint,
): T | undefined {
  if (entries.length === 0) return undefined;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.timestampNs < timestampNs) lo = mid + 1;
    else hi = mid;
  }
  const after = entries[lo]!;
  const before = entries[lo - 1];
  if (before && timestampNs - before.timestampNs <= after.timestampNs - timestampNs) return before;
  return after;
}
