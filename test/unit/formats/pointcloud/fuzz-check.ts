import { measureBounds, type PointCloud } from '../../../../src/core/model/point-cloud';
import type { Random } from '../../../../src/core/math/random';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { packedPositions, viewsFit } from './packed';

/** A reader under test: bytes and a file name in, a cloud (or a promise of one) out. */
export type Reader = (bytes: Uint8Array, fileName: string) => PointCloud | Promise<PointCloud>;

/** One mutated input: what was done to it, and its bytes. */
export interface FuzzCase {
  label: string;
  bytes: Uint8Array;
}

/** No fuzz input here is above 300 kB; nothing a reader makes of one may need more than this in one piece. */
const MAX_ALLOCATION = 64 * 1024 * 1024;
/** A case slower than this counts as a hang (real decodes of these inputs take ~1 ms). */
const MAX_CASE_MS = 1000;

/**
 * Runs every case through `read` and returns a description of each one that broke the contract: a cloud
 * that is not valid, an error that is not a `FormatError` starting with the file name, an allocation above
 * 64 MiB (typed arrays and ArrayBuffers are swapped for checking subclasses while the cases run), or a case
 * that took longer than a second.
 */
export async function findContractBreaks(read: Reader, fileName: string, cases: FuzzCase[]): Promise<string[]> {
  const breaks: string[] = [];
  const restore = guardAllocations();
  try {
    for (const { label, bytes } of cases) {
      const started = performance.now();
      let problem: string | undefined;
      try {
        problem = checkCloud(await read(bytes, fileName));
      } catch (error) {
        const ok = error instanceof FormatError && error.message.startsWith(`${fileName}: `);
        if (!ok) problem = `threw ${String(error).slice(0, 160)}`;
      }
      const ms = performance.now() - started;
      if (ms > MAX_CASE_MS) problem = `took ${Math.round(ms)} ms`;
      if (problem) breaks.push(`${label}: ${problem}`);
    }
  } finally {
    restore();
  }
  return breaks;
}

/** Undefined for a valid cloud, else what is wrong with it. */
function checkCloud(cloud: PointCloud): string | undefined {
  const { count, positions } = cloud;
  if (!Number.isInteger(count) || count < 0) return `count ${count}`;
  const arrays = [positions, ...Object.values(cloud.attributes)];
  if (!arrays.every((a) => a instanceof Float32Array) || !viewsFit(cloud)) return 'arrays of the wrong length';
  const bounds = measureBounds(cloud);
  const corners = [...bounds.min, ...bounds.max];
  if (corners.length !== 6 || !corners.every(Number.isFinite)) return `bounds ${JSON.stringify(bounds)}`;
  const xyz = packedPositions(cloud);
  for (let i = 0; i < xyz.length; i++) if (!Number.isFinite(xyz[i])) return `position ${i} not finite`;
  return undefined;
}

/** Cuts at every offset up to `headerEnd` and at `spread` more offsets spread over the rest. */
export function makeTruncations(bytes: Uint8Array, headerEnd: number, spread = 40): FuzzCase[] {
  const ends = new Set<number>();
  for (let end = 0; end <= Math.min(headerEnd, bytes.length - 1); end++) ends.add(end);
  for (let k = 1; k <= spread; k++) ends.add(Math.floor((bytes.length * k) / (spread + 1)));
  ends.add(bytes.length - 1);
  return [...ends].map((end) => ({ label: `cut at ${end}`, bytes: bytes.slice(0, end) }));
}

/**
 * `count` copies with 1–4 bytes set to random values; half of them hit the first `headerEnd` bytes, where a
 * flip changes the meaning of everything after it.
 */
export function makeByteFlips(bytes: Uint8Array, headerEnd: number, count: number, random: Random): FuzzCase[] {
  return Array.from({ length: count }, (_, k) => {
    const copy = bytes.slice();
    const flips = 1 + Math.floor(random() * 4);
    const where: string[] = [];
    for (let f = 0; f < flips; f++) {
      const range = k % 2 === 0 ? Math.min(headerEnd, bytes.length) : bytes.length;
      const at = Math.floor(random() * range);
      copy[at] = Math.floor(random() * 256);
      where.push(`${at}=${copy[at]}`);
    }
    return { label: `flip ${where.join(',')}`, bytes: copy };
  });
}

type Constructor = new (...args: never[]) => object;

/** Replaces the allocating constructors on `globalThis` with subclasses that refuse absurd sizes. */
function guardAllocations(): () => void {
  const names = ['ArrayBuffer', 'Uint8Array', 'Uint32Array', 'Float32Array', 'Float64Array'] as const;
  const host = globalThis as unknown as Record<string, Constructor>;
  const originals = names.map((name) => host[name]!);
  names.forEach((name, i) => {
    const Base = originals[i]! as unknown as new (...args: unknown[]) => object;
    const bytesPer = name === 'ArrayBuffer' ? 1 : (Base as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    host[name] = class extends Base {
      constructor(...args: unknown[]) {
        const size = args[0];
        if (typeof size === 'number' && size * bytesPer > MAX_ALLOCATION) {
          throw new Error(`absurd allocation: ${name}(${size})`);
        }
        super(...args);
      }
    };
  });
  return () => names.forEach((name, i) => (host[name] = originals[i]!));
}
