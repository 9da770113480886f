/**
 * Mixes a scene seed and a stream number (a frame index, or a fixed id for the layout) into one 32-bit seed for
 * `createRandom`, so that each frame draws its own independent stream: any frame can be made alone, in any order.
 */
export function hashSeed(seed: number, stream: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ (stream >>> 0), 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Stream numbers above any frame index, one per layout stage. */
export const LAYOUT_STREAM = 0x40000000;
export const ACTOR_STREAM = 0x40000001;
