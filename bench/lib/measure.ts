/** p50/p95 of one case in milliseconds, and how they were taken. */
export interface Timing {
  p50: number;
  p95: number;
  min: number;
  max: number;
  samples: number;
  /** Calls per sample; each sample is their total divided by this (1 unless `minSampleMs` asked for more). */
  repeats: number;
}

export interface MeasureOptions {
  /** Untimed calls first, so that the JIT has compiled the path (PERFORMANCE.md: 2). */
  warmup?: number;
  /** Timed samples (PERFORMANCE.md: at least 20). */
  samples?: number;
  /**
   * Batch calls until a sample lasts this long, for cases of tens of microseconds (a 2 MB memcpy) where one
   * call is close to the timer's noise. 0 = one call per sample.
   */
  minSampleMs?: number;
}

/** Holds every result, so that V8 cannot drop a call whose value nobody reads. */
const sink: { value: unknown } = { value: undefined };

/** Times a synchronous `fn` with `performance.now()`. Collects garbage first when node runs with --expose-gc. */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Timing {
  const { warmup = 2, samples = 20, minSampleMs = 0 } = options;
  collectGarbage();
  for (let i = 0; i < warmup; i++) sink.value = fn();
  let repeats = 1;
  if (minSampleMs > 0) {
    const start = performance.now();
    sink.value = fn();
    repeats = Math.max(1, Math.ceil(minSampleMs / Math.max(performance.now() - start, 1e-4)));
  }
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let r = 0; r < repeats; r++) sink.value = fn();
    times.push((performance.now() - start) / repeats);
  }
  return summarize(times, repeats);
}

/** The same for work that must be awaited (a browser round trip): one call per sample. */
export async function measureAsync(fn: () => Promise<unknown>, options: MeasureOptions = {}): Promise<Timing> {
  const { warmup = 2, samples = 20 } = options;
  collectGarbage();
  for (let i = 0; i < warmup; i++) sink.value = await fn();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    sink.value = await fn();
    times.push(performance.now() - start);
  }
  return summarize(times, 1);
}

/** p50/p95/min/max of samples already taken (in a browser page, say), in milliseconds. */
export function summarize(times: readonly number[], repeats = 1): Timing {
  if (times.length === 0) throw new Error('summarize: no samples');
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    samples: sorted.length,
    repeats,
  };
}

/** Linear interpolation between closest ranks (numpy's default), on sorted values. */
function percentile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** So that one case's garbage is not collected inside the next case's samples. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
