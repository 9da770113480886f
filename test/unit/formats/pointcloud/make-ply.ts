/** A PLY element for a test file: properties as `[type, name]` (or `['list', countType, itemType, name]`). */
export interface TestElement {
  name: string;
  properties: string[][];
  rows: (number | number[])[][];
}

const SETTERS: Record<string, [number, (d: DataView, o: number, v: number, le: boolean) => void]> = {
  char: [1, (d, o, v) => d.setInt8(o, v)],
  int8: [1, (d, o, v) => d.setInt8(o, v)],
  uchar: [1, (d, o, v) => d.setUint8(o, v)],
  uint8: [1, (d, o, v) => d.setUint8(o, v)],
  short: [2, (d, o, v, le) => d.setInt16(o, v, le)],
  int16: [2, (d, o, v, le) => d.setInt16(o, v, le)],
  ushort: [2, (d, o, v, le) => d.setUint16(o, v, le)],
  uint16: [2, (d, o, v, le) => d.setUint16(o, v, le)],
  int: [4, (d, o, v, le) => d.setInt32(o, v, le)],
  int32: [4, (d, o, v, le) => d.setInt32(o, v, le)],
  uint: [4, (d, o, v, le) => d.setUint32(o, v, le)],
  uint32: [4, (d, o, v, le) => d.setUint32(o, v, le)],
  float: [4, (d, o, v, le) => d.setFloat32(o, v, le)],
  float32: [4, (d, o, v, le) => d.setFloat32(o, v, le)],
  double: [8, (d, o, v, le) => d.setFloat64(o, v, le)],
  float64: [8, (d, o, v, le) => d.setFloat64(o, v, le)],
};

/** Writes a PLY file in a test, independently of the reader: header, then each element's rows. */
export function makePly(encoding: string, elements: TestElement[]): Uint8Array {
  const header = ['ply', `format ${encoding} 1.0`, 'comment made by a test'];
  for (const e of elements) {
    header.push(`element ${e.name} ${e.rows.length}`, ...e.properties.map((p) => `property ${p.join(' ')}`));
  }
  header.push('end_header', '');
  const head = new TextEncoder().encode(header.join('\n'));
  if (encoding === 'ascii') {
    const rows = elements.flatMap((e) =>
      e.rows.map((r) => r.map((v) => (Array.isArray(v) ? `${v.length} ${v.join(' ')}` : v)).join(' ')),
    );
    return concat(head, new TextEncoder().encode(rows.join('\n') + '\n'));
  }
  const le = encoding === 'binary_little_endian';
  const bytes: number[] = [];
  const put = (type: string, v: number) => {
    const [size, set] = SETTERS[type]!;
    const d = new DataView(new ArrayBuffer(size));
    set(d, 0, v, le);
    bytes.push(...new Uint8Array(d.buffer));
  };
  for (const e of elements) {
    for (const row of e.rows) {
      e.properties.forEach((p, i) => {
        const value = row[i]!;
        if (!Array.isArray(value)) return put(p[0]!, value);
        put(p[1]!, value.length);
        for (const item of value) put(p[2]!, item);
      });
    }
  }
  return concat(head, new Uint8Array(bytes));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
