import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { readLas } from '../../../../src/formats/pointcloud/read-las';
import { readPointCloudFile } from '../../../../src/formats/pointcloud/read-point-cloud-file';
import { readPointCloudFileAsync } from '../../../../src/formats/pointcloud/read-point-cloud-file-async';
import { makeLas, makeLasPoints } from './make-las';

const las = makeLas(makeLasPoints(10, 1), { format: 1 });

/** A copy of `bytes` with `edit` applied to a DataView of it. */
function patch(bytes: Uint8Array, edit: (d: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer));
  return copy;
}

function expectFormatError(read: () => unknown, fileName: string, problem: RegExp) {
  let error: unknown;
  try {
    read();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FormatError);
  expect((error as Error).message.startsWith(`${fileName}: `)).toBe(true);
  expect((error as Error).message).toMatch(problem);
}

describe('readLas on bad input', () => {
  it('rejects what is not LAS, and versions it does not know', () => {
    expectFormatError(() => readLas(new Uint8Array(10), 'zero.las'), 'zero.las', /not a LAS file/);
    expectFormatError(() => readLas(las.subarray(0, 200), 'short.las'), 'short.las', /truncated header/);
    const v2 = patch(las, (d) => d.setUint8(24, 2));
    expectFormatError(() => readLas(v2, 'v2.las'), 'v2.las', /unsupported LAS version 2.2/);
    const v15 = patch(las, (d) => d.setUint8(25, 5));
    expectFormatError(() => readLas(v15, 'v15.las'), 'v15.las', /unsupported LAS version 1.5/);
  });

  it('rejects a compressed file with a pointer to readLaz', () => {
    const laz = makeLas(makeLasPoints(3, 1), { format: 1, compressed: true });
    expectFormatError(() => readLas(laz, 'c.las'), 'c.las', /LASzip-compressed \(LAZ\): read it with readLaz/);
  });

  it('rejects bad formats, record lengths, offsets and scales', () => {
    const format11 = patch(las, (d) => d.setUint8(104, 11));
    expectFormatError(() => readLas(format11, 'f.las'), 'f.las', /unknown LAS point data format 11/);
    const short = patch(las, (d) => d.setUint16(105, 27, true));
    expectFormatError(() => readLas(short, 'r.las'), 'r.las', /record length 27 is below format 1's 28/);
    const zero = patch(las, (d) => d.setUint16(105, 0, true));
    expectFormatError(() => readLas(zero, 'r0.las'), 'r0.las', /record length 0/);
    const past = patch(las, (d) => d.setUint32(96, las.length + 1, true));
    expectFormatError(() => readLas(past, 'o.las'), 'o.las', /point data offset \d+ is outside the file/);
    const inHeader = patch(las, (d) => d.setUint32(96, 100, true));
    expectFormatError(() => readLas(inHeader, 'h.las'), 'h.las', /point data offset 100/);
    const headerSize = patch(las, (d) => d.setUint16(94, 100, true));
    expectFormatError(() => readLas(headerSize, 's.las'), 's.las', /size 100 is below 227/);
    const scale = patch(las, (d) => d.setFloat64(139, 0, true));
    expectFormatError(() => readLas(scale, 'k.las'), 'k.las', /y scale 0 and offset/);
    const huge = patch(las, (d) => d.setFloat64(147, 1e300, true));
    expectFormatError(() => readLas(huge, 'u.las'), 'u.las', /z scale 1e\+300/);
    const nan = patch(las, (d) => d.setFloat64(155, NaN, true));
    expectFormatError(() => readLas(nan, 'n.las'), 'n.las', /x scale 0.001 and offset NaN/);
  });

  it('rejects a point count beyond the bytes, before allocating for it', () => {
    expectFormatError(
      () => readLas(las.subarray(0, las.length - 1), 't.las'),
      't.las',
      /truncated: 10 points of 28 bytes/,
    );
    const billions = patch(las, (d) => d.setUint32(107, 0xffffffff, true));
    expectFormatError(() => readLas(billions, 'b.las'), 'b.las', /truncated: 4294967295 points/);
    const v14 = makeLas(makeLasPoints(2, 1), { format: 6 });
    const quintillion = patch(v14, (d) => d.setBigUint64(247, 2n ** 63n, true));
    expectFormatError(() => readLas(quintillion, 'q.las'), 'q.las', /truncated: 9223372036854776000 points/);
  });
});

describe('choosing the LAS and LAZ readers by name', () => {
  it('reads .las synchronously and refuses .laz there', () => {
    expect(readPointCloudFile(las, 'A.LAS')).toMatchObject({ format: 'las', count: 10 });
    expectFormatError(() => readPointCloudFile(las, 'a.laz'), 'a.laz', /readPointCloudFileAsync/);
  });

  it('reads every format through readPointCloudFileAsync', async () => {
    await expect(readPointCloudFileAsync(las, 'x.las')).resolves.toMatchObject({ format: 'las' });
    // A .laz whose points are not compressed is read as LAS.
    await expect(readPointCloudFileAsync(las, 'x.laz')).resolves.toMatchObject({ format: 'las', count: 10 });
    await expect(readPointCloudFileAsync(las, 'x.txt')).rejects.toThrow(/^x.txt: unknown point-cloud file type/);
  });
});
