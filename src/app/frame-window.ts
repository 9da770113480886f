import type { FrameProvider, LoadedFrame } from '../state/frame-provider';

/** Frames kept decoded in memory around the current one: a sliding window, never the whole sequence. */
const WINDOW = 6;
const PREFETCH = 3;

/**
 * Serves frames from a sliding in-memory window over any source of frames (`fetchFrame`). Prefetches the next
 * frames in the direction of travel one at a time, and drops queued prefetches when the user jumps elsewhere,
 * so a jump never waits behind frames nobody will look at. `release` gets each frame that left the window
 * once nothing shows it: the frame the latest `load` delivered stays shown (the session keeps it on screen
 * while a jump loads, or after the jump fails) until a later `load` delivers another.
 */
export class FrameWindow implements FrameProvider {
  #memory = new Map<number, Promise<LoadedFrame>>();
  #queue: number[] = [];
  #prefetching = false;
  #current = 0;
  /** Counts `load` calls: only the latest one's frame becomes the shown frame, as in the session. */
  #loads = 0;
  #shown: LoadedFrame | undefined;
  /** The shown frame when it left the window: released once another frame is shown. */
  #heldBack: LoadedFrame | undefined;

  constructor(
    private readonly frameCount: number,
    private readonly fetchFrame: (index: number) => Promise<LoadedFrame>,
    private readonly release: (frame: LoadedFrame) => void,
  ) {}

  load(index: number): Promise<LoadedFrame> {
    this.#current = index;
    const load = ++this.#loads;
    this.#trim();
    const frame = this.#get(index);
    void frame.then(
      (f) => {
        if (load === this.#loads) this.#show(f);
      },
      () => undefined,
    );
    return frame;
  }

  prefetch(index: number, direction: 1 | -1): void {
    this.#queue = [];
    for (let k = 1; k <= PREFETCH; k++) {
      const next = index + direction * k;
      if (next >= 0 && next < this.frameCount && !this.#memory.has(next)) this.#queue.push(next);
    }
    void this.#drain();
  }

  /**
   * A frame for a moment: from the window where it is there (`use` runs in the same task as the frame's
   * arrival, before any release queued after this call), else fetched on its own and released right after
   * `use`. Neither the window nor the shown frame moves.
   */
  async read<T>(index: number, use: (frame: LoadedFrame) => T): Promise<T> {
    const held = this.#memory.get(index);
    if (held) return use(await held);
    const frame = await this.fetchFrame(index);
    try {
      return use(frame);
    } finally {
      this.release(frame);
    }
  }

  /** Frames requested and not yet dropped, for tests and the status line. */
  get held(): number[] {
    return [...this.#memory.keys()].sort((a, b) => a - b);
  }

  #get(index: number): Promise<LoadedFrame> {
    let frame = this.#memory.get(index);
    if (!frame) {
      frame = this.fetchFrame(index);
      this.#memory.set(index, frame);
      frame.catch(() => this.#memory.delete(index));
    }
    return frame;
  }

  async #drain(): Promise<void> {
    if (this.#prefetching) return;
    this.#prefetching = true;
    try {
      for (let next = this.#queue.shift(); next !== undefined; next = this.#queue.shift()) {
        if (Math.abs(next - this.#current) > WINDOW) continue;
        await this.#get(next).catch(() => undefined);
      }
    } finally {
      this.#prefetching = false;
    }
  }

  #trim(): void {
    for (const [index, frame] of this.#memory) {
      if (Math.abs(index - this.#current) <= WINDOW) continue;
      this.#memory.delete(index);
      void frame.then(
        (f) => {
          if (f === this.#shown) this.#heldBack = f;
          else this.release(f);
        },
        () => undefined,
      );
    }
  }

  #show(frame: LoadedFrame): void {
    if (frame === this.#shown) return;
    this.#shown = frame;
    const previous = this.#heldBack;
    this.#heldBack = undefined;
    // After a macrotask: the caller of `load` switches to the new frame in a microtask of its own.
    if (previous) setTimeout(() => this.release(previous), 0);
  }
}

/** Revokes a frame's image object URLs when it leaves the window. */
export function revokeFrameUrls(frame: LoadedFrame): void {
  for (const image of frame.images) URL.revokeObjectURL(image.url);
}
