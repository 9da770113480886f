import { makeLas, makeLasPoints } from './make-las';
import { makePly, type TestElement } from './make-ply';
import { findPcdDataOffset, readSharedFile } from './shared-data';

/** A valid input for the fuzzer and where its header ends (the bytes whose corruption matters most). */
export interface FuzzInput {
  name: string;
  bytes: Uint8Array;
  headerEnd: number;
}

/**
 * A real PCL file cut to its first `points` points (header counts rewritten), so that a few hundred
 * decodes stay fast. Only for ascii and binary: compressed data cannot be cut.
 */
function shortenPcd(path: string, points: number, pointBytes: number | undefined): FuzzInput {
  const bytes = readSharedFile(path);
  const dataOffset = findPcdDataOffset(bytes);
  const header = new TextDecoder('latin1')
    .decode(bytes.subarray(0, dataOffset))
    .replace(/^WIDTH \d+/m, `WIDTH ${points}`)
    .replace(/^POINTS \d+/m, `POINTS ${points}`);
  const head = new TextEncoder().encode(header);
  let end = dataOffset;
  if (pointBytes === undefined) {
    for (let line = 0; line < points; end++) if (bytes[end] === 10) line++;
  } else end += points * pointBytes;
  const out = new Uint8Array(head.length + end - dataOffset);
  out.set(head);
  out.set(bytes.subarray(dataOffset, end), head.length);
  return { name: path.split('/').pop()!, bytes: out, headerEnd: head.length };
}

function sharedPcd(path: string): FuzzInput {
  const bytes = readSharedFile(path);
  return { name: path.split('/').pop()!, bytes, headerEnd: findPcdDataOffset(bytes) + 8 };
}

export function makePcdInputs(): FuzzInput[] {
  return [
    shortenPcd('pcd/pcl-generated/kitti000008_reduced_ascii.pcd', 300, undefined),
    shortenPcd('pcd/pcl-generated/kitti000008_reduced_binary.pcd', 300, 16),
    sharedPcd('pcd/pcl-generated/kitti000008_reduced_binary_compressed.pcd'),
    sharedPcd('pcd/edge-cases/ascii.pcd'),
    sharedPcd('pcd/edge-cases/test_v06_binary.pcd'),
  ];
}

/** The first `points` records of a real headerless sweep. */
export function sliceSweep(path: string, points: number, recordBytes: number): Uint8Array {
  return readSharedFile(path).slice(0, points * recordBytes);
}

const PLY_ELEMENTS: TestElement[] = [
  // A face element first, so that skipping lists is fuzzed too.
  { name: 'face', properties: [['list', 'uchar', 'int', 'vertex_indices']], rows: [[[0, 1, 2]], [[2, 3, 0, 1]]] },
  {
    name: 'vertex',
    properties: [
      ['float', 'x'],
      ['float', 'y'],
      ['float', 'z'],
      ['uchar', 'red'],
      ['ushort', 'intensity'],
    ],
    rows: Array.from({ length: 60 }, (_, i) => [i * 0.5, -i, 3 + i / 7, i % 256, i * 300]),
  },
];

export function makePlyInputs(): FuzzInput[] {
  return ['ascii', 'binary_little_endian', 'binary_big_endian'].map((encoding) => {
    const bytes = makePly(encoding, PLY_ELEMENTS);
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, 400));
    return { name: `${encoding}.ply`, bytes, headerEnd: text.indexOf('end_header') + 11 };
  });
}

export function makeLasInputs(): FuzzInput[] {
  return [
    { name: 'format1-v1.2.las', bytes: makeLas(makeLasPoints(60, 1), { format: 1 }), headerEnd: 227 },
    { name: 'format7-v1.4.las', bytes: makeLas(makeLasPoints(60, 2), { format: 7, extraBytes: 3 }), headerEnd: 375 },
  ];
}
