/**
 * Counts the bytes a page sends to the GPU, by wrapping the upload entry points before any app code runs:
 * WebGPU `GPUQueue.writeBuffer` / `writeTexture` / `copyExternalImageToTexture` and `GPUDevice.createBuffer`
 * with `mappedAtCreation` (three.js fills new vertex buffers that way, not with writeBuffer); WebGL2
 * `bufferData` / `bufferSubData` with data, and the `tex(Sub)Image2D/3D` family. Uploads are sorted by what
 * they feed: uniform buffers (camera and object matrices), vertex/index/storage data, textures.
 */
export type UploadKind = 'uniform' | 'attribute' | 'texture';

export interface UploadTally {
  uniform: number;
  attribute: number;
  texture: number;
  /** Bytes by buffer name (WebGPU buffer label; on WebGL2 the call, which has no name), uniform uploads only. */
  uniformNames: Record<string, number>;
  /** The same for everything else, so that an unexpected upload can be named. */
  dataNames: Record<string, number>;
  calls: number;
}

export function emptyTally(): UploadTally {
  return { uniform: 0, attribute: 0, texture: 0, uniformNames: {}, dataNames: {}, calls: 0 };
}

let tally = emptyTally();

/** The uploads since the last call, and a fresh tally. */
export function takeUploads(): UploadTally {
  const out = tally;
  tally = emptyTally();
  return out;
}

function record(kind: UploadKind, bytes: number, name?: string): void {
  if (!(bytes > 0)) return;
  tally[kind] += bytes;
  tally.calls++;
  if (kind !== 'uniform' && (globalThis as { uploadStacks?: string[] }).uploadStacks) {
    (globalThis as { uploadStacks?: string[] }).uploadStacks!.push(`${bytes} B ${new Error().stack}`);
  }
  const names = kind === 'uniform' ? tally.uniformNames : tally.dataNames;
  const key = name || `unnamed ${kind}`;
  names[key] = (names[key] ?? 0) + bytes;
}

/** Bytes of `data` from element `offset` for `length` elements (both in elements of a typed array, else bytes). */
function spanBytes(data: ArrayBufferView | ArrayBuffer, offset = 0, length?: number): number {
  const element =
    ArrayBuffer.isView(data) && 'BYTES_PER_ELEMENT' in data
      ? (data as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT
      : 1;
  if (length !== undefined) return length * element;
  return data.byteLength - offset * element;
}

function gpuBufferKind(usage: number): UploadKind {
  return usage & GPUBufferUsage.UNIFORM ? 'uniform' : 'attribute';
}

function wrapWebGpu(): void {
  if (typeof GPUQueue === 'undefined') return;
  const queue = GPUQueue.prototype;
  const writeBuffer = queue.writeBuffer;
  queue.writeBuffer = function (
    this: GPUQueue,
    buffer: GPUBuffer,
    offset: number,
    data: never,
    dataOffset?: number,
    size?: number,
  ) {
    record(gpuBufferKind(buffer.usage), spanBytes(data, dataOffset, size), buffer.label);
    return writeBuffer.call(this, buffer, offset, data, dataOffset, size);
  } as typeof queue.writeBuffer;
  const writeTexture = queue.writeTexture as (...args: unknown[]) => void;
  queue.writeTexture = function (this: GPUQueue, ...args: unknown[]) {
    record('texture', spanBytes(args[1] as ArrayBufferView | ArrayBuffer), 'writeTexture');
    return writeTexture.apply(this, args);
  } as typeof queue.writeTexture;
  const copyExternal = queue.copyExternalImageToTexture;
  queue.copyExternalImageToTexture = function (this: GPUQueue, source, destination, size) {
    const extent = size as { width?: number; height?: number } & number[];
    const width = extent.width ?? extent[0] ?? 0;
    const height = extent.height ?? extent[1] ?? 1;
    record('texture', width * height * 4, 'copyExternalImageToTexture');
    return copyExternal.call(this, source, destination, size);
  };
  const device = GPUDevice.prototype;
  const createBuffer = device.createBuffer;
  device.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
    // Contents written through getMappedRange() reach the GPU at unmap(): count them as uploaded.
    if (descriptor.mappedAtCreation) record(gpuBufferKind(descriptor.usage), descriptor.size, descriptor.label);
    return createBuffer.call(this, descriptor);
  };
}

function wrapWebGl2(): void {
  if (typeof WebGL2RenderingContext === 'undefined') return;
  const gl = WebGL2RenderingContext.prototype;
  const UNIFORM = WebGL2RenderingContext.UNIFORM_BUFFER;
  const kindOf = (target: number): UploadKind => (target === UNIFORM ? 'uniform' : 'attribute');
  const targetName = (target: number): string =>
    ({ [UNIFORM]: 'UNIFORM_BUFFER', [WebGL2RenderingContext.ARRAY_BUFFER]: 'ARRAY_BUFFER' })[target] ??
    `buffer target 0x${target.toString(16)}`;
  const bufferData = gl.bufferData as (...args: unknown[]) => void;
  gl.bufferData = function (this: WebGL2RenderingContext, ...args: unknown[]) {
    const [target, data, , srcOffset, length] = args as [
      number,
      number | ArrayBufferView | ArrayBuffer | null,
      number,
      number?,
      number?,
    ];
    if (data !== null && typeof data === 'object') {
      const bytes = spanBytes(data, srcOffset, length || undefined);
      record(kindOf(target), bytes, `${targetName(target)} bufferData`);
    }
    return bufferData.apply(this, args);
  } as typeof gl.bufferData;
  const bufferSubData = gl.bufferSubData as (...args: unknown[]) => void;
  gl.bufferSubData = function (this: WebGL2RenderingContext, ...args: unknown[]) {
    const [target, , data, srcOffset, length] = args as [
      number,
      number,
      ArrayBufferView | ArrayBuffer,
      number?,
      number?,
    ];
    const bytes = spanBytes(data, srcOffset, length || undefined);
    record(kindOf(target), bytes, `${targetName(target)} bufferSubData`);
    return bufferSubData.apply(this, args);
  } as typeof gl.bufferSubData;
  // Texture uploads: count pixels × 4 bytes (an estimate for formats other than RGBA8), data or image alike.
  for (const name of ['texImage2D', 'texSubImage2D', 'texImage3D', 'texSubImage3D'] as const) {
    const original = gl[name] as (...args: unknown[]) => void;
    (gl as unknown as Record<string, unknown>)[name] = function (this: WebGL2RenderingContext, ...args: unknown[]) {
      record('texture', textureBytes(args), name);
      return original.apply(this, args);
    };
  }
}

/** The bytes of a texImage call's data, or width × height × 4 of an image source; 0 for an allocation. */
function textureBytes(args: unknown[]): number {
  const source = args.find((a) => a !== null && typeof a === 'object') as
    { width?: number; height?: number; byteLength?: number; videoWidth?: number; videoHeight?: number } | undefined;
  if (!source) return 0;
  if (typeof source.byteLength === 'number') return source.byteLength;
  const width = source.videoWidth ?? source.width ?? 0;
  const height = source.videoHeight ?? source.height ?? 0;
  return width * height * 4;
}

wrapWebGpu();
wrapWebGl2();
