/** What the 3D view reports after each draw: the frame whose sweep it drew. Only its identity matters here. */
interface Frame {
  readonly index: number;
}

interface Waiting {
  frame: Frame;
  resolve: (shown: boolean) => void;
}

/**
 * Which frame's sweep the 3D view really drew last, and promises that wait for a frame to be drawn. A frame
 * that is loaded is not yet seen: the view draws on the next animation frame, and a later frame landing before
 * that would replace it unseen. Playback waits here so that every frame is on screen before the next is asked.
 */
export class ShownFrames {
  #drawn: Frame | undefined;
  #waiting: Waiting[] = [];

  /** The frame drawn last, if any. */
  get drawn(): Frame | undefined {
    return this.#drawn;
  }

  /** The view drew `frame`'s sweep. */
  markDrawn(frame: Frame | undefined): void {
    this.#drawn = frame;
    this.#settle((w) => (w.frame === frame ? true : undefined));
  }

  /** Resolves true once `frame` has been drawn (at once if it is the one drawn last), false if `drop` lets it go. */
  whenDrawn(frame: Frame): Promise<boolean> {
    if (this.#drawn === frame) return Promise.resolve(true);
    return new Promise((resolve) => this.#waiting.push({ frame, resolve }));
  }

  /** Answers false to every wait but for frames `keep` still expects (another frame was asked for, or failed). */
  drop(keep: (index: number) => boolean = () => false): void {
    this.#settle((w) => (keep(w.frame.index) ? undefined : false));
  }

  #settle(answer: (w: Waiting) => boolean | undefined): void {
    const still: Waiting[] = [];
    for (const w of this.#waiting) {
      const shown = answer(w);
      if (shown === undefined) still.push(w);
      else w.resolve(shown);
    }
    this.#waiting = still;
  }
}
