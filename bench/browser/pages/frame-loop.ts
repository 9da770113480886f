/**
 * Holds the page's `requestAnimationFrame` callbacks instead of letting the browser run them, so that a
 * benchmark decides when a frame happens: `runFrame()` runs every queued callback once, as one browser frame
 * would (the Viewer's draw, three.js's own per-frame loop). A frame is then timed from its cause (a camera
 * move, a `setCloud`) to the GPU being done, without the wait for the next vsync, which a raw draw does not
 * have either. Installed before any app code runs.
 */
const queued = new Map<number, FrameRequestCallback>();
let nextId = 1;

window.requestAnimationFrame = (callback: FrameRequestCallback): number => {
  const id = nextId++;
  queued.set(id, callback);
  return id;
};
window.cancelAnimationFrame = (id: number): void => {
  queued.delete(id);
};

/** Runs the callbacks queued so far (those they queue wait for the next call); returns how many ran. */
export function runFrame(): number {
  const callbacks = [...queued.values()];
  queued.clear();
  const now = performance.now();
  for (const callback of callbacks) callback(now);
  return callbacks.length;
}
