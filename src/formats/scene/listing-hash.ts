/**
 * 64-bit FNV-1a of a string's UTF-8 bytes, as 16 hex digits. Computed on four 16-bit limbs so that it stays
 * exact without BigInt and every product fits a small integer: the FNV prime is 2⁴⁰ + 0x1b3, so
 * `h · prime = h · 0x1b3 + (h << 40)` mod 2⁶⁴, the shift landing 8 bits into the third limb. A large split's
 * listing is megabytes of paths: this runs at a few hundred MB/s.
 */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let h0 = 0x2325,
    h1 = 0x8422,
    h2 = 0x9ce4,
    h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  const hex = (v: number) => v.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
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
