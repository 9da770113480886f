import { readFileSync, writeFileSync } from 'node:fs';
import { readCommittedResults, RESULTS_FILE } from './eval-results';
import { formatMarkdown, tablesSection, withTables } from './readme-tables';

/** `npm run eval:readme`: rewrites the README's pre-label tables from the committed results file. */
async function main(): Promise<void> {
  const tables = await formatMarkdown(tablesSection(readCommittedResults()));
  const readme = readFileSync('README.md', 'utf8');
  const next = withTables(readme, tables);
  writeFileSync('README.md', next);
  console.log(`README.md: pre-label tables ${next === readme ? 'already' : 'now'} generated from ${RESULTS_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
