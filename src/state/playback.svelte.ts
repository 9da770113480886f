import type { SessionState } from './session.svelte';

/** 10 Hz, the usual LiDAR rate, where the scene's timestamps say nothing useful. */
const DEFAULT_PERIOD_MS = 100;

/**
 * Plays the scene at the sensor's rate: each frame is shown for the scene's median frame period, or for as
 * long as it takes to arrive when that is longer (a frame is never skipped; the frame window prefetches ahead
 * in the direction of travel, so a cached scene keeps pace).
 */
export class Playback {
  playing = $state(false);
  #run = 0;

  constructor(private readonly session: SessionState) {}

  /** Median time between consecutive frames, ms. */
  get periodMs(): number {
    const frames = this.session.scene.frames;
    const gaps = frames.slice(1).map((f, i) => (f.timestampUs - frames[i]!.timestampUs) / 1000);
    const valid = gaps.filter((g) => g > 0 && g < 10_000).sort((a, b) => a - b);
    return valid[Math.floor(valid.length / 2)] ?? DEFAULT_PERIOD_MS;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else void this.play();
  }

  pause(): void {
    this.playing = false;
    this.#run++;
  }

  async play(): Promise<void> {
    const session = this.session;
    const run = ++this.#run;
    this.playing = true;
    if (session.frameIndex >= session.frameCount - 1) {
      // From the end it starts over, and the first frame is shown for its period like every other.
      await session.goToFrame(0);
      await new Promise((resolve) => setTimeout(resolve, this.periodMs));
    }
    while (run === this.#run && session.frameIndex < session.frameCount - 1) {
      const started = performance.now();
      await session.goToFrame(session.frameIndex + 1);
      const rest = this.periodMs - (performance.now() - started);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
    if (run === this.#run) this.playing = false;
  }
}
