import { beforeEach, describe, expect, it } from 'vitest';
import {
  allocateFloat32,
  clearFloat32Pool,
  poolStats,
  recycleFloat32Buffers,
} from '../../../../src/formats/pointcloud/float32-pool';

const MiB = 1024 * 1024;

describe('allocateFloat32', () => {
  beforeEach(clearFloat32Pool);

  it('allocates fresh, zeroed arrays while nothing was recycled', () => {
    const a = allocateFloat32(1000);
    expect(a.length).toBe(1000);
    expect(a.buffer.byteLength).toBe(4000);
    expect(a.every((v) => v === 0)).toBe(true);
    expect(poolStats()).toMatchObject({ buffers: 0, heldBytes: 0, reused: 0, allocated: 1 });
  });

  it('reuses a recycled buffer that fits, as a view of its start', () => {
    const buffer = new ArrayBuffer(4000);
    recycleFloat32Buffers([buffer]);
    expect(poolStats()).toMatchObject({ buffers: 1, heldBytes: 4000 });
    const a = allocateFloat32(950);
    expect(a.buffer).toBe(buffer);
    expect([a.byteOffset, a.length]).toEqual([0, 950]);
    expect(poolStats()).toMatchObject({ buffers: 0, heldBytes: 0, reused: 1, allocated: 0 });
    // Taken out of the pool: the next request allocates.
    expect(allocateFloat32(900).buffer).not.toBe(buffer);
  });

  it('refuses a buffer more than 1.1 times the request, and one too small', () => {
    const big = new ArrayBuffer(4000);
    recycleFloat32Buffers([big]);
    // 4000 bytes for 909 floats (3636 bytes) is 1.1001×: too wasteful. 910 floats (3640 bytes) is 1.0989×: taken.
    expect(allocateFloat32(909).buffer).not.toBe(big);
    expect(allocateFloat32(1001).buffer).not.toBe(big);
    expect(allocateFloat32(910).buffer).toBe(big);
  });

  it('picks the smallest buffer that fits', () => {
    const buffers = [4400, 4000, 4300, 3996].map((n) => new ArrayBuffer(n));
    recycleFloat32Buffers(buffers);
    expect(allocateFloat32(1000).buffer).toBe(buffers[1]);
    expect(allocateFloat32(1000).buffer).toBe(buffers[2]);
    expect(allocateFloat32(1000).buffer).toBe(buffers[0]);
    expect(poolStats().buffers).toBe(1);
  });

  it('zero-fills the part it hands out', () => {
    const old = new Float32Array(1000).fill(7);
    recycleFloat32Buffers([old.buffer]);
    const a = allocateFloat32(950);
    expect(a.buffer).toBe(old.buffer);
    expect(a.every((v) => v === 0)).toBe(true);
  });

  it('ignores detached, empty and already held buffers', () => {
    const buffer = new ArrayBuffer(400);
    const detached = new ArrayBuffer(400);
    structuredClone(detached, { transfer: [detached] });
    recycleFloat32Buffers([buffer, buffer, detached, new ArrayBuffer(0)]);
    recycleFloat32Buffers([buffer]);
    expect(poolStats()).toMatchObject({ buffers: 1, heldBytes: 400 });
    expect(allocateFloat32(100).buffer).toBe(buffer);
    expect(allocateFloat32(100).buffer).not.toBe(buffer);
    expect(allocateFloat32(0).length).toBe(0);
  });

  it('holds at most its bound, dropping the oldest buffers first', () => {
    const { maxHeldBytes } = poolStats();
    // 16 MiB + 4, then 16 MiB buffers, then 16 MiB - 4: one buffer more than the bound holds, in all.
    const count = maxHeldBytes / (16 * MiB) + 1;
    const sizes = Array.from({ length: count }, (_, i) => 16 * MiB + (i === 0 ? 4 : i === count - 1 ? -4 : 0));
    const buffers = sizes.map((n) => new ArrayBuffer(n));
    recycleFloat32Buffers(buffers);
    expect(poolStats()).toMatchObject({ buffers: count - 1, heldBytes: maxHeldBytes - 4 });
    // The oldest went to the garbage collector: nothing is left that fits it. The newest is still there.
    expect(allocateFloat32(4 * MiB + 1).buffer).not.toBe(buffers[0]);
    expect(allocateFloat32(4 * MiB - 1).buffer).toBe(buffers[count - 1]);
    expect(poolStats()).toMatchObject({ buffers: count - 2, reused: 1, allocated: 1 });
    // A single buffer beyond the bound is never held.
    clearFloat32Pool();
    recycleFloat32Buffers([new ArrayBuffer(maxHeldBytes + 4)]);
    expect(poolStats().buffers).toBe(0);
  });
});
