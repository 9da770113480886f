import type { FuzzCase } from './fuzz-check';
import { ByteWriter, makePcd } from './make-pcd';
import { makePly } from './make-ply';

// Headers no writer would produce: counts and sizes far beyond the bytes, unknown types, mismatched lists.

const xyz = new ByteWriter().f32(1).f32(2).f32(3).f32(4).f32(5).f32(6).toBytes();
/** A PCD with the given header lines (FIELDS x y z unless overridden) and a body. */
function pcd(lines: string[], encoding = 'binary', body: Uint8Array | string = xyz): FuzzCase {
  const fields = lines.some((l) => l.startsWith('FIELDS')) ? [] : ['FIELDS x y z'];
  return { label: `${encoding} ${lines.join(' | ')}`, bytes: makePcd([...fields, ...lines], encoding, body) };
}

function compressedBody(compressedSize: number, uncompressedSize: number): Uint8Array {
  return new ByteWriter().u32(compressedSize).u32(uncompressedSize).u8(0).u8(7).toBytes();
}

export const ABSURD_PCDS: FuzzCase[] = [
  ...['binary', 'ascii', 'binary_compressed'].flatMap((encoding) => [
    pcd(['POINTS 1000000000000'], encoding, encoding === 'ascii' ? '1 2 3\n' : xyz),
    pcd(['POINTS 1e300'], encoding),
    pcd(['POINTS -5'], encoding),
    pcd(['SIZE 3 4 4', 'POINTS 2'], encoding),
    pcd(['WIDTH -1', 'POINTS 2'], encoding),
    pcd(['WIDTH 2', 'HEIGHT 0', 'POINTS 2'], encoding),
    pcd(['WIDTH 1000000000000', 'HEIGHT 1000000000000'], encoding),
    pcd(['COUNT 1000000000 1 1', 'POINTS 2'], encoding),
    pcd(['COUNT 1e300 1 1', 'POINTS 0'], encoding),
    pcd(['COUNT 1 1 1000000000', 'POINTS 1'], encoding, encoding === 'ascii' ? '1 2 3\n' : xyz),
    pcd(['SIZE 4 4', 'POINTS 2'], encoding),
    pcd(['TYPE F F F F', 'POINTS 2'], encoding),
    pcd(['FIELDS x y z w', 'SIZE 4 4 4', 'TYPE F F F F', 'POINTS 1'], encoding),
    pcd(['VIEWPOINT 0 0 0 1 0 0', 'POINTS 2'], encoding),
  ]),
  pcd(['POINTS 2'], 'foo'),
  pcd(['POINTS 2'], 'binary_compressed', compressedBody(0xffffffff, 24)),
  pcd(['POINTS 2'], 'binary_compressed', compressedBody(2, 0xffffffff)),
  pcd(['POINTS 2'], 'binary_compressed', compressedBody(0xffffffff, 0xffffffff)),
  pcd(['POINTS 2'], 'binary_compressed', compressedBody(0, 24)),
  // Sizes that agree with each other and with POINTS: 1431655765 points of 3 bytes claim 4 GiB from 2 bytes.
  pcd(['SIZE 1 1 1', 'TYPE U U U', 'POINTS 1431655765'], 'binary_compressed', compressedBody(2, 0xffffffff)),
  pcd(['SIZE 4 4 4', 'POINTS 100000000'], 'binary_compressed', compressedBody(2, 1_200_000_000)),
  pcd(['POINTS 1'], 'ascii', `${'1'.repeat(1_000_000)} 2 3\n`),
  pcd(['POINTS 1'], 'ascii', `${'e'.repeat(1_000_000)} 2 3\n`),
  pcd([`FIELDS x y z ${'w'.repeat(70_000)}`, 'POINTS 1'], 'ascii', '1 2 3 4\n'),
  { label: 'empty file', bytes: new Uint8Array(0) },
  { label: 'header only', bytes: new TextEncoder().encode('VERSION .7\nFIELDS x y z\n') },
];

const VERTEX = 'property float x\nproperty float y\nproperty float z';
function ply(header: string, body: Uint8Array | string = ''): FuzzCase {
  const text = `ply\n${header}\nend_header\n`;
  const head = new TextEncoder().encode(text);
  const tail = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const bytes = new Uint8Array(head.length + tail.length);
  bytes.set(head);
  bytes.set(tail, head.length);
  return { label: header.replace(/\n/g, ' | '), bytes };
}

export const ABSURD_PLYS: FuzzCase[] = [
  ply(`format binary_little_endian 1.0\nelement vertex 1000000000000\n${VERTEX}`, xyz),
  ply(`format ascii 1.0\nelement vertex 1000000000000\n${VERTEX}`, '1 2 3\n'),
  ply(`format ascii 1.0\nelement vertex 1e12\n${VERTEX}`, '1 2 3\n'),
  ply(`format binary_little_endian 1.0\nelement vertex -1\n${VERTEX}`, xyz),
  ply(`format binary_little_endian 1.0\nelement vertex 2\nproperty float128 x\n${VERTEX}`, xyz),
  ply(`format binary_little_endian 1.0\nelement vertex 2\n${VERTEX}\nproperty list uchar float128 n`, xyz),
  ply(`format binary_little_endian 1.0\nelement vertex 2\n${VERTEX}\nproperty list uint float n`, xyz),
  ply(`format binary_middle_endian 1.0\nelement vertex 2\n${VERTEX}`, xyz),
  ply(`element vertex 2\n${VERTEX}`, xyz),
  ply(
    `format binary_little_endian 1.0\nelement face 1000000000000\nproperty list uint int i\nelement vertex 2\n${VERTEX}`,
    new ByteWriter().u32(0xffffffff).toBytes(),
  ),
  ply(`format binary_little_endian 1.0\nelement face 1000000000000\nproperty int i\nelement vertex 2\n${VERTEX}`, xyz),
  ply(
    `format ascii 1.0\nelement face 1000000000000\nproperty list uchar int i\nelement vertex 1\n${VERTEX}`,
    '3 0 1 2\n',
  ),
  ply('format ascii 1.0\nelement vertex 1\nproperty float x', '1\n'),
  ply(`format ascii 1.0\nelement vertex 1\n${VERTEX}`, `${'9'.repeat(1_000_000)} 2 3\n`),
  makeTruncatedPly(),
];

/** A binary PLY whose header promises more vertices than follow. */
function makeTruncatedPly(): FuzzCase {
  const bytes = makePly('binary_little_endian', [
    {
      name: 'vertex',
      properties: [
        ['float', 'x'],
        ['float', 'y'],
        ['float', 'z'],
      ],
      rows: [[1, 2, 3]],
    },
  ]);
  return { label: 'one vertex short', bytes: bytes.subarray(0, bytes.length - 1) };
}

/** A copy of `bytes` with `edit` applied through a DataView. */
function patched(label: string, bytes: Uint8Array, edit: (d: DataView) => void): FuzzCase {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer));
  return { label, bytes: copy };
}

export function makeAbsurdLasHeaders(bytes: Uint8Array): FuzzCase[] {
  return [
    patched('legacy count 0xFFFFFFFF', bytes, (d) => d.setUint32(107, 0xffffffff, true)),
    patched('1.4 count 2^63', bytes, (d) => d.setBigUint64(247, 2n ** 63n, true)),
    patched('1.4 count 2^53 + 1', bytes, (d) => d.setBigUint64(247, 2n ** 53n + 1n, true)),
    ...[0, 1, 19, 65535].map((n) => patched(`record length ${n}`, bytes, (d) => d.setUint16(105, n, true))),
    ...[0, 0xffffffff, bytes.length + 1].map((n) =>
      patched(`point offset ${n}`, bytes, (d) => d.setUint32(96, n, true)),
    ),
    ...[0, 65535].map((n) => patched(`header size ${n}`, bytes, (d) => d.setUint16(94, n, true))),
    patched('VLR count 0xFFFFFFFF', bytes, (d) => d.setUint32(100, 0xffffffff, true)),
    ...[0xff, 0xc1, 0x8a, 0x4b].map((n) => patched(`format byte ${n}`, bytes, (d) => d.setUint8(104, n))),
    ...[NaN, 0, 1e308, -1e-320].map((v) => patched(`x scale ${v}`, bytes, (d) => d.setFloat64(131, v, true))),
    ...[Infinity, 1e29].map((v) => patched(`z offset ${v}`, bytes, (d) => d.setFloat64(171, v, true))),
    ...[NaN, Infinity, 1e308, -1e308].map((v) => patched(`bounds ${v}`, bytes, (d) => d.setFloat64(187, v, true))),
    patched('version 1.9', bytes, (d) => d.setUint8(25, 9)),
  ];
}
