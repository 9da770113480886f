import { readFileSync, writeFileSync } from 'node:fs';
import { newestResultsFile, readResultsFile, RESULTS_DIR } from '../lib/results-file';
import { formatMarkdown, withRegion } from './readme-region';
import { NOTES_FILE, speedSection, type ReadmeNotes } from './speed-section';

/**
 * `npm run bench:readme [-- <results file>]`: rewrites the README's Speed table and its "missed, and why" list
 * from a committed results file (default: the newest in bench/results/). Run from the repository root.
 */
async function main(): Promise<void> {
  const file = process.argv[2] ?? newestResultsFile();
  if (!file) throw new Error(`no results file in ${RESULTS_DIR}: run npm run bench first`);
  const results = readResultsFile(file);
  const notes = JSON.parse(readFileSync(NOTES_FILE, 'utf8')) as ReadmeNotes;
  const region = await formatMarkdown(speedSection(results, file, notes));
  const readme = readFileSync('README.md', 'utf8');
  const next = withRegion(readme, region);
  writeFileSync('README.md', next);
  console.log(`README.md: Speed table ${next === readme ? 'already' : 'now'} generated from ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
