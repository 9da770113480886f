import type { LabelDoc } from '../../../src/core/edits/patch';
import type { Cuboid, LabelRecord, TimeSegment, Track } from '../../../src/core/model/labels';
import { classLabel } from '../../../src/core/model/display-name';
import { generalDriving } from '../../../src/core/model/default-ontology';
import { DEFAULT_SEGMENT_KINDS, segmentKindLabel } from '../../../src/core/model/segment-kinds';
import { createRandom } from '../../../src/core/math/random';
import { TrackIndex } from '../../../src/core/tracks/track-index';
import { SegmentIndex } from '../../../src/core/tracks/segment-index';
import { drawTimeline, type TimelineSource } from '../../../src/ui/timeline/draw-timeline';
import { contentHeight, LABEL_WIDTH, ROW_HEIGHT, type TimelineLayout } from '../../../src/ui/timeline/timeline-layout';
import { buildTrackRows, type TrackRow } from '../../../src/ui/timeline/timeline-rows';
import { samplePair, type PageSamples } from './sample';

/** The app's timeline box: the canvas's width on a 1400 px window, the scene row and six track rows. */
const WIDTH = 1400;
const HEIGHT = ROW_HEIGHT * 7;
/** Pixels a wheel notch scrolls in Chromium: each sample is one notch. */
const SCROLL_STEP = 53;

let state:
  | { rows: TrackRow[]; source: TimelineSource; frames: number; scroller: HTMLDivElement; canvas: HTMLCanvasElement }
  | undefined;

/**
 * The labels of a drive as an annotator leaves them: `tracks` tracks over `frames` frames, each present over a
 * seeded span with a stored keyframe every 10th frame (the frames between derived), two time segments per track
 * and a few on the scene. Then the timeline as the app builds it: a scrolling box with a sticky canvas, the
 * track index and segment index, the rows in order.
 */
function fill(frames: number, tracks: number): { records: number; rows: number; segments: number } {
  const random = createRandom(7);
  const doc: LabelDoc = new Map();
  const add = (r: LabelRecord) => doc.set(r.id, r);
  const classes = generalDriving.classes.map((c) => c.id);
  const kinds = DEFAULT_SEGMENT_KINDS.map((k) => k.id);
  for (let t = 0; t < tracks; t++) {
    const id = `track-${String(t).padStart(3, '0')}`;
    const track: Track = {
      type: 'track',
      id,
      sceneId: 'bench',
      classId: classes[t % classes.length]!,
      attributes: {},
      rigid: true,
    };
    add(track);
    const first = Math.floor(random() * frames * 0.5);
    const last = Math.min(frames - 1, first + 20 + Math.floor(random() * frames));
    for (let f = first; f <= last; f++) {
      if ((f - first) % 10 !== 0 && f !== last) continue;
      const box: Cuboid = {
        type: 'cuboid',
        id: `${id}-${f}`,
        sceneId: 'bench',
        trackId: id,
        frameIndex: f,
        position: [f, 0, 0.8],
        size: [4.5, 1.9, 1.6],
        yaw: 0,
        pitch: 0,
        roll: 0,
        attributes: {},
        keyframe: true,
        source: { kind: 'manual' },
      };
      add(box);
    }
    for (let s = 0; s < 2; s++) add(segment(`${id}-s${s}`, id, kinds[(t + s) % kinds.length]!, first, last, random));
  }
  for (let s = 0; s < 4; s++) add(segment(`scene-s${s}`, undefined, kinds[s]!, 0, frames - 1, random));
  const tracksIndex = new TrackIndex(doc);
  const segments = new SegmentIndex(doc);
  const rows = buildTrackRows(
    tracksIndex.tracks,
    (id) => tracksIndex.boxesOf(id)[0]?.frameIndex,
    '',
    (classId) => classLabel(generalDriving, classId, 'en'),
  );
  const source: TimelineSource = {
    boxesOf: (id) => tracksIndex.boxesOf(id),
    segmentsOf: (id) => segments.of(id),
    kindOf: (kind) => segmentKindLabel(generalDriving, kind, 'en'),
  };
  state?.scroller.remove();
  const scroller = document.createElement('div');
  Object.assign(scroller.style, { height: `${HEIGHT}px`, width: `${WIDTH}px`, overflowY: 'scroll' });
  const canvas = document.createElement('canvas');
  Object.assign(canvas.style, { position: 'sticky', top: '0', display: 'block' });
  const spacer = document.createElement('div');
  scroller.append(canvas, spacer);
  document.body.append(scroller);
  const width = scroller.clientWidth;
  [canvas.width, canvas.height] = [width * devicePixelRatio, HEIGHT * devicePixelRatio];
  Object.assign(canvas.style, { width: `${width}px`, height: `${HEIGHT}px` });
  spacer.style.height = `${contentHeight({ rowHeight: ROW_HEIGHT }, rows.length) - HEIGHT}px`;
  canvas.getContext('2d')!.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
  state = { rows, source, frames, scroller, canvas };
  return { records: doc.size, rows: rows.length, segments: segments.size };
}

/** A segment of seeded kind and span inside [first, last]. */
function segment(
  id: string,
  trackId: string | undefined,
  kind: string,
  first: number,
  last: number,
  random: () => number,
): TimeSegment {
  const start = first + Math.floor(random() * (last - first));
  const end = Math.min(last, start + 5 + Math.floor(random() * 30));
  return {
    type: 'segment',
    id,
    sceneId: 'bench',
    ...(trackId && { trackId }),
    kind,
    startFrame: start,
    endFrame: end,
    attributes: {},
  };
}

function need() {
  if (!state) throw new Error('timeline page: fill() first');
  return state;
}

/** The layout the panel would use at this scroll position. */
function layoutAt(scrollTop: number): TimelineLayout {
  const { canvas, frames } = need();
  const width = canvas.width / devicePixelRatio;
  return { width, height: HEIGHT, labelWidth: LABEL_WIDTH, rowHeight: ROW_HEIGHT, frameCount: frames, scrollTop };
}

/** The next scroll position: one notch down, back to the top past the last row (the whole list is crossed). */
function scrollOnce(scroller: HTMLDivElement): number {
  const max = scroller.scrollHeight - scroller.clientHeight;
  scroller.scrollTop = scroller.scrollTop + SCROLL_STEP > max ? 0 : scroller.scrollTop + SCROLL_STEP;
  return scroller.scrollTop;
}

/** Reading one pixel back makes the canvas finish its drawing now, inside the timed call (both sides do it). */
function flush(ctx: CanvasRenderingContext2D): void {
  ctx.getImageData(0, 0, 1, 1);
}

/**
 * The redraw the panel runs on each scroll event: scroll one notch, draw the rows in view, finish the canvas.
 * Against the cheapest full redraw of the same canvas: one fillRect of its whole area, finished the same way.
 * Interleaved call by call.
 */
async function redraw(samples: number): Promise<{ ours: PageSamples; anchor: PageSamples }> {
  const { rows, source, scroller, canvas } = need();
  const ctx = canvas.getContext('2d')!;
  const { width } = layoutAt(0);
  const marks = { frame: 100, selectedTrackId: rows[40]?.trackId, selectedSegmentId: undefined, sceneLabel: 'Scene' };
  const [ours, anchor] = await samplePair(
    () => {
      drawTimeline(ctx, layoutAt(scrollOnce(scroller)), rows, source, marks);
      flush(ctx);
    },
    () => {
      ctx.fillStyle = '#0b0f17';
      ctx.fillRect(0, 0, width, HEIGHT);
      flush(ctx);
    },
    { samples },
  );
  return { ours, anchor };
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * Frames as the user sees them while scrolling: the time from one animation frame to the next when that frame
 * scrolls a notch and redraws (what the panel's scroll handler schedules), against the same two frames with
 * nothing to do. At 60 Hz both are ~16.7 ms while the redraw fits; a dropped frame doubles ours.
 */
async function frames(samples: number): Promise<{ ours: PageSamples; anchor: PageSamples }> {
  const { rows, source, scroller, canvas } = need();
  const ctx = canvas.getContext('2d')!;
  const marks = { frame: 100, selectedTrackId: undefined, selectedSegmentId: undefined, sceneLabel: 'Scene' };
  // From the start of the frame that does the work to the start of the next one (rAF timestamps).
  const round = async (work: () => void) => {
    const start = await nextFrame();
    work();
    return (await nextFrame()) - start;
  };
  const ours: number[] = [];
  const anchor: number[] = [];
  for (let i = -2; i < samples; i++) {
    const a = await round(() => drawTimeline(ctx, layoutAt(scrollOnce(scroller)), rows, source, marks));
    const b = await round(() => {});
    if (i >= 0) [ours[i], anchor[i]] = [a, b];
  }
  return { ours: { times: ours, repeats: 1 }, anchor: { times: anchor, repeats: 1 } };
}

const api = { fill, redraw, frames, isolated: () => crossOriginIsolated };
export type TimelinePageApi = typeof api;
(window as unknown as { bench: TimelinePageApi }).bench = api;
