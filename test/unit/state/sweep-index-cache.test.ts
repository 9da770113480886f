import { describe, expect, it } from 'vitest';
import { SweepIndexCache } from '../../../src/state/sweep-index-cache.svelte';
import { buildSweepIndex, type SweepIndex } from '../../../src/core/fit/index';
import { identity } from '../../../src/core/math/mat4';
import type { PointCloud } from '../../../src/core/model/point-cloud';

function cloud(offset: number): PointCloud {
  const positions = Float32Array.from({ length: 300 }, (_, i) => (i % 3 === 2 ? 0 : (i % 17) + offset));
  return {
    count: 100,
    positions,
    attributes: {},
    bounds: { min: [offset, offset, 0], max: [offset + 16, offset + 16, 0] },
  };
}

/** A stand-in for the worker: builds on request, answers when the test says so. */
function deferredBuilder() {
  const pending: { resolve: () => void }[] = [];
  const build = (sweep: Pick<PointCloud, 'count' | 'positions' | 'bounds'>) =>
    new Promise<SweepIndex>((resolve) => pending.push({ resolve: () => resolve(buildSweepIndex(sweep, identity())) }));
  return { build, answer: async (k: number) => (pending[k]!.resolve(), await Promise.resolve()) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('SweepIndexCache', () => {
  it('serves the index the worker built once it answers, and says it is ready', async () => {
    const worker = deferredBuilder();
    const cache = new SweepIndexCache(worker.build);
    const a = cloud(0);
    cache.request(a, identity());
    cache.request(a, identity());
    expect(cache.peek(a)).toBeUndefined();
    const before = cache.ready;
    await worker.answer(0);
    await tick();
    expect(cache.peek(a)?.index.count).toBe(100);
    expect(cache.ready).toBe(before + 1);
    expect(cache.get(a, identity())).toBe(cache.peek(a));
  });

  it('builds here when asked before the worker answers, and keeps that one', async () => {
    const worker = deferredBuilder();
    const cache = new SweepIndexCache(worker.build);
    const a = cloud(0);
    cache.request(a, identity());
    const built = cache.get(a, identity());
    expect(built.index.count).toBe(100);
    await worker.answer(0);
    await tick();
    expect(cache.peek(a)).toBe(built);
  });

  it('drops the answer for a sweep no longer on screen', async () => {
    const worker = deferredBuilder();
    const cache = new SweepIndexCache(worker.build);
    const [a, b] = [cloud(0), cloud(50)];
    cache.request(a, identity());
    cache.request(b, identity());
    await worker.answer(0);
    await tick();
    expect(cache.peek(a)).toBeUndefined();
    expect(cache.peek(b)).toBeUndefined();
    await worker.answer(1);
    await tick();
    expect(cache.peek(b)?.index.originX).toBe(50);
  });

  it('works without a worker, building on first use', () => {
    const cache = new SweepIndexCache();
    const a = cloud(0);
    cache.request(a, identity());
    expect(cache.peek(a)).toBeUndefined();
    expect(cache.get(a, identity()).ground.heights.length).toBeGreaterThan(0);
  });
});
