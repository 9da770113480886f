import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCommittedResults, type AccuracyResults } from '../../accuracy/accuracy-results';
import { figuresSection, formatMarkdown, generatedFigures, withFigures } from '../../accuracy/readme-figures';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

describe("the README's accuracy figures", () => {
  it('are what npm run accuracy:readme generates from the committed results file', async () => {
    const generated = await formatMarkdown(figuresSection(readCommittedResults()));
    expect(generatedFigures(readme)).toBe(generated);
  });

  it('say when a goal is missed, and replace only the text between the markers', async () => {
    const results: AccuracyResults = structuredClone(readCommittedResults());
    const kitti = results.interpolation.kittiValidation;
    kitti.all = { boxes: 100, curve: 0.08, straight: 0.09, anchor: 0.1 };
    const text = figuresSection(results);
    expect(text).toContain('at most 0.070 m (**not met**, 0.080 m)');
    expect(text).toContain('at most 0.45× the anchor (**not met**, 0.80×)');
    kitti.all = { boxes: 100, curve: 0.04, straight: 0.09, anchor: 0.1 };
    expect(figuresSection(results)).toContain('at most 0.45× the anchor (met, 0.40×)');
    const next = withFigures(readme, await formatMarkdown(figuresSection(results)));
    expect(next.slice(0, readme.indexOf('<!-- accuracy-figures:start'))).toBe(
      readme.slice(0, readme.indexOf('<!-- accuracy-figures:start')),
    );
    expect(next.slice(next.indexOf('<!-- accuracy-figures:end'))).toBe(
      readme.slice(readme.indexOf('<!-- accuracy-figures:end')),
    );
    expect(generatedFigures(next)).toContain('0.040 m');
  });
});
