/** The longest pause between two of one person's journal lines that still counts as work: 5 minutes, in ms. */
export const ACTIVE_GAP_MS = 5 * 60_000;

/**
 * A person's active time, ms: the sum of the gaps between their consecutive journal lines (by time) that are at
 * most `ACTIVE_GAP_MS` long; a longer gap is a break and adds nothing, not even the first 5 minutes of it.
 * So one lone edit adds nothing either: time is only known between two edits. The journal has no "still looking"
 * lines, so reading or thinking without editing for more than 5 minutes is not counted; the rule errs low, and
 * the same way for everyone, which is what a comparison between people needs.
 */
export function activeTimeMs(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let total = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap <= ACTIVE_GAP_MS) total += gap;
  }
  return total;
}
