import { paintPointsInBoxes, type GridIndex } from '../core/fit/index';
import type { Cuboid } from '../core/model/labels';
import { NO_LABEL, packColor } from '../render/point-colors';

/**
 * Colour by label, on the CPU, off the drag path. Each point gets the packed class colour of the box it is in,
 * through the sweep's grid index (only the cells under each box are read), uploaded as one float attribute.
 *
 * Why not all on the GPU: testing every box per point in the shader costs boxes × points on every frame drawn,
 * orbiting included, and needs a bounded uniform array (a busy frame has 150 boxes). Here the work is one pass
 * over the cells under the boxes when labels change, and nothing per frame. The SELECTED box is left out: the
 * GPU tests it per point from uniforms, so dragging it repaints nothing; only a change to another box, to the
 * set of boxes, a class colour, the selection or the sweep paints again.
 */
export class PointLabelPainter {
  #values = new Float32Array(0);
  #last: { index: GridIndex; boxes: readonly Cuboid[]; colors: readonly string[] } | undefined;

  /**
   * The packed colour of each point in the cloud's order (a view of `index.count` values), `undefined` when no
   * box besides the selected one is on the frame, or `'unchanged'` when the last answer still holds.
   */
  paint(
    index: GridIndex,
    cuboids: readonly Cuboid[],
    colorOf: (c: Cuboid) => string,
    selectedId: string | undefined,
  ): Float32Array | undefined | 'unchanged' {
    const boxes = cuboids.filter((c) => c.id !== selectedId);
    const colors = boxes.map(colorOf);
    const last = this.#last;
    // Records are replaced on every update, so unchanged boxes are the same objects.
    if (
      last?.index === index &&
      last.boxes.length === boxes.length &&
      boxes.every((b, i) => b === last.boxes[i] && colors[i] === last.colors[i])
    ) {
      return 'unchanged';
    }
    this.#last = { index, boxes, colors };
    if (boxes.length === 0) return undefined;
    if (this.#values.length < index.count) this.#values = new Float32Array(Math.ceil(index.count * 1.25));
    const out = this.#values.subarray(0, index.count);
    const paint = boxes.map((box, i) => ({ box, value: packColor(colors[i]!) }));
    paintPointsInBoxes(index, paint, out, NO_LABEL);
    return out;
  }
}
