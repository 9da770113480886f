import { describe, expect, it } from 'vitest';
import { FrameWindow } from '../../../src/app/frame-window';
import type { LoadedFrame } from '../../../src/state/frame-provider';

/** A frame source whose fetches finish only when the test says so, recording what was asked. */
function source() {
  const asked: number[] = [];
  const pending = new Map<number, () => void>();
  const released: number[] = [];
  const fetchFrame = (index: number) => {
    asked.push(index);
    return new Promise<LoadedFrame>((resolve) => {
      pending.set(index, () =>
        resolve({
          index,
          cloud: {
            count: 0,
            positions: new Float32Array(),
            attributes: {},
            bounds: { min: [0, 0, 0], max: [0, 0, 0] },
          },
          images: [],
        }),
      );
    });
  };
  const finish = async (index: number) => {
    pending.get(index)?.();
    pending.delete(index);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, released, finish, fetchFrame, release: (f: LoadedFrame) => released.push(f.index) };
}

describe('FrameWindow', () => {
  it('fetches a frame once, then prefetches the next frames in the direction of travel, one at a time', async () => {
    const s = source();
    const window = new FrameWindow(100, s.fetchFrame, s.release);
    const first = window.load(10);
    expect(window.load(10)).toBe(first);
    await s.finish(10);
    window.prefetch(10, -1);
    expect(s.asked).toEqual([10, 9]);
    await s.finish(9);
    expect(s.asked).toEqual([10, 9, 8]);
    await s.finish(8);
    await s.finish(7);
    expect(s.asked).toEqual([10, 9, 8, 7]);
  });

  it('drops queued prefetches when the user jumps away, and releases frames that leave the window', async () => {
    const s = source();
    const window = new FrameWindow(100, s.fetchFrame, s.release);
    void window.load(10);
    await s.finish(10);
    window.prefetch(10, 1);
    expect(s.asked).toEqual([10, 11]);
    void window.load(60);
    window.prefetch(60, 1);
    await s.finish(11);
    await s.finish(60);
    // 12 and 13 were never fetched: the queue now holds 61..63.
    expect(s.asked.slice(0, 4)).toEqual([10, 11, 60, 61]);
    await s.finish(61);
    expect(s.released).toContain(10);
    expect(window.held).not.toContain(10);
    expect(window.held).toContain(60);
  });
});
