import { compareLabelSets } from '../../src/core/agreement/agreement';
import type { LabelSet } from '../../src/core/model/label-set';
import type { Detector } from '../../src/core/prelabel/types';
import { clickFigures } from './click-figures';
import type { CorpusDataset } from './corpus';
import { prelabelFigures, type DatasetResult } from './eval-results';
import { evaluateScene, type SceneOutcome } from './eval-scene';
import { PROTOCOL } from './protocol';

/**
 * Label sets of several scenes as one: frames one after another, every id prefixed with its scene's number
 * (importers may reuse ids across scenes), so that one comparison sums the counts and no track spans scenes.
 */
export function concatenate(sets: readonly LabelSet[]): LabelSet {
  const frames: LabelSet['scene']['frames'] = [];
  const out: LabelSet = { scene: { ...sets[0]!.scene, frames }, tracks: [], cuboids: [], segments: [] };
  sets.forEach((set, k) => {
    const offset = frames.length;
    frames.push(...set.scene.frames.map((f) => ({ ...f, index: f.index + offset })));
    out.tracks.push(...set.tracks.map((t) => ({ ...t, id: `${k}:${t.id}` })));
    out.cuboids.push(...set.cuboids.map((c) => ({ ...c, id: `${k}:${c.id}`, trackId: `${k}:${c.trackId}`, frameIndex: c.frameIndex + offset }))); // prettier-ignore
  });
  return out;
}

/** Tracks of the class that keep at least one box (those the tracking figures are counted over). */
function carTracks(set: LabelSet, boxes: (id: string) => boolean): number {
  const cars = new Set(set.tracks.filter((t) => t.classId === PROTOCOL.classId).map((t) => t.id));
  return new Set(set.cuboids.filter((c) => cars.has(c.trackId) && boxes(c.id)).map((c) => c.trackId)).size;
}

/** Every scene of a dataset through the pipeline, the anchors and the clicks; the dataset's figures. */
export async function evaluateDataset(
  dataset: CorpusDataset,
  detector: Detector,
  log: (line: string) => void,
): Promise<{ result: DatasetResult; engine: { model: string; version: string } }> {
  const outcomes: SceneOutcome[] = [];
  for (const folder of dataset.scenes) {
    const started = Date.now();
    const o = await evaluateScene(folder, {
      singleFrames: dataset.singleFrames ?? false,
      frontCamera: dataset.frontCamera ?? false,
      detector,
    });
    outcomes.push(o);
    log(`${dataset.name}: a scene of ${o.frames} frames in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const points = new Map<string, number>();
  outcomes.forEach((o, k) => o.points.forEach((n, id) => points.set(`${k}:${id}`, n)));
  const reference = concatenate(outcomes.map((o) => o.reference));
  const options = {
    similarity: 'bev-iou' as const,
    iouThresholds: [PROTOCOL.iouThreshold],
    trackingThreshold: PROTOCOL.iouThreshold,
    classes: [PROTOCOL.classId],
    ignoreClasses: [...PROTOCOL.ignoreClasses],
    maxRange: PROTOCOL.maxRange,
    minPoints: PROTOCOL.minPoints,
    pointCount: (c: { id: string }) => points.get(c.id),
  };
  const sequences = !(dataset.singleFrames ?? false) && outcomes.some((o) => o.frames > 1);
  const counted = (id: string) => (points.get(id) ?? 0) >= PROTOCOL.minPoints;
  const tracks = carTracks(reference, counted);
  const figures = (set: LabelSet) => prelabelFigures(compareLabelSets(reference, set, options), tracks, sequences);
  const last = outcomes.at(-1)!;
  return {
    engine: { model: last.model, version: last.version },
    result: {
      name: dataset.name,
      role: dataset.role,
      layout: dataset.layout,
      source: dataset.source,
      scenes: outcomes.length,
      frames: outcomes.reduce((s, o) => s + o.frames, 0),
      sequences,
      prelabel: figures(concatenate(outcomes.map((o) => o.prelabel))),
      prelabelAnchor: figures(concatenate(outcomes.map((o) => o.anchor))),
      click: clickFigures(outcomes.flatMap((o) => o.clicks)),
      clickAnchor: clickFigures(outcomes.flatMap((o) => o.clickAnchor)),
    },
  };
}
