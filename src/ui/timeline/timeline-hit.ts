import type { TimeSegment } from '../../core/model/labels';
import { frameAt, frameX, rowAt, segmentBand, type TimelineLayout } from './timeline-layout';

/** How near (CSS pixels) a pointer must be to a segment's edge to grab it. */
export const EDGE_GRAB_PX = 4;

/** What a pointer is over on the timeline. `row` is 'scene' or a track row index. */
export type TimelineHit =
  | { kind: 'edge'; row: 'scene' | number; segment: TimeSegment; edge: 'start' | 'end' }
  | { kind: 'segment'; row: 'scene' | number; segment: TimeSegment; frame: number }
  | { kind: 'row'; row: 'scene' | number; frame: number }
  | { kind: 'label'; row: 'scene' | number };

/**
 * What is under (x, y): a segment's edge (within EDGE_GRAB_PX, the nearer edge of a narrow one), a segment's
 * body, a row at a frame, or a row's label. Segments drawn later lie on top, so they are tried first.
 * `segmentsOf(undefined)` gives the scene's segments, `segmentsOf(trackId)` a track's.
 */
export function hitTest(
  layout: TimelineLayout,
  trackIds: readonly string[],
  segmentsOf: (trackId: string | undefined) => readonly TimeSegment[],
  x: number,
  y: number,
): TimelineHit | undefined {
  const row = rowAt(layout, y, trackIds.length);
  if (row === undefined) return undefined;
  if (x < layout.labelWidth) return { kind: 'label', row };
  const segments = segmentsOf(row === 'scene' ? undefined : trackIds[row]);
  const [top, bottom] = segmentBand(layout, row);
  if (y >= top - 2 && y <= bottom + 2) {
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i]!;
      const left = frameX(layout, segment.startFrame);
      const right = frameX(layout, segment.endFrame + 1);
      const toLeft = Math.abs(x - left);
      const toRight = Math.abs(x - right);
      if (Math.min(toLeft, toRight) <= EDGE_GRAB_PX) {
        return { kind: 'edge', row, segment, edge: toRight <= toLeft ? 'end' : 'start' };
      }
      if (x >= left && x <= right) return { kind: 'segment', row, segment, frame: frameAt(layout, x) };
    }
  }
  return { kind: 'row', row, frame: frameAt(layout, x) };
}
