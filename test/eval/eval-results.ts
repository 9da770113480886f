import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AgreementReport } from '../../src/core/agreement/agreement';
import type { ClickFigures } from './click-figures';

/** The committed results file: what the README's pre-label tables are generated from, and tests check. */
export const RESULTS_FILE = 'test/eval/results.json';

/** Where a dataset came from: enough to fetch the very same files again. */
export interface DatasetSource {
  repository: string;
  commit: string;
  paths: string[];
  licence: string;
}

/** A method's pre-label figures on one dataset (cars, bird's-eye IoU 0.5, within 50 m). */
export interface PrelabelFigures {
  /** Reference cars compared (after range, field of view and the point floor). */
  referenceCars: number;
  recall: number;
  precision: number;
  /** Mean bird's-eye IoU of the matched pairs. */
  meanIou: number | null;
  /** Mean angle between length axes of the matched pairs, degrees. */
  headingErrorDeg: number | null;
  flipRate: number | null;
  /** Identity switches per reference track; null for datasets of unrelated single frames. */
  idSwitchesPerTrack: number | null;
  hota: number | null;
}

export interface DatasetResult {
  name: string;
  role: 'tuning' | 'validation';
  /** The importer's layout. */
  layout: string;
  source: DatasetSource;
  scenes: number;
  frames: number;
  /** Frames are unrelated (no tracking figures) or sequences. */
  sequences: boolean;
  prelabel: PrelabelFigures;
  prelabelAnchor: PrelabelFigures;
  click: ClickFigures;
  clickAnchor: ClickFigures;
}

export interface EvalResults {
  /** YYYY-MM-DD of the run. */
  date: string;
  engine: { model: string; version: string };
  protocol: Record<string, unknown>;
  anchors: { prelabel: string; click: string };
  datasets: DatasetResult[];
}

const round = (v: number | null, digits = 4): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits); // prettier-ignore

/** The figures the tables show, from one agreement report (bird's-eye IoU, cars only). */
export function prelabelFigures(report: AgreementReport, referenceTracks: number, sequences: boolean): PrelabelFigures {
  const at = report.detection.atIou['0.5']!;
  const deg = (r: number | null) => (r === null ? null : (r * 180) / Math.PI);
  return {
    referenceCars: at.tp + at.fn,
    recall: round(at.recall)!,
    precision: round(at.precision)!,
    meanIou: round(report.detection.meanIouBev),
    headingErrorDeg: round(deg(report.detection.headingError), 2),
    flipRate: round(report.detection.flipRate),
    idSwitchesPerTrack: sequences ? round(report.tracking.idSwitches / Math.max(1, referenceTracks)) : null,
    hota: sequences ? round(report.tracking.hota) : null,
  };
}

export function readCommittedResults(): EvalResults {
  return JSON.parse(readFileSync(fileURLToPath(new URL('./results.json', import.meta.url)), 'utf8')) as EvalResults;
}
