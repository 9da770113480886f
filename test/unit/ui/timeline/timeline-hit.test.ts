import { describe, expect, it } from 'vitest';
import type { TimeSegment } from '../../../../src/core/model/labels';
import { hitTest } from '../../../../src/ui/timeline/timeline-hit';
import { segmentBand, type TimelineLayout } from '../../../../src/ui/timeline/timeline-layout';

const layout: TimelineLayout = {
  width: 606,
  height: 160,
  labelWidth: 100,
  rowHeight: 20,
  frameCount: 50,
  scrollTop: 0,
};
const seg = (id: string, startFrame: number, endFrame: number, trackId?: string): TimeSegment => ({
  type: 'segment',
  id,
  sceneId: 's',
  ...(trackId !== undefined && { trackId }),
  kind: 'braking',
  startFrame,
  endFrame,
  attributes: {},
});
const segments: Record<string, TimeSegment[]> = {
  '': [seg('scene', 0, 4)],
  a: [seg('wide', 10, 19, 'a'), seg('narrow', 30, 30, 'a')],
};
const of = (trackId: string | undefined) => segments[trackId ?? ''] ?? [];
const hit = (x: number, y: number) => hitTest(layout, ['a', 'b'], of, x, y);
/** The middle of a row's segment band. */
const bandY = (row: 'scene' | number) => {
  const [top, bottom] = segmentBand(layout, row);
  return (top + bottom) / 2;
};

describe('timeline hit testing', () => {
  it('finds a row at a frame, and the label column', () => {
    expect(hit(215, 24)).toEqual({ kind: 'row', row: 0, frame: 11 });
    expect(hit(50, 45)).toEqual({ kind: 'label', row: 1 });
    expect(hit(215, 90)).toBeUndefined();
  });

  it('finds a segment body and either edge within a few pixels', () => {
    const y = bandY(0);
    expect(hit(250, y)).toMatchObject({ kind: 'segment', segment: { id: 'wide' }, frame: 15 });
    expect(hit(202, y)).toMatchObject({ kind: 'edge', edge: 'start', segment: { id: 'wide' } });
    expect(hit(297, y)).toMatchObject({ kind: 'edge', edge: 'end', segment: { id: 'wide' } });
    expect(hit(304, y)).toMatchObject({ kind: 'edge', edge: 'end' });
    expect(hit(306, y)).toMatchObject({ kind: 'row', frame: 20 });
    // A one-frame segment (10 px): the nearer edge.
    expect(hit(402, y)).toMatchObject({ kind: 'edge', edge: 'start', segment: { id: 'narrow' } });
    expect(hit(408, y)).toMatchObject({ kind: 'edge', edge: 'end', segment: { id: 'narrow' } });
  });

  it('leaves the presence part of a track row to clicks on the row', () => {
    expect(hit(250, 23)).toEqual({ kind: 'row', row: 0, frame: 15 });
  });

  it('finds the scene’s segments in the pinned row', () => {
    expect(hit(120, bandY('scene'))).toMatchObject({ kind: 'segment', row: 'scene', segment: { id: 'scene' } });
    expect(hit(149, bandY('scene'))).toMatchObject({ kind: 'edge', edge: 'end', row: 'scene' });
  });
});
