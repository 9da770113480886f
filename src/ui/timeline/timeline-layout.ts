/**
 * Where things are on the timeline canvas, in CSS pixels: a label column on the left, then one column per frame.
 * The scene's row is pinned at the top; track rows scroll under it. Pure arithmetic, shared by drawing, hit
 * testing, the benchmark and the tests.
 */
export interface TimelineLayout {
  /** Canvas size. */
  width: number;
  height: number;
  /** Width of the label column (class name and short id). */
  labelWidth: number;
  rowHeight: number;
  frameCount: number;
  /** How far the track rows are scrolled, pixels. */
  scrollTop: number;
}

export const LABEL_WIDTH = 118;
export const ROW_HEIGHT = 22;
/** Right margin, so that the last frame's end edge stays grabbable. */
const RIGHT_PAD = 6;

/** The scroll height of every row: the pinned scene row plus the track rows. */
export function contentHeight(layout: Pick<TimelineLayout, 'rowHeight'>, trackRows: number): number {
  return (trackRows + 1) * layout.rowHeight;
}

/** Width of one frame's column. */
export function frameWidth(layout: TimelineLayout): number {
  return Math.max(0, layout.width - layout.labelWidth - RIGHT_PAD) / Math.max(1, layout.frameCount);
}

/** The x of a frame's left edge; `frameX(l, f + 1)` is its right edge. */
export function frameX(layout: TimelineLayout, frame: number): number {
  return layout.labelWidth + frame * frameWidth(layout);
}

/** The frame whose column holds x, clamped to the scene. */
export function frameAt(layout: TimelineLayout, x: number): number {
  const f = Math.floor((x - layout.labelWidth) / Math.max(frameWidth(layout), 1e-9));
  return Math.max(0, Math.min(layout.frameCount - 1, f));
}

/** The frame boundary nearest x (0 … frameCount): where a dragged segment edge lands. */
export function boundaryAt(layout: TimelineLayout, x: number): number {
  const b = Math.round((x - layout.labelWidth) / Math.max(frameWidth(layout), 1e-9));
  return Math.max(0, Math.min(layout.frameCount, b));
}

/** The top y of a track row (index from 0) on the canvas; the scene row is at 0. */
export function trackRowY(layout: TimelineLayout, row: number): number {
  return (row + 1) * layout.rowHeight - layout.scrollTop;
}

/**
 * The row under y: 'scene' for the pinned row, a track row index, or undefined below the last row. A track row
 * half hidden under the scene row is not hit there: the scene row is on top.
 */
export function rowAt(layout: TimelineLayout, y: number, trackRows: number): 'scene' | number | undefined {
  if (y < 0) return undefined;
  if (y < layout.rowHeight) return 'scene';
  const row = Math.floor((y + layout.scrollTop) / layout.rowHeight) - 1;
  return row >= 0 && row < trackRows ? row : undefined;
}

/** The track rows that show (partly or wholly) under the scene row: [first, end). Only these are drawn. */
export function visibleTrackRows(layout: TimelineLayout, trackRows: number): [number, number] {
  const first = Math.max(0, Math.floor(layout.scrollTop / layout.rowHeight));
  const end = Math.min(trackRows, Math.ceil((layout.scrollTop + layout.height) / layout.rowHeight) - 1);
  return [first, Math.max(first, end)];
}

/** The scroll position that brings a track row fully into view, or the current one when it is already. */
export function scrollToShow(layout: TimelineLayout, row: number): number {
  const top = row * layout.rowHeight;
  const visible = layout.height - layout.rowHeight;
  if (top < layout.scrollTop) return top;
  if (top + layout.rowHeight > layout.scrollTop + visible) return top + layout.rowHeight - visible;
  return layout.scrollTop;
}

/** A row's top y on the canvas: the scene row, or a track row. */
export function rowY(layout: TimelineLayout, row: 'scene' | number): number {
  return row === 'scene' ? 0 : trackRowY(layout, row);
}

/** Where a row's presence bar is drawn, [top, bottom] (track rows only: the upper part of the row). */
export function presenceBand(layout: TimelineLayout, row: number): [number, number] {
  const y = trackRowY(layout, row);
  return [y + 3, y + Math.round(layout.rowHeight * 0.4)];
}

/** Where a row's segment bars are drawn: the lower part of a track row, nearly all of the scene row. */
export function segmentBand(layout: TimelineLayout, row: 'scene' | number): [number, number] {
  const y = rowY(layout, row);
  if (row === 'scene') return [y + 3, y + layout.rowHeight - 3];
  return [y + Math.round(layout.rowHeight * 0.4) + 2, y + layout.rowHeight - 2];
}
