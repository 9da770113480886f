/** laz-perf's reader of a whole LAZ file in the module's heap (pointers are byte offsets into `HEAPU8`). */
export interface LazPerfFile {
  open(pointer: number, length: number): void;
  /** Decompresses the next point's record to `pointer`. */
  getPoint(pointer: number): void;
  getCount(): number;
  getPointLength(): number;
  getPointFormat(): number;
  delete(): void;
}

/** The parts of laz-perf's Emscripten module that this project calls. */
export interface LazPerfModule {
  /** Re-read after every allocation: the heap may grow, which replaces the buffer. */
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  stackSave(): number;
  stackRestore(pointer: number): void;
  LASZip: new () => LazPerfFile;
}

type CreateLazPerf = (options?: { locateFile?: (path: string) => string }) => Promise<LazPerfModule>;
/** laz-perf is CommonJS: node's import gives named exports, some bundlers only `default`. */
type LazPerfPackage = { createLazPerf?: CreateLazPerf; default?: { createLazPerf?: CreateLazPerf } };

let loading: Promise<LazPerfModule> | undefined;

/**
 * laz-perf's LAZ decoder (C++ compiled to WebAssembly), instantiated once on first use. The package is
 * ~300 kB, so it is only imported here, dynamically, when a LAZ file is read.
 *
 * The one environment switch: `import('laz-perf')` resolves by the package's own fields, to its node build
 * under node (vitest, the CLI, which keeps packages external), which reads its `.wasm` from beside itself,
 * and to its web build in a Vite browser or worker bundle, which must be told where Vite put the `.wasm`.
 */
export function loadLazPerf(): Promise<LazPerfModule> {
  loading ??= instantiateLazPerf().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Drops the instance, e.g. after it aborted; the next `loadLazPerf` makes a fresh one. */
export function forgetLazPerf(): void {
  loading = undefined;
}

async function instantiateLazPerf(): Promise<LazPerfModule> {
  const lazPerf = (await import('laz-perf')) as unknown as LazPerfPackage;
  const create = lazPerf.createLazPerf ?? lazPerf.default?.createLazPerf;
  if (!create) throw new Error('laz-perf has no createLazPerf export');
  if (runsInNode()) return create();
  const { default: wasmUrl } = await import('laz-perf/lib/web/laz-perf.wasm?url');
  return create({ locateFile: () => wasmUrl });
}

function runsInNode(): boolean {
  const host = globalThis as { process?: { versions?: { node?: unknown } } };
  return typeof host.process?.versions?.node === 'string';
}
