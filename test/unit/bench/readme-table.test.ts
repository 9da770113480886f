import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readmeLines } from '../../../bench/readme/readme-lines';
import { formatMarkdown, generatedRegion } from '../../../bench/readme/readme-region';
import { speedSection, whyMissed, type ReadmeNotes } from '../../../bench/readme/speed-section';
import { readResultsFile, RESULTS_DIR, type ResultsFile, type SavedRow } from '../../../bench/lib/results-file';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const notes = JSON.parse(readFileSync(`${ROOT}bench/readme/readme-notes.json`, 'utf8')) as ReadmeNotes;

/** The results file the README's table says it comes from. */
function quotedFile(): string {
  const file = /from\s+\[(bench\/results\/[^\]]+\.json)\]/.exec(generatedRegion(readme))?.[1];
  if (!file) throw new Error('the README’s Speed table names no results file under bench/results/');
  return file;
}

describe("the README's Speed table", () => {
  it('is what npm run bench:readme generates from the committed results file it names', async () => {
    const file = quotedFile();
    expect(file.startsWith(`${RESULTS_DIR}/`)).toBe(true);
    expect(existsSync(`${ROOT}${file}`)).toBe(true);
    const results = readResultsFile(`${ROOT}${file}`);
    const generated = await formatMarkdown(speedSection(results, file, notes));
    expect(generatedRegion(readme)).toBe(generated);
  });

  it('quotes a full run, and says why for every goal it misses', () => {
    const results = readResultsFile(`${ROOT}${quotedFile()}`);
    expect(results.quick).toBe(false);
    expect(results.only).toBeUndefined();
    expect(results.machine.cpu.cores).toBeGreaterThan(0);
    const unexplained = readmeLines(results.rows, notes.shown)
      .filter((line) => line.missed.length > 0 && whyMissed(line, notes) === undefined)
      .map((line) => line.id);
    expect(unexplained).toEqual([]);
  });
});

function row(overrides: Partial<SavedRow>): SavedRow {
  return {
    section: 'new-section',
    case: 'file bytes to first frame',
    points: 120_000,
    figure: 'ours',
    unit: 'ms',
    p50: 2,
    p95: 3,
    anchor: 'raw upload + draw',
    anchorP50: 1,
    anchorP95: 2,
    ratioName: '× anchor (lower is better)',
    ratio: 2,
    ratioP95: 1.5,
    goal: 'p95 ≤ 1.3×',
    met: false,
    judged: 1.5,
    ...overrides,
  };
}

const run: ResultsFile = {
  createdAt: '2030-01-02T03:04:05.000Z',
  machine: {
    kind: 'test',
    cpu: { model: 'Test CPU', cores: 4 },
    memoryGiB: 8,
    os: 'Test OS',
    node: 'v0',
    chromium: 'Chromium 0',
    gpu: { mode: 'swiftshader', adapters: { WebGPU: 'Test adapter' } },
  },
  loadAverage: { start: [3.5, 2, 1], end: [4.2, 2, 1] },
  quick: false,
  only: undefined,
  browsers: ['webgpu'],
  gpu: 'swiftshader',
  gcBetweenCases: true,
  notes: [],
  rows: [
    row({}),
    row({ points: 1_000_000, met: true, judged: 1.1, ratioP95: 1.1 }),
    row({ figure: 'diagnostic', goal: undefined, met: undefined, judged: undefined, ratio: 0.5 }),
    row({ section: 'labels', case: 'edit', points: 0, goal: 'p95 ≤ 16 ms', met: true, judged: 0.8, p95: 0.8 }),
  ],
};

describe('speedSection', () => {
  it('gives every row with a goal a line, whatever its section, and leaves goal-less ones to the file', () => {
    const text = speedSection(run, 'bench/results/x.json', { missed: {}, shown: [] });
    expect(text).toContain('| new-section | file bytes to first frame: ours vs raw upload + draw | p95 ≤ 1.3× |');
    expect(text).toContain('120k **1.50×**, 1M 1.10×');
    expect(text).toContain('| labels | edit: ours vs raw upload + draw | p95 ≤ 16 ms | 0.800 ms | yes |');
    expect(text).not.toContain('diagnostic');
    const prose = text.replace(/\s+/g, ' ');
    expect(prose).toContain('Test CPU, 4 cores, 8 GiB, Test OS');
    expect(prose).toContain('WebGPU on Test adapter');
    expect(prose).toContain('1-minute load average 3.5 at the start, 4.2 at the end');
  });

  it('lists each missed goal with where it was missed and the note matching its id', () => {
    const why = 'The upload dominates at this size.';
    const text = speedSection(run, 'bench/results/x.json', { missed: { 'new-section · file bytes*': why }, shown: [] });
    const missed = text.slice(text.indexOf('Missed, and why:')).replace(/\s+/g, ' ');
    expect(missed).toContain('new-section · file bytes to first frame: ours vs raw upload + draw');
    expect(missed).toContain('missed at 120k (1.50×)');
    expect(missed).not.toContain('1M');
    expect(missed).toContain(why);
    expect(missed).not.toContain('labels ·');
  });

  it('says when a missed goal has no explanation, and shows goal-less lines the notes name', () => {
    const text = speedSection(run, 'bench/results/x.json', { missed: {}, shown: ['new-section · *: diagnostic vs *'] });
    expect(text.replace(/\s+/g, ' ')).toContain('No explanation recorded yet');
    expect(text).toContain(
      '| new-section | file bytes to first frame: diagnostic vs raw upload + draw | — | 120k 0.500× | — |',
    );
  });
});
