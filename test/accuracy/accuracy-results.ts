import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { means, type InterpolationErrors } from './interpolation-errors';
import { demoErrors, kittiErrors, KITTI_VALIDATION } from './interpolation-sets';
import type { ReferenceStructure } from './reference-structure';

/** The committed results file: what the README's accuracy figures are generated from, and tests check. */
export const RESULTS_FILE = 'test/accuracy/results.json';

/** Mean centre errors (metres, rounded to 0.1 mm) over `boxes` boxes. */
export interface ErrorFigures {
  boxes: number;
  curve: number;
  straight: number;
  anchor: number;
}

/** One set's figures: over every box between keyframes, and where the vehicle moved between them. */
export interface SetFigures {
  name: string;
  tracks?: number;
  sequences?: string[];
  all: ErrorFigures;
  moving: ErrorFigures;
  /** Only the boxes a person placed in the reference (KITTI: see `reference`). */
  placed?: ErrorFigures;
  /** How the reference's boxes lie along their tracks (KITTI). */
  reference?: ReferenceStructure;
}

export interface AccuracyResults {
  interpolation: {
    keyframeEvery: number;
    demo: SetFigures;
    kittiValidation: SetFigures;
  };
}

const round = (v: number): number => Math.round(v * 1e4) / 1e4;

/** Rounded means of summed errors, as the results file keeps them. */
export function figuresOf(errors: InterpolationErrors): Pick<SetFigures, 'all' | 'moving' | 'placed'> {
  const figures = (sums: InterpolationErrors['all']): ErrorFigures => {
    const m = means(sums);
    return { boxes: m.boxes, curve: round(m.curve), straight: round(m.straight), anchor: round(m.anchor) };
  };
  const placed = errors.placed.n > 0 ? { placed: figures(errors.placed) } : {};
  return { all: figures(errors.all), moving: figures(errors.moving), ...placed };
}

export function demoFigures(): SetFigures {
  const { tracks, errors } = demoErrors();
  return { name: 'demo drive, moving road users', tracks, ...figuresOf(errors) };
}

export function kittiValidationFigures(): SetFigures {
  const { files, errors, reference } = kittiErrors(KITTI_VALIDATION);
  const sequences = files.map((f) => /(\d{4})\.json$/.exec(f)?.[1] ?? f);
  return { name: 'KITTI tracking, validation sequences', sequences, ...figuresOf(errors), reference };
}

/** Measures everything the results file holds (a few seconds: the demo's ground truth and 8 KITTI sequences). */
export function measureAccuracy(): AccuracyResults {
  return { interpolation: { keyframeEvery: 10, demo: demoFigures(), kittiValidation: kittiValidationFigures() } };
}

/** The committed results file, read from the repository whatever the working directory. */
export function readCommittedResults(): AccuracyResults {
  const path = fileURLToPath(new URL(`../../${RESULTS_FILE}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as AccuracyResults;
}
