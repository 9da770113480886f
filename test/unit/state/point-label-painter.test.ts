import { describe, expect, it } from 'vitest';
import { PointLabelPainter } from '../../../src/state/point-label-painter';
import { buildGridIndex } from '../../../src/core/fit/index';
import { identity } from '../../../src/core/math/mat4';
import type { Cuboid } from '../../../src/core/model/labels';
import { NO_LABEL, packColor } from '../../../src/render/point-colors';

/** Points on a 0.5 m grid over 20 × 20 m at z = 0.5. */
const xyz = Array.from({ length: 40 * 40 }, (_, k) => [(k % 40) * 0.5 - 10, Math.floor(k / 40) * 0.5 - 10, 0.5]).flat();
const index = buildGridIndex(
  {
    count: xyz.length / 3,
    positions: Float32Array.from(xyz),
    attributes: {},
    bounds: { min: [-10, -10, 0.5], max: [9.5, 9.5, 0.5] },
  },
  identity(),
);

function box(id: string, x: number, trackId = `t-${id}`): Cuboid {
  return {
    type: 'cuboid',
    id,
    trackId,
    frameIndex: 0,
    position: [x, 0, 0.5],
    size: [2, 2, 1],
    yaw: 0,
    pitch: 0,
    roll: 0,
    attributes: {},
    keyframe: true,
    source: { kind: 'manual' },
  } as unknown as Cuboid;
}

const colors: Record<string, string> = { a: '#f59e0b', b: '#22d3ee' };
const colorOf = (c: Cuboid) => colors[c.id] ?? '#ffffff';

describe('PointLabelPainter', () => {
  it("gives each box's points its class colour and the rest none, leaving out the selected box", () => {
    const painter = new PointLabelPainter();
    const values = painter.paint(index, [box('a', -5), box('b', 5)], colorOf, 'b');
    expect(values).toBeInstanceOf(Float32Array);
    const v = values as Float32Array;
    expect(v.length).toBe(index.count);
    // A 2 m box over a 0.5 m grid holds 5 × 5 points.
    expect(v.filter((x) => x === packColor('#f59e0b')).length).toBe(25);
    expect(v.filter((x) => x === packColor('#22d3ee')).length).toBe(0);
    expect(v.filter((x) => x === NO_LABEL).length).toBe(index.count - 25);
  });

  it('answers "unchanged" while only the selected box moves, and paints again when another box changes', () => {
    const painter = new PointLabelPainter();
    const a = box('a', -5);
    painter.paint(index, [a, box('b', 5)], colorOf, 'b');
    expect(painter.paint(index, [a, box('b', 6)], colorOf, 'b')).toBe('unchanged');
    expect(painter.paint(index, [box('a', -4), box('b', 6)], colorOf, 'b')).toBeInstanceOf(Float32Array);
    // A new selection, a class colour or a new sweep index paints again too.
    const a2 = box('a', -4);
    painter.paint(index, [a2], colorOf, undefined);
    expect(painter.paint(index, [a2], () => '#ff0000', undefined)).toBeInstanceOf(Float32Array);
    expect(painter.paint(index, [a2], () => '#ff0000', 'a')).toBeUndefined();
  });
});
