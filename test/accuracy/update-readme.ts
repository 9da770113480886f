import { readFileSync, writeFileSync } from 'node:fs';
import { readCommittedResults, RESULTS_FILE } from './accuracy-results';
import { figuresSection, formatMarkdown, withFigures } from './readme-figures';

/** `npm run accuracy:readme`: rewrites the README's accuracy figures from the committed results file. */
async function main(): Promise<void> {
  const figures = await formatMarkdown(figuresSection(readCommittedResults()));
  const readme = readFileSync('README.md', 'utf8');
  const next = withFigures(readme, figures);
  writeFileSync('README.md', next);
  console.log(`README.md: accuracy figures ${next === readme ? 'already' : 'now'} generated from ${RESULTS_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
