import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetSource } from './eval-results';

/** One dataset of the evaluation, as `corpus.json` lists it (folders relative to the corpus folder). */
export interface CorpusDataset {
  name: string;
  role: 'tuning' | 'validation';
  /** The importer's layout, as the files are opened. */
  layout: string;
  /** Scene folders, each opened by the importers on its own. */
  scenes: string[];
  /** Frames are unrelated snapshots: each is pre-labelled on its own, and no tracking figures are given. */
  singleFrames?: boolean;
  /** Boxes are labelled only in the front camera's view (KITTI): both sets are cut to it. */
  frontCamera?: boolean;
  source: DatasetSource;
}

export interface Corpus {
  datasets: CorpusDataset[];
}

/**
 * The tuning data: the real sweeps the pre-label engine was tuned on (the project's shared sample data, read
 * from `../shared/data`). They are reported apart, labelled 'tuning'; the validation corpus is never tuned on.
 */
export const TUNING: CorpusDataset[] = [
  {
    name: 'KITTI object (3 frames)',
    role: 'tuning',
    layout: 'kitti-object',
    scenes: ['kitti-object/training'],
    singleFrames: true,
    frontCamera: true,
    source: { repository: 'shared sample data', commit: '', paths: ['kitti-object/training'], licence: 'CC BY-NC-SA 3.0' }, // prettier-ignore
  },
  {
    name: 'nuScenes (1 keyframe)',
    role: 'tuning',
    layout: 'nuscenes-sample',
    scenes: ['nuscenes-sample'],
    singleFrames: true,
    source: { repository: 'shared sample data', commit: '', paths: ['nuscenes-sample'], licence: 'CC BY-NC-SA 4.0' }, // prettier-ignore
  },
  {
    name: 'SUSTechPOINTS (4 frames)',
    role: 'tuning',
    layout: 'sustechpoints',
    scenes: ['sustechpoints'],
    source: { repository: 'shared sample data', commit: '', paths: ['sustechpoints'], licence: 'GPL-3.0' },
  },
];

/** The corpus folder's `corpus.json`, its scene folders made absolute. */
export function readCorpus(folder: string): Corpus {
  const corpus = JSON.parse(readFileSync(path.join(folder, 'corpus.json'), 'utf8')) as Corpus;
  for (const d of corpus.datasets) {
    if (d.role !== 'validation') throw new Error(`corpus.json: ${d.name} must have the role 'validation'`);
    d.scenes = d.scenes.map((s) => path.resolve(folder, s));
  }
  return corpus;
}

/** The tuning datasets, their scene folders under the shared data folder. */
export function tuningDatasets(sharedData: string): CorpusDataset[] {
  return TUNING.map((d) => ({ ...d, scenes: d.scenes.map((s) => path.resolve(sharedData, s)) }));
}
