import { PCDLoader as LoadersGlPcdLoader } from '@loaders.gl/pcd';
import { PCDLoader as ThreePcdLoader } from 'three/addons/loaders/PCDLoader.js';

/**
 * The decoders PERFORMANCE.md measures Frustum against, called the way an app calls them on bytes already in
 * memory: three.js `PCDLoader.parse` and loaders.gl's synchronous PCD parser (what `parse(bytes, PCDLoader)`
 * from @loaders.gl/core runs, minus its async dispatch, so that the anchor is the parser, not the plumbing).
 * Each returns the decoded positions so that a run can check them once before timing.
 */
const threeLoader = new ThreePcdLoader();

export function decodeWithThree(file: ArrayBuffer): Float32Array {
  const points = threeLoader.parse(file);
  return points.geometry.getAttribute('position').array as Float32Array;
}

export function decodeWithLoadersGl(file: ArrayBuffer): Float32Array {
  const mesh = LoadersGlPcdLoader.parseSync(file);
  const position = mesh.attributes['POSITION'];
  if (!position) throw new Error('loaders.gl PCD gave no POSITION attribute');
  return position.value as Float32Array;
}

/** The file's own ArrayBuffer when the view covers all of it (what a fetch or File gives), else a copy. */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
    return bytes.buffer;
  return bytes.slice().buffer;
}
