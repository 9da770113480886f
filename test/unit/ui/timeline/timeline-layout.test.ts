import { describe, expect, it } from 'vitest';
import {
  boundaryAt,
  contentHeight,
  frameAt,
  frameX,
  rowAt,
  scrollToShow,
  segmentBand,
  presenceBand,
  trackRowY,
  visibleTrackRows,
  type TimelineLayout,
} from '../../../../src/ui/timeline/timeline-layout';

/** 100 px of labels, then 50 frames of 10 px each (the 6 px right margin included in the width). */
const layout = (over: Partial<TimelineLayout> = {}): TimelineLayout => ({
  width: 606,
  height: 160,
  labelWidth: 100,
  rowHeight: 20,
  frameCount: 50,
  scrollTop: 0,
  ...over,
});

describe('timeline layout', () => {
  it('maps frames to columns and back, clamped to the scene', () => {
    const l = layout();
    expect(frameX(l, 0)).toBe(100);
    expect(frameX(l, 50)).toBe(600);
    expect(frameAt(l, 100)).toBe(0);
    expect(frameAt(l, 109.9)).toBe(0);
    expect(frameAt(l, 215)).toBe(11);
    expect(frameAt(l, 20)).toBe(0);
    expect(frameAt(l, 2000)).toBe(49);
    expect(boundaryAt(l, 214)).toBe(11);
    expect(boundaryAt(l, 216)).toBe(12);
    expect(boundaryAt(l, 9999)).toBe(50);
  });

  it('pins the scene row and scrolls the track rows under it', () => {
    const l = layout({ scrollTop: 45 });
    expect(contentHeight(l, 30)).toBe(620);
    expect(rowAt(l, 5, 30)).toBe('scene');
    // Canvas y 20 is content y 65, in row 2 (row r spans content y 20·(r + 1) to 20·(r + 2)); row 1 is
    // under the scene row.
    expect(rowAt(l, 20, 30)).toBe(2);
    expect(trackRowY(l, 1)).toBe(-5);
    expect(rowAt(l, 159, 30)).toBe(9);
    expect(rowAt(layout(), 100, 3)).toBeUndefined();
    expect(rowAt(l, -1, 30)).toBeUndefined();
  });

  it('lists only the rows in view for drawing', () => {
    expect(visibleTrackRows(layout(), 150)).toEqual([0, 7]);
    expect(visibleTrackRows(layout({ scrollTop: 45 }), 150)).toEqual([2, 10]);
    expect(visibleTrackRows(layout({ scrollTop: 45 }), 4)).toEqual([2, 4]);
    expect(visibleTrackRows(layout(), 0)).toEqual([0, 0]);
  });

  it('scrolls just enough to show a row below the pinned scene row', () => {
    expect(scrollToShow(layout(), 3)).toBe(0);
    expect(scrollToShow(layout(), 10)).toBe(80);
    expect(scrollToShow(layout({ scrollTop: 300 }), 2)).toBe(40);
    const shown = layout({ scrollTop: scrollToShow(layout(), 10) });
    expect(trackRowY(shown, 10) + 20).toBe(160);
  });

  it('keeps presence above segments in a track row', () => {
    const [pTop, pBottom] = presenceBand(layout(), 0);
    const [sTop, sBottom] = segmentBand(layout(), 0);
    expect(pTop).toBeGreaterThanOrEqual(20);
    expect(pBottom).toBeLessThan(sTop);
    expect(sBottom).toBeLessThanOrEqual(40);
    expect(segmentBand(layout(), 'scene')[1]).toBeLessThanOrEqual(20);
  });
});
