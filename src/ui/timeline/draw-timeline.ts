import type { TimeSegment } from '../../core/model/labels';
import type { TrackRow } from './timeline-rows';
import { frameX, presenceBand, segmentBand, trackRowY, visibleTrackRows, type TimelineLayout } from './timeline-layout';

/** What the drawing reads of the labels; the panel and the benchmark each supply it. */
export interface TimelineSource {
  /** A track's stored boxes, earliest frame first (the frames between two of them are derived). */
  boxesOf(trackId: string): readonly { frameIndex: number; keyframe: boolean }[];
  /** A track's segments, or the scene's for undefined. */
  segmentsOf(trackId: string | undefined): readonly TimeSegment[];
  /** A segment kind's colour and name in the current language. */
  kindOf(kind: string): { name: string; color: string };
}

export interface TimelineMarks {
  frame: number;
  selectedTrackId: string | undefined;
  selectedSegmentId: string | undefined;
  /** Heading of the pinned scene row's label column. */
  sceneLabel: string;
}

const BACKGROUND = '#0b0f17';
const ROW_ALT = '#0f1520';
const SELECTED_ROW = '#1e3a5f';
const LABEL_TEXT = '#cbd5e1';
const GRID = '#1f2937';
const CURRENT_FRAME = '#f8fafc';
/** Derived frames (between two stored boxes) show the class colour this faint; stored frames solid. */
const DERIVED_ALPHA = 0.4;

/**
 * Draws the whole timeline into a 2D context already scaled to CSS pixels: only the rows in view, each with a
 * few batched fills (no per-frame work beyond one rectangle per run of stored frames and one tick per keyframe),
 * so a redraw stays far inside a frame at 150 tracks × 200 frames.
 */
export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  layout: TimelineLayout,
  rows: readonly TrackRow[],
  source: TimelineSource,
  marks: TimelineMarks,
): void {
  const { width, height, rowHeight, labelWidth } = layout;
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  const [first, end] = visibleTrackRows(layout, rows.length);
  for (let r = first; r < end; r++) drawTrackRow(ctx, layout, r, rows[r]!, source, marks);
  // The scene row last: track rows scrolling up pass under it.
  ctx.fillStyle = '#111827';
  ctx.fillRect(0, 0, width, rowHeight);
  drawFrameTicks(ctx, layout);
  drawSegments(ctx, layout, 'scene', source.segmentsOf(undefined), source, marks.selectedSegmentId);
  drawLabel(ctx, layout, 0, marks.sceneLabel, '#94a3b8');
  ctx.fillStyle = GRID;
  ctx.fillRect(0, rowHeight - 1, width, 1);
  ctx.fillRect(labelWidth - 1, 0, 1, height);
  const x = frameX(layout, marks.frame + 0.5);
  ctx.fillStyle = CURRENT_FRAME;
  ctx.fillRect(Math.round(x) - 1, 0, 2, height);
}

function drawTrackRow(
  ctx: CanvasRenderingContext2D,
  layout: TimelineLayout,
  r: number,
  row: TrackRow,
  source: TimelineSource,
  marks: TimelineMarks,
): void {
  const y = trackRowY(layout, r);
  const selected = row.trackId === marks.selectedTrackId;
  ctx.fillStyle = selected ? SELECTED_ROW : r % 2 === 0 ? BACKGROUND : ROW_ALT;
  ctx.fillRect(0, y, layout.width, layout.rowHeight);
  const boxes = source.boxesOf(row.trackId);
  if (boxes.length > 0) {
    const [top, bottom] = presenceBand(layout, r);
    const h = bottom - top;
    const x0 = frameX(layout, boxes[0]!.frameIndex);
    const x1 = frameX(layout, boxes[boxes.length - 1]!.frameIndex + 1);
    ctx.fillStyle = row.color;
    ctx.globalAlpha = DERIVED_ALPHA;
    ctx.fillRect(x0, top, x1 - x0, h);
    ctx.globalAlpha = 1;
    // Stored frames solid, one rectangle per run of consecutive frames.
    ctx.beginPath();
    let runStart = boxes[0]!.frameIndex;
    for (let i = 1; i <= boxes.length; i++) {
      const previous = boxes[i - 1]!.frameIndex;
      const next = boxes[i]?.frameIndex;
      if (next === previous + 1) continue;
      const left = frameX(layout, runStart);
      ctx.rect(left, top, frameX(layout, previous + 1) - left, h);
      if (next !== undefined) runStart = next;
    }
    ctx.fill();
    // Keyframes: a light tick in the middle of their frame.
    ctx.beginPath();
    for (const b of boxes)
      if (b.keyframe) ctx.rect(Math.round(frameX(layout, b.frameIndex + 0.5)) - 1, top - 2, 2, h + 4);
    ctx.fillStyle = '#f8fafc';
    ctx.fill();
  }
  drawSegments(ctx, layout, r, source.segmentsOf(row.trackId), source, marks.selectedSegmentId);
  ctx.fillStyle = row.color;
  ctx.fillRect(4, y + 6, 8, layout.rowHeight - 12);
  drawLabel(ctx, layout, y, row.label, selected ? '#ffffff' : LABEL_TEXT);
}

function drawSegments(
  ctx: CanvasRenderingContext2D,
  layout: TimelineLayout,
  row: 'scene' | number,
  segments: readonly TimeSegment[],
  source: TimelineSource,
  selectedId: string | undefined,
): void {
  if (segments.length === 0) return;
  const [top, bottom] = segmentBand(layout, row);
  for (const s of segments) {
    const kind = source.kindOf(s.kind);
    const left = frameX(layout, s.startFrame);
    const w = frameX(layout, s.endFrame + 1) - left;
    ctx.fillStyle = kind.color;
    ctx.fillRect(left, top, w, bottom - top);
    // Grips at both ends say the edges can be dragged.
    ctx.fillStyle = 'rgba(255, 255, 255, 0.75)';
    ctx.fillRect(left, top, 2, bottom - top);
    ctx.fillRect(left + w - 2, top, 2, bottom - top);
    if (s.id === selectedId) {
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.strokeRect(left + 1, top - 1, w - 2, bottom - top + 2);
    }
    if (w > 40 && bottom - top >= 9) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(left + 3, top, w - 6, bottom - top);
      ctx.clip();
      ctx.fillStyle = '#ffffff';
      ctx.font = '10px system-ui, sans-serif';
      ctx.fillText(kind.name, left + 5, (top + bottom) / 2);
      ctx.restore();
    }
  }
}

/** A ruler in the scene row: a tick every 10 frames, numbered as the frame bar counts (from 1). */
function drawFrameTicks(ctx: CanvasRenderingContext2D, layout: TimelineLayout): void {
  ctx.fillStyle = '#374151';
  ctx.beginPath();
  for (let f = 10; f < layout.frameCount; f += 10) ctx.rect(Math.round(frameX(layout, f)), 0, 1, layout.rowHeight);
  ctx.fill();
  ctx.fillStyle = '#6b7280';
  for (let f = 10; f < layout.frameCount; f += 10)
    ctx.fillText(String(f + 1), frameX(layout, f) + 3, layout.rowHeight / 2);
}

function drawLabel(ctx: CanvasRenderingContext2D, layout: TimelineLayout, y: number, text: string, color: string) {
  ctx.fillStyle = color;
  ctx.fillText(text, 18, y + layout.rowHeight / 2, layout.labelWidth - 22);
}
