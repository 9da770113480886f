/** Samples of one case taken in the page, in milliseconds; node summarizes them (`summarize` of lib/measure). */
export interface PageSamples {
  times: number[];
  /** Calls per sample (each time is their total divided by this). */
  repeats: number;
}

export interface SampleOptions {
  /** Untimed calls first (PERFORMANCE.md: 2). */
  warmup?: number;
  samples: number;
  /** Untimed work before each call, warm-ups included (e.g. handing a transferred buffer back). */
  before?: (index: number) => unknown;
  /** Batch calls until a sample lasts this long, for cases of microseconds; `before` must then be absent. */
  minSampleMs?: number;
}

/** Holds every result, so that no call is dropped as dead code. */
const sink: { value: unknown } = { value: undefined };

/** Collects garbage when Chromium runs with --js-flags=--expose-gc (the bench launches it so). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Times `fn` with `performance.now()` (5 µs resolution: the pages are cross-origin isolated), awaiting it when it
 * returns a promise: `warmup` untimed calls, then `samples` timed ones.
 */
export async function sample(fn: (index: number) => unknown, options: SampleOptions): Promise<PageSamples> {
  const { warmup = 2, samples, before, minSampleMs = 0 } = options;
  collectGarbage();
  let call = 0;
  const once = async (): Promise<void> => {
    if (before) await before(call);
    const result = fn(call++);
    sink.value = result instanceof Promise ? await result : result;
  };
  for (let i = 0; i < warmup; i++) await once();
  let repeats = 1;
  if (minSampleMs > 0) {
    if (before) throw new Error('sample: minSampleMs batches calls, which leaves no room for an untimed `before`');
    const start = performance.now();
    await once();
    repeats = Math.max(1, Math.ceil(minSampleMs / Math.max(performance.now() - start, 0.005)));
  }
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    if (before) await before(call);
    const start = performance.now();
    for (let r = 0; r < repeats; r++) {
      const result = fn(call++);
      sink.value = result instanceof Promise ? await result : result;
    }
    times.push((performance.now() - start) / repeats);
  }
  return { times, repeats };
}

/**
 * Two cases interleaved, call by call (a b, b a, a b, …), so that both see the same machine: on a shared, noisy
 * machine their ratio then holds even when the load changes during the series. `before(which, index)` runs
 * untimed before each call (`which` 0 for a, 1 for b; `index` counts that case's calls).
 */
export async function samplePair(
  a: (index: number) => unknown,
  b: (index: number) => unknown,
  options: { warmup?: number; samples: number; before?: (which: 0 | 1, index: number) => unknown },
): Promise<[PageSamples, PageSamples]> {
  const { warmup = 2, samples, before } = options;
  const fns = [a, b] as const;
  const calls = [0, 0];
  const times: [number[], number[]] = [[], []];
  const once = async (which: 0 | 1, timed: boolean): Promise<void> => {
    const index = calls[which]!++;
    if (before) await before(which, index);
    const start = performance.now();
    const result = fns[which](index);
    sink.value = result instanceof Promise ? await result : result;
    if (timed) times[which].push(performance.now() - start);
  };
  collectGarbage();
  for (let i = 0; i < warmup; i++) {
    await once(0, false);
    await once(1, false);
  }
  for (let s = 0; s < samples; s++) {
    const first = s % 2 === 0 ? 0 : 1;
    await once(first, true);
    await once(first === 0 ? 1 : 0, true);
  }
  return [
    { times: times[0], repeats: 1 },
    { times: times[1], repeats: 1 },
  ];
}
