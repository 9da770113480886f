/** A goal from PERFORMANCE.md on a row's ratio, e.g. "≥ 5×" on a speed-up or "≤ 1.1×" on memory. */
export interface Goal {
  text: string;
  isMet(ratio: number): boolean;
}

export function atLeast(times: number): Goal {
  return { text: `≥ ${times}×`, isMet: (ratio) => ratio >= times };
}

/** `on: 'p95'` names a goal PERFORMANCE.md states on the p95 ratio (pass `judge: 'p95'` to the row too). */
export function atMost(times: number, on?: 'p95'): Goal {
  return { text: `${on ? `${on} ` : ''}≤ ${times}×`, isMet: (ratio) => ratio <= times };
}

/** A budget on our p95 in milliseconds, for goals PERFORMANCE.md states as a time (a 16 ms frame). */
export function p95AtMost(ms: number): Goal {
  return { text: `p95 ≤ ${ms} ms`, isMet: (p95) => p95 <= ms };
}
