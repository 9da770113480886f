const TWO_32 = 4294967296;

/**
 * 64-bit FNV-1a of a string's UTF-8 bytes, as 16 hex digits. Computed on two 32-bit halves so that it stays
 * exact without BigInt: the FNV prime is 2⁴⁰ + 0x1b3, so `h · prime = h · 0x1b3 + (h << 40)` mod 2⁶⁴. Integer
 * operations only (`Math.imul`, `>>> 0`) in an indexed loop: a large split's listing is megabytes of paths.
 */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]!) >>> 0;
    const loProduct = lo * 0x1b3; // < 2⁴¹: exact in a double
    const low = loProduct >>> 0;
    const carry = (loProduct - low) / TWO_32;
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * The identity of an imported folder: FNV-1a 64 over the layout kind, the source's name and its sorted file
 * paths. It is a LISTING hash: it changes when a file is added, removed or renamed, not when a file's bytes
 * change (hashing the bytes of every sweep would cost a full read of the scene; that comes later). `variant`
 * tells apart scenes read differently from one folder (one nuScenes scene of many, with or without sweeps);
 * empty, it leaves the hash as it always was.
 */
export function hashListing(kind: string, name: string, paths: readonly string[], variant = ''): string {
  return fnv1a64([kind, name, ...(variant ? [`@${variant}`] : []), ...[...paths].sort()].join('\n'));
}
