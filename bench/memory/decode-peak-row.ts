import { pointCloudBuffers, type PointCloud } from '../../src/core/model/point-cloud';
import { clearFloat32Pool } from '../../src/formats/pointcloud/float32-pool';
import { summarize } from '../lib/measure';
import type { ResultRow } from '../lib/section';
import { peakArrayBufferBytes } from './peak-array-buffers';

/** Decodes a file takes, each from an empty pool; the peak is nearly the same every time. */
const RUNS = 5;

/**
 * The peak of ArrayBuffer bytes alive during one decode (above what was alive before it: the file's bytes and
 * anything older), against the bytes of the buffers the decoded cloud holds (each once). A reader that
 * allocates only its output reads ~1×; scratch buffers (an LZF block, a copy to align the records) add to it.
 * The pool is emptied before each decode so that a recycled buffer cannot hide an allocation.
 */
export function decodePeakRow(name: string, points: number, fileBytes: number, decode: () => PointCloud): ResultRow {
  const peaks: number[] = [];
  let outputBytes = 0;
  let readings = 0;
  for (let run = 0; run < RUNS; run++) {
    clearFloat32Pool();
    const reading = peakArrayBufferBytes(decode);
    outputBytes = cloudBufferBytes(reading.result);
    peaks.push(reading.peakBytes);
    readings = reading.readings;
  }
  clearFloat32Pool();
  const peak = summarize(peaks);
  return {
    section: 'memory',
    case: name,
    points,
    figure: 'peak ArrayBuffer bytes during decode',
    unit: 'B/pt',
    p50: peak.p50 / points,
    p95: peak.p95 / points,
    anchor: "decoded cloud's buffers",
    anchorP50: outputBytes / points,
    anchorP95: outputBytes / points,
    ratioName: '× output bytes (lower is better)',
    ratio: peak.p50 / outputBytes,
    ratioP95: peak.p95 / outputBytes,
    goal: undefined,
    met: undefined,
    note:
      `process.memoryUsage().arrayBuffers above its value before the decode, read after each of ${readings - 1} ` +
      `allocations and at the end, ${RUNS} decodes; the file (${(fileBytes / points).toFixed(1)} B/pt) was alive before`,
  };
}

/** Bytes of the buffers behind a cloud's arrays, each buffer once. */
function cloudBufferBytes(cloud: PointCloud): number {
  return [...new Set(pointCloudBuffers(cloud))].reduce((sum, buffer) => sum + buffer.byteLength, 0);
}
