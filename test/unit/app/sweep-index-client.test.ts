import { describe, expect, it } from 'vitest';
import { createSweepIndexClient } from '../../../src/app/sweep-index-client';
import type { WorkerPool } from '../../../src/decode/worker-pool';
import type { SweepIndexWorkerApi } from '../../../workers/sweep-index.worker';
import { buildSweepIndex, type SweepPositions } from '../../../src/core/fit/index';
import { fromTranslation, type Mat4 } from '../../../src/core/math/mat4';

describe('createSweepIndexClient', () => {
  it('sends the worker a copy of the sweep’s positions (the renderer keeps its own) and returns its index', async () => {
    const calls: { sweep: SweepPositions; egoFromLidar: Mat4 }[] = [];
    const remote = {
      build: async (sweep: SweepPositions, egoFromLidar: Mat4) => {
        calls.push({ sweep, egoFromLidar });
        return buildSweepIndex(sweep, egoFromLidar);
      },
    };
    const pool = {
      run: (task: (r: typeof remote) => Promise<unknown>) => task(remote),
    } as unknown as WorkerPool<SweepIndexWorkerApi>;
    const build = createSweepIndexClient(() => pool);
    // A pooled buffer larger than the sweep: only `count` points are sent.
    const positions = Float32Array.from({ length: 30 }, (_, i) => i);
    const sweep = { count: 8, positions, bounds: { min: [0, 1, 2], max: [21, 22, 23] } as SweepPositions['bounds'] };
    const egoFromLidar = fromTranslation(0, 0, 1.5);
    const built = await build(sweep, egoFromLidar);
    expect(calls).toHaveLength(1);
    const sent = calls[0]!.sweep;
    expect(sent.positions).not.toBe(positions);
    expect(sent.positions.buffer).not.toBe(positions.buffer);
    expect(Array.from(sent.positions)).toEqual(Array.from(positions.subarray(0, 24)));
    expect(calls[0]!.egoFromLidar).toEqual(egoFromLidar);
    expect(built.index.count).toBe(8);
    // The caller's positions are untouched (a transfer would have detached them).
    expect(positions.length).toBe(30);
  });

  it('sends a copy of an interleaved sweep’s records, read at their stride', async () => {
    const sent: SweepPositions[] = [];
    const remote = {
      build: async (sweep: SweepPositions, egoFromLidar: Mat4) => {
        sent.push(sweep);
        return buildSweepIndex(sweep, egoFromLidar);
      },
    };
    const pool = { run: (task: (r: typeof remote) => Promise<unknown>) => task(remote) };
    const build = createSweepIndexClient(() => pool as unknown as WorkerPool<SweepIndexWorkerApi>);
    // Three records x y z intensity; the intensity values (100…) would wreck the index if read as positions.
    const records = new Float32Array([1, 2, 3, 100, 4, 5, 6, 101, 7, 8, 9, 102]);
    const bounds = { min: [1, 2, 3], max: [7, 8, 9] } as SweepPositions['bounds'];
    const sweep = { count: 3, positions: records, bounds, interleaved: { records, stride: 4 } };
    const built = await build(sweep, fromTranslation(0, 0, 0));
    expect(sent[0]!.interleaved!.records).not.toBe(records);
    expect(sent[0]!.positions.buffer).toBe(sent[0]!.interleaved!.records.buffer);
    expect(Array.from(built.index.xyz).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(records.length).toBe(12);
  });
});
