/** 10 Hz, the usual LiDAR rate, where the scene's timestamps say nothing useful. */
const DEFAULT_PERIOD_MS = 100;

/**
 * What playback drives: the open scene's frames and the frame shown. The session is one; kept this narrow so
 * that playback needs nothing else of it (and the two files do not import each other).
 */
export interface PlaybackTarget {
  readonly frameIndex: number;
  readonly frameCount: number;
  readonly scene: { readonly frames: readonly { readonly timestampUs: number }[] };
  goToFrame(index: number): Promise<void>;
  /** Resolves true once frame `index` is drawn on screen, false when another frame was asked for or it failed. */
  whenShown(index: number): Promise<boolean>;
}

/**
 * Plays the scene at the sensor's rate: each frame stays on screen for the scene's median frame period, or
 * for as long as the next one takes to arrive and be drawn when that is longer. A frame is never skipped:
 * the next one is asked for only once this one has been drawn (the frame window prefetches ahead in the
 * direction of travel, so a cached scene keeps pace).
 */
export class Playback {
  playing = $state(false);
  #run = 0;

  constructor(private readonly target: PlaybackTarget) {}

  /** Median time between consecutive frames, ms. */
  get periodMs(): number {
    const frames = this.target.scene.frames;
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
    const target = this.target;
    const run = ++this.#run;
    this.playing = true;
    // From the end it starts over; the frame on screen when play is pressed has had its time already.
    let next = target.frameIndex >= target.frameCount - 1 ? 0 : target.frameIndex + 1;
    let shownAt = -Infinity;
    while (run === this.#run && next < target.frameCount) {
      const rest = this.periodMs - (performance.now() - shownAt);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      if (run !== this.#run) return;
      await target.goToFrame(next);
      const shown = run === this.#run && (await target.whenShown(next));
      if (run !== this.#run) return;
      // Not shown: the user went to another frame meanwhile (play on from there), or this one failed (stop).
      if (!shown && target.frameIndex === next) break;
      shownAt = performance.now();
      next = target.frameIndex + 1;
    }
    if (run === this.#run) this.playing = false;
  }
}
