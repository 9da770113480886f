import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { measureAccuracy, RESULTS_FILE } from './accuracy-results';

/**
 * `npm run accuracy`: measures interpolation on the demo drive and the KITTI validation sequences and writes
 * the results file the README's figures are generated from (`npm run accuracy:readme`). The figures depend on
 * the code and the data only, not on the machine; the unit tests fail when the committed file disagrees.
 */
async function main(): Promise<void> {
  const results = measureAccuracy();
  const config = (await resolveConfig(RESULTS_FILE)) ?? {};
  writeFileSync(RESULTS_FILE, await format(JSON.stringify(results), { ...config, plugins: [], parser: 'json' }));
  console.log(`${RESULTS_FILE} written`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
