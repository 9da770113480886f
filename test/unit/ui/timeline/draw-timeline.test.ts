import { describe, expect, it } from 'vitest';
import type { TimeSegment } from '../../../../src/core/model/labels';
import { drawTimeline, type TimelineSource } from '../../../../src/ui/timeline/draw-timeline';
import type { TrackRow } from '../../../../src/ui/timeline/timeline-rows';
import type { TimelineLayout } from '../../../../src/ui/timeline/timeline-layout';

/** A 2D context that records what is drawn: enough to see which rows and texts a redraw touches. */
function recordingContext() {
  const texts: string[] = [];
  const rects: [string, number, number, number, number][] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    globalAlpha: 1,
    lineWidth: 1,
    font: '',
    textBaseline: '',
    fillRect(x: number, y: number, w: number, h: number) {
      rects.push([String(this.fillStyle), x, y, w, h]);
    },
    fillText: (text: string) => void texts.push(text),
    strokeRect() {},
    beginPath() {},
    rect() {},
    fill() {},
    clip() {},
    save() {},
    restore() {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts, rects };
}

const TRACKS = 150;
const FRAMES = 200;
const rows: TrackRow[] = Array.from({ length: TRACKS }, (_, i) => ({
  trackId: `t${i}`,
  classId: 'car',
  label: `Car t${i}`,
  color: '#f59e0b',
  first: 0,
}));
const boxes = Array.from({ length: FRAMES }, (_, f) => ({ frameIndex: f, keyframe: f % 10 === 0 }));
const braking: TimeSegment = {
  type: 'segment',
  id: 'g',
  sceneId: 's',
  trackId: 't41',
  kind: 'braking',
  startFrame: 20,
  endFrame: 90,
  attributes: {},
};
const source: TimelineSource = {
  boxesOf: () => boxes,
  segmentsOf: (id) => (id === 't41' ? [braking] : []),
  kindOf: () => ({ name: 'Braking', color: '#dc2626' }),
};
const layout: TimelineLayout = {
  width: 1000,
  height: 176,
  labelWidth: 118,
  rowHeight: 22,
  frameCount: FRAMES,
  scrollTop: 40 * 22,
};
const marks = { frame: 10, selectedTrackId: 't42', selectedSegmentId: undefined, sceneLabel: 'Scene' };

describe('drawTimeline', () => {
  it('draws only the rows in view, the scene row and the current frame', () => {
    const { ctx, texts, rects } = recordingContext();
    drawTimeline(ctx, layout, rows, source, marks);
    const labels = texts.filter((t) => t.startsWith('Car '));
    expect(labels).toEqual(['Car t40', 'Car t41', 'Car t42', 'Car t43', 'Car t44', 'Car t45', 'Car t46']);
    expect(texts).toContain('Scene');
    expect(texts).toContain('Braking');
    // The selected track's row is highlighted; the current frame's line crosses the canvas.
    expect(rects.some(([style]) => style === '#1e3a5f')).toBe(true);
    expect(rects.some(([style, , y, w, h]) => style === '#f8fafc' && y === 0 && w === 2 && h === 176)).toBe(true);
    // A handful of fills per visible row, never one per frame and track.
    expect(rects.length).toBeLessThan(100);
  });
});
