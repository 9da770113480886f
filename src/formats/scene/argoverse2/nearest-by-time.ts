import { findNearestBy } from '../nearest-sample';

/**
 * The entry nearest in time to `timestampNs` among `entries` sorted by time, on the exact nanoseconds (the
 * earlier one wins a tie). Undefined for an empty list.
 */
export function nearestByTime<T extends { timestampNs: bigint }>(
  entries: readonly T[],
  timestampNs: bigint,
): T | undefined {
  return findNearestBy(
    entries,
    (e) => e.timestampNs < timestampNs,
    (e) => (e.timestampNs < timestampNs ? timestampNs - e.timestampNs : e.timestampNs - timestampNs),
  );
}
