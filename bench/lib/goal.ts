/** A goal from PERFORMANCE.md on a row's ratio, e.g. "≥ 5×" on a speed-up or "≤ 1.1×" on memory. */
export interface Goal {
  text: string;
  isMet(ratio: number): boolean;
}

export function atLeast(times: number): Goal {
  return { text: `≥ ${times}×`, isMet: (ratio) => ratio >= times };
}

export function atMost(times: number): Goal {
  return { text: `≤ ${times}×`, isMet: (ratio) => ratio <= times };
}
