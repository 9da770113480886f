import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvalResults } from '../../eval/eval-results';
import { formatMarkdown, generatedTables, tablesSection, withTables } from '../../eval/readme-tables';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
const resultsUrl = new URL('../../eval/results.json', import.meta.url);

const figures = { referenceCars: 10, recall: 0.9, precision: 0.8, meanIou: 0.71, headingErrorDeg: 3.2, flipRate: 0.05, idSwitchesPerTrack: 0.02, hota: 0.6 }; // prettier-ignore
const click = { objects: 8, atGoal: 0.875, medianIou: 0.8, headingErrorDeg: 2.5, flipRate: 0, moving: { objects: 3, flipRate: 0 } }; // prettier-ignore
const sample: EvalResults = {
  date: '2026-01-01',
  engine: { model: 'frustum-classic', version: '1.0.0+00000000' },
  protocol: {},
  anchors: { prelabel: 'detections untracked', click: 'default box' },
  datasets: [
    {
      name: 'Some dataset',
      role: 'validation',
      layout: 'argoverse2',
      source: { repository: 'github.com/x/y', commit: 'abc', paths: ['p'], licence: 'MIT' },
      scenes: 1,
      frames: 2,
      sequences: true,
      prelabel: figures,
      prelabelAnchor: { ...figures, recall: 0.5, idSwitchesPerTrack: null, hota: null },
      click,
      clickAnchor: { ...click, atGoal: 0.25, moving: null },
    },
  ],
};

describe("the README's pre-label tables", () => {
  it('are what npm run eval:readme generates from the committed results file', async () => {
    const results = JSON.parse(readFileSync(resultsUrl, 'utf8')) as EvalResults;
    expect(generatedTables(readme)).toBe(await formatMarkdown(tablesSection(results)));
  });

  it('show each figure beside its anchor, say n/a where a figure has no meaning, and flag missed goals', () => {
    const text = tablesSection(sample);
    expect(text).toContain('| Some dataset, validation | 10 cars, 2 frames | 0.90 (0.50) | 0.80 (0.80) |');
    expect(text).toContain('| 0.02 (n/a) | 0.60 (n/a) |');
    expect(text).toContain('| 88% (25%) | 0.80 (0.80) | 2.5° (2.5°) | 0% (0%) | 0% of 3 (n/a) |');
    expect(text).toContain('1 dataset and 10 reference cars');
    expect(text).toContain('(**not met**)');
  });

  it('replace only the text between the markers', async () => {
    const next = withTables(readme, await formatMarkdown(tablesSection(sample)));
    const start = '<!-- prelabel-eval:start';
    const end = '<!-- prelabel-eval:end';
    expect(next.slice(0, next.indexOf(start))).toBe(readme.slice(0, readme.indexOf(start)));
    expect(next.slice(next.indexOf(end))).toBe(readme.slice(readme.indexOf(end)));
    expect(generatedTables(next)).toContain('Some dataset');
  });
});
