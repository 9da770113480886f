import { describe, expect, it } from 'vitest';
import { FrameWindow } from '../../../src/app/frame-window';
import type { LoadedFrame } from '../../../src/state/frame-provider';

function makeFrame(index: number): LoadedFrame {
  const bounds = { min: [0, 0, 0], max: [0, 0, 0] } satisfies LoadedFrame['cloud']['bounds'];
  return { index, cloud: { count: 0, positions: new Float32Array(), attributes: {}, bounds }, images: [] };
}

/** A frame source whose fetches finish only when the test says so, recording what was asked. */
function source() {
  const asked: number[] = [];
  const pending = new Map<number, () => void>();
  const released: number[] = [];
  const fetchFrame = (index: number) => {
    asked.push(index);
    return new Promise<LoadedFrame>((resolve) => {
      pending.set(index, () => resolve(makeFrame(index)));
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

describe('FrameWindow release', () => {
  /** Lets a released frame's deferred release (a macrotask) run. */
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('holds back the shown frame while a jump loads, and releases it once the new frame arrives', async () => {
    const s = source();
    const window = new FrameWindow(100, s.fetchFrame, s.release);
    void window.load(10);
    await s.finish(10);
    void window.load(60);
    await settle();
    // Frame 10 left the window, but it is still on screen until frame 60 arrives.
    expect(window.held).toEqual([60]);
    expect(s.released).toEqual([]);
    await s.finish(60);
    await settle();
    expect(s.released).toEqual([10]);
  });

  it('keeps the shown frame when the jump fails, and releases frames that were never shown at once', async () => {
    const released: number[] = [];
    const fetchFrame = (index: number) => {
      if (index === 60) return Promise.reject(new Error('unreadable'));
      return Promise.resolve(makeFrame(index));
    };
    const window = new FrameWindow(100, fetchFrame, (f) => released.push(f.index));
    await window.load(10);
    window.prefetch(10, 1);
    await settle();
    await expect(window.load(60)).rejects.toThrow('unreadable');
    await settle();
    // 11–13 were prefetched, never shown: released. 10 stays shown after the failed jump.
    expect(released.sort((a, b) => a - b)).toEqual([11, 12, 13]);
    await window.load(30);
    await settle();
    expect(released).toContain(10);
  });
});

describe('FrameWindow read', () => {
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('lends a frame of the window without moving it, and fetches one outside it on its own', async () => {
    const s = source();
    const window = new FrameWindow(100, s.fetchFrame, s.release);
    void window.load(10);
    await s.finish(10);
    // Frame 10 is in the window: no fetch, no release.
    expect(await window.read(10, (f) => f.index)).toBe(10);
    expect(s.asked).toEqual([10]);
    // Frame 40 is far outside: fetched for the call, released after `use`, the window unmoved.
    const far = window.read(40, (f) => f.index * 2);
    await s.finish(40);
    expect(await far).toBe(80);
    expect(s.released).toEqual([40]);
    expect(window.held).toEqual([10]);
    await settle();
    // The shown frame was never let go.
    expect(s.released).toEqual([40]);
  });

  it('runs `use` before the release of a frame that a jump dropped while it was arriving', async () => {
    const s = source();
    const log: string[] = [];
    const window = new FrameWindow(100, s.fetchFrame, (f) => log.push(`released ${f.index}`));
    void window.load(10);
    window.prefetch(10, 1);
    const reading = window.read(11, (f) => log.push(`read ${f.index}`));
    // A jump far away drops 11 from the window while it is still arriving.
    void window.load(60);
    await s.finish(11);
    await reading;
    expect(log).toEqual(['read 11', 'released 11']);
  });
});
