/** Builds a small PCD file in a test: a header from `lines` (no DATA line) followed by `DATA <encoding>` and `body`. */
export function makePcd(lines: string[], encoding: string, body: Uint8Array | string): Uint8Array {
  const header = new TextEncoder().encode(`${lines.join('\n')}\nDATA ${encoding}\n`);
  const data = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}

/** Little-endian bytes written field by field, as a PCD binary body is. */
export class ByteWriter {
  private bytes: number[] = [];

  f32(v: number) {
    return this.put(4, (d) => d.setFloat32(0, v, true));
  }
  f64(v: number) {
    return this.put(8, (d) => d.setFloat64(0, v, true));
  }
  u8(v: number) {
    return this.put(1, (d) => d.setUint8(0, v));
  }
  i8(v: number) {
    return this.put(1, (d) => d.setInt8(0, v));
  }
  u16(v: number) {
    return this.put(2, (d) => d.setUint16(0, v, true));
  }
  i16(v: number) {
    return this.put(2, (d) => d.setInt16(0, v, true));
  }
  u32(v: number) {
    return this.put(4, (d) => d.setUint32(0, v, true));
  }
  i32(v: number) {
    return this.put(4, (d) => d.setInt32(0, v, true));
  }
  u64(v: bigint) {
    return this.put(8, (d) => d.setBigUint64(0, v, true));
  }
  i64(v: bigint) {
    return this.put(8, (d) => d.setBigInt64(0, v, true));
  }
  toBytes(): Uint8Array {
    return new Uint8Array(this.bytes);
  }

  private put(size: number, write: (d: DataView) => void): this {
    const d = new DataView(new ArrayBuffer(size));
    write(d);
    this.bytes.push(...new Uint8Array(d.buffer));
    return this;
  }
}
