/**
 * The most ArrayBuffer memory alive while a synchronous function runs, above what was alive before it, read from
 * node's own count (`process.memoryUsage().arrayBuffers`: every ArrayBuffer's backing store, garbage not yet
 * collected included).
 *
 * A decode is synchronous, so no timer can sample during it; the count only rises when a buffer is allocated,
 * so it is read after every allocation instead: the global ArrayBuffer and typed-array constructors are wrapped
 * (a Proxy that reads the count after constructing), and so are the `slice` methods, which allocate through the
 * built-in constructors. The count is read once more when the function returns. Allocations by other routes
 * (node's Buffer pool, WebAssembly memory) are seen at the next read only. Garbage is collected first (node
 * --expose-gc) so the baseline holds no earlier garbage; nothing is collected in between.
 */

const CONSTRUCTORS = [
  'ArrayBuffer',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

type Slice = (this: unknown, ...args: unknown[]) => unknown;

export interface PeakReading<T> {
  result: T;
  /** Bytes above the baseline at the highest reading. */
  peakBytes: number;
  /** Readings taken (allocations seen, plus the one at the end). */
  readings: number;
}

export function peakArrayBufferBytes<T>(fn: () => T): PeakReading<T> {
  (globalThis as { gc?: () => void }).gc?.();
  const count = () => process.memoryUsage().arrayBuffers;
  const baseline = count();
  let peak = baseline;
  let readings = 0;
  const read = () => {
    peak = Math.max(peak, count());
    readings++;
  };
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = CONSTRUCTORS.map((name) => [name, globals[name]] as const);
  const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as { slice: Slice };
  const slices = [
    [ArrayBuffer.prototype as unknown as { slice: Slice }, ArrayBuffer.prototype.slice as Slice],
    [typedArrayPrototype, typedArrayPrototype.slice],
  ] as const;
  try {
    for (const [name, original] of saved) {
      const target = original as new (...args: unknown[]) => object;
      const proxy: object = new Proxy(target, {
        construct(t, args, newTarget) {
          const made = Reflect.construct(t, args, newTarget === proxy ? t : newTarget);
          read();
          return made;
        },
      });
      globals[name] = proxy;
    }
    for (const [prototype, original] of slices) {
      prototype.slice = function (this: unknown, ...args: unknown[]) {
        const made = original.apply(this, args);
        read();
        return made;
      };
    }
    const result = fn();
    read();
    return { result, peakBytes: peak - baseline, readings };
  } finally {
    for (const [name, original] of saved) globals[name] = original;
    for (const [prototype, original] of slices) prototype.slice = original;
  }
}
