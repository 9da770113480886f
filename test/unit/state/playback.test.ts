import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Playback, type PlaybackTarget } from '../../../src/state/playback.svelte';

/** Frames 100 ms apart: a 10 Hz sweep. */
const PERIOD_MS = 100;

/**
 * A scene of `count` frames whose frames land at once but are drawn only when the test says so, as a busy
 * main thread draws them late. `asked` lists every frame playback asked for, in order.
 */
function fakeScene(count: number) {
  const asked: number[] = [];
  const drawn = new Map<number, (shown: boolean) => void>();
  const target: PlaybackTarget & { frameIndex: number } = {
    frameIndex: 0,
    frameCount: count,
    scene: { frames: Array.from({ length: count }, (_, i) => ({ timestampUs: i * PERIOD_MS * 1000 })) },
    goToFrame: async (index) => {
      asked.push(index);
      target.frameIndex = index;
    },
    whenShown: (index) => new Promise((resolve) => drawn.set(index, resolve)),
  };
  /**
   * The view draws frame `index` (with `shown` false: it never will, the frame failed), then a period passes.
   */
  const draw = async (index: number, shown = true) => {
    drawn.get(index)?.(shown);
    drawn.delete(index);
    await vi.advanceTimersByTimeAsync(PERIOD_MS);
  };
  return { target, asked, draw };
}

describe('Playback', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks for the next frame only once the one before it was drawn, however late', async () => {
    const { target, asked, draw } = fakeScene(4);
    const playback = new Playback(target);
    expect(playback.periodMs).toBe(PERIOD_MS);
    const done = playback.play();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([1]);
    // Frame 2 is long overdue, but frame 1 has not been drawn yet: nothing more is asked for.
    await vi.advanceTimersByTimeAsync(10 * PERIOD_MS);
    expect(asked).toEqual([1]);
    await draw(1);
    expect(asked).toEqual([1, 2]);
    await draw(2);
    await draw(3);
    await done;
    expect(asked).toEqual([1, 2, 3]);
    expect(playback.playing).toBe(false);
  });

  it('keeps each drawn frame on screen for the period before asking for the next', async () => {
    const { target, asked } = fakeScene(3);
    let drawOne: ((shown: boolean) => void) | undefined;
    target.whenShown = () => new Promise((resolve) => (drawOne = resolve));
    void new Playback(target).play();
    await vi.advanceTimersByTimeAsync(0);
    drawOne?.(true);
    await vi.advanceTimersByTimeAsync(PERIOD_MS / 2);
    expect(asked).toEqual([1]);
    await vi.advanceTimersByTimeAsync(PERIOD_MS / 2);
    expect(asked).toEqual([1, 2]);
  });

  it('starts over from the first frame at the end, and stops where a frame fails', async () => {
    const { target, asked, draw } = fakeScene(3);
    target.frameIndex = 2;
    const playback = new Playback(target);
    const done = playback.play();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([0]);
    await draw(0);
    await draw(1, false);
    await done;
    expect(asked).toEqual([0, 1]);
    expect(playback.playing).toBe(false);
  });

  it('asks for nothing more after a pause, even when the frame it waited for is drawn', async () => {
    const { target, asked, draw } = fakeScene(5);
    const playback = new Playback(target);
    void playback.play();
    await vi.advanceTimersByTimeAsync(0);
    playback.pause();
    await draw(1);
    await vi.advanceTimersByTimeAsync(5 * PERIOD_MS);
    expect(asked).toEqual([1]);
    expect(playback.playing).toBe(false);
  });
});
