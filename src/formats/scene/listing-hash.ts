const TWO_32 = 4294967296;

/**
 * 64-bit FNV-1a of a string's UTF-8 bytes, as 16 hex digits. Computed on two 32-bit halves so that it stays
 * exact without BigInt: the FNV prime is 2⁴⁰ + 0x1b3, so `h · prime = h · 0x1b3 + (h << 40)` mod 2⁶⁴.
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of new TextEncoder().encode(text)) {
    lo = (lo ^ byte) >>> 0;
    const loProduct = lo * 0x1b3; // < 2⁴¹: exact in a double
    const carry = Math.floor(loProduct / TWO_32);
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) % TWO_32;
    lo = loProduct % TWO_32;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * The identity of an imported folder: FNV-1a 64 over the layout kind, the source's name and its sorted file
 * paths. It is a LISTING hash: it changes when a file is added, removed or renamed, not when a file's bytes
 * change (hashing the bytes of every sweep would cost a full read of the scene; that comes later).
 */
export function hashListing(kind: string, name: string, paths: readonly string[]): string {
  return fnv1a64([kind, name, ...[...paths].sort()].join('\n'));
}
