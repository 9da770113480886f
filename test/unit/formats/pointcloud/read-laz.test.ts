import { describe, expect, it } from 'vitest';
import { decompressLaz } from '../../../../src/formats/pointcloud/decompress-laz';
import { FormatError } from '../../../../src/formats/pointcloud/format-error';
import { parseLasHeader } from '../../../../src/formats/pointcloud/las-header';
import { loadLazPerf } from '../../../../src/formats/pointcloud/load-laz-perf';
import { readLas } from '../../../../src/formats/pointcloud/read-las';
import { readLaz } from '../../../../src/formats/pointcloud/read-laz';
import { readPointCloudFileAsync } from '../../../../src/formats/pointcloud/read-point-cloud-file-async';
import { LAZ_FIXTURES, makeFixtureLas, readLazFixture } from './laz-fixtures';
import { makeLas, makeLasPoints } from './make-las';

const fixture = LAZ_FIXTURES[1]!; // format 1, LAS 1.3, three chunks of 50
const laz = readLazFixture(fixture);

function patch(bytes: Uint8Array, edit: (d: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer));
  return copy;
}

/** LASzip's VLR: compressor, coder, version 3.4.3, options, chunk size, no special EVLRs, no items listed. */
function makeLaszipVlr(compressor: number, chunkSize: number) {
  const data = new Uint8Array(34);
  const d = new DataView(data.buffer);
  d.setUint16(0, compressor, true);
  d.setUint8(4, 3);
  d.setUint8(5, 4);
  d.setUint32(12, chunkSize, true);
  d.setBigInt64(16, -1n, true);
  d.setBigInt64(24, -1n, true);
  return { userId: 'laszip encoded', recordId: 22204, data };
}

async function expectFormatError(read: Promise<unknown>, fileName: string, problem: RegExp) {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormatError);
  expect((error as Error).message.startsWith(`${fileName}: `)).toBe(true);
  expect((error as Error).message).toMatch(problem);
}

describe('readLaz', () => {
  it('loads laz-perf once, under node', async () => {
    const first = loadLazPerf();
    expect(loadLazPerf()).toBe(first);
    const lazPerf = await first;
    expect(typeof lazPerf.LASZip).toBe('function');
    expect(lazPerf.HEAPU8).toBeInstanceOf(Uint8Array);
  });

  for (const f of LAZ_FIXTURES) {
    it(`decodes ${f.name} (laz-perf's writer, chunks of ${f.chunkSize}) exactly as the same points in LAS`, async () => {
      const decoded = await readLaz(readLazFixture(f), `${f.name}.laz`);
      const plain = readLas(makeFixtureLas(f), `${f.name}.las`);
      expect(decoded).toMatchObject({ format: 'laz', count: f.points, pointFormat: f.format, version: f.version });
      expect(decoded.recordLength).toBe(plain.recordLength);
      expect(decoded.origin).toEqual(plain.origin);
      expect(decoded.positions).toEqual(plain.positions);
      expect(decoded.attributes).toEqual(plain.attributes);
      expect(decoded.gpsTimeOrigin).toBe(plain.gpsTimeOrigin);
      expect(decoded.bounds).toEqual(plain.bounds);
    });
  }

  it('is what readPointCloudFileAsync gives for .laz', async () => {
    await expect(readPointCloudFileAsync(laz, 'scan.LAZ')).resolves.toMatchObject({ format: 'laz', count: 150 });
  });

  it('detects compression by bit 7 of the point format byte', () => {
    expect(parseLasHeader(laz, 'a.laz')).toMatchObject({ compressed: true, pointFormat: 1 });
    expect(() => readLas(laz, 'a.las')).toThrow(/^a.las: the points are LASzip-compressed/);
  });

  it('rejects a truncated file, whose chunk table is gone', async () => {
    for (const end of [laz.length - 1, laz.length - 200, 800, 400]) {
      await expectFormatError(
        readLaz(laz.subarray(0, end), 'cut.laz'),
        'cut.laz',
        /truncated|outside the file|laz-perf failed reading the header, VLRs and chunk table/,
      );
    }
  });

  it('rejects a compressed format without LASzip VLR, waveform formats and a mismatched compressor', async () => {
    const points = makeLasPoints(3, 2);
    const noVlr = makeLas(points, { format: 1, compressed: true });
    await expectFormatError(readLaz(noVlr, 'v.laz'), 'v.laz', /no LASzip VLR/);
    const wave = makeLas(points, { format: 4, compressed: true, vlrs: [makeLaszipVlr(2, 50000)] });
    await expectFormatError(readLaz(wave, 'w.laz'), 'w.laz', /point format 4 \(waveform packets\) is not supported/);
    const layered = makeLas(points, { format: 1, compressed: true, vlrs: [makeLaszipVlr(3, 50000)] });
    await expectFormatError(readLaz(layered, 'c.laz'), 'c.laz', /compressor 3 does not fit point format 1/);
  });

  it('rejects a corrupt chunk table and counts it cannot hold', async () => {
    const header = parseLasHeader(laz, 'x.laz');
    const view = new DataView(laz.buffer, laz.byteOffset);
    const table = Number(view.getBigInt64(header.pointOffset, true));
    const streamed = patch(laz, (d) => d.setBigInt64(header.pointOffset, -1n, true));
    await expectFormatError(readLaz(streamed, 's.laz'), 's.laz', /no chunk table/);
    const version = patch(laz, (d) => d.setUint32(table, 7, true));
    await expectFormatError(readLaz(version, 'v.laz'), 'v.laz', /corrupt chunk table: version 7/);
    const chunks = patch(laz, (d) => d.setUint32(table + 4, 1e6, true));
    await expectFormatError(readLaz(chunks, 'n.laz'), 'n.laz', /corrupt chunk table: version 0, 1000000 chunks/);
    // Three chunks of 50 hold at most 150 points.
    const count = patch(laz, (d) => d.setUint32(107, 151, true));
    await expectFormatError(readLaz(count, 'p.laz'), 'p.laz', /151 points cannot be in 3 chunks/);
    const billions = patch(laz, (d) => d.setUint32(107, 4e9, true));
    await expectFormatError(readLaz(billions, 'b.laz'), 'b.laz', /4000000000 points cannot be/);
  });

  it("turns laz-perf's own errors into FormatErrors and keeps working after them", async () => {
    const header = parseLasHeader(laz, 'h.laz');
    const notLas = new Uint8Array(laz.length);
    await expectFormatError(
      decompressLaz(notLas, header, 'z.laz'),
      'z.laz',
      /corrupt LAZ data: laz-perf failed reading the header, VLRs and chunk table$/,
    );
    const otherFormat = { ...header, pointFormat: 3 };
    await expectFormatError(
      decompressLaz(laz, otherFormat, 'f.laz'),
      'f.laz',
      /laz-perf reads format 1 with 28-byte records, the header says 3, 28/,
    );
    await expect(readLaz(laz, 'again.laz')).resolves.toMatchObject({ count: 150 });
  });

  it('reads an empty LAZ without decoding anything', async () => {
    const empty = makeLas([], { format: 6, compressed: true, vlrs: [makeLaszipVlr(3, 50000)] });
    await expect(readLaz(empty, 'e.laz')).resolves.toMatchObject({ format: 'laz', count: 0 });
  });
});
