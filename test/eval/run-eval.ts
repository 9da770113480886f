import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createClassicDetector } from '../../src/core/prelabel/detect';
import { readCorpus, tuningDatasets, type CorpusDataset } from './corpus';
import { evaluateDataset } from './eval-dataset';
import { RESULTS_FILE, type DatasetResult, type EvalResults } from './eval-results';
import { PROTOCOL } from './protocol';

/** The naive methods every figure is set against, as the README names them. */
export const ANCHORS = {
  prelabel: 'the same detector without the tracker: every detection a track of its own',
  click: 'the class’s default-size box centred at the click, on the ground, its length along the line of sight',
};

/**
 * `npm run eval -- <corpus folder> [--shared <shared data folder>]`: the pre-label engine and the one-click fit
 * against the labels of every dataset, tuning (the shared sample data) and validation (the corpus folder's
 * `corpus.json`), each with its anchor; writes the committed results file. Not part of `npm test`: the corpus
 * is third-party data kept out of the repository.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sharedAt = args.indexOf('--shared');
  const shared = path.resolve(sharedAt >= 0 ? args[sharedAt + 1]! : '../shared/data');
  const folder = args.find((a, i) => !a.startsWith('--') && !(sharedAt >= 0 && i === sharedAt + 1));
  if (!folder || !existsSync(path.join(folder, 'corpus.json'))) {
    throw new Error('usage: npm run eval -- <corpus folder holding corpus.json> [--shared <shared data folder>]');
  }
  const datasets: CorpusDataset[] = [...tuningDatasets(shared), ...readCorpus(folder).datasets];
  const detector = createClassicDetector();
  const results: DatasetResult[] = [];
  let engine = { model: detector.model, version: detector.version };
  for (const dataset of datasets) {
    const out = await evaluateDataset(dataset, detector, (line) => console.log(line));
    results.push(out.result);
    engine = out.engine;
  }
  const file: EvalResults = {
    date: new Date().toISOString().slice(0, 10),
    engine,
    protocol: { ...PROTOCOL, similarity: 'bev-iou' },
    anchors: ANCHORS,
    datasets: results,
  };
  const config = (await resolveConfig(RESULTS_FILE)) ?? {};
  writeFileSync(RESULTS_FILE, await format(JSON.stringify(file), { ...config, parser: 'json' }));
  console.log(`${RESULTS_FILE}: ${results.length} datasets; npm run eval:readme puts the tables into README.md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
