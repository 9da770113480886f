import { mkdirSync } from 'node:fs';

/** Where browser tests leave their screenshots: an ignored folder, so a test run changes no tracked file. */
export const SCREENSHOTS = 'test-results/screenshots';

/** The path for a screenshot named `name` (e.g. `timeline.png`), its folder made. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return `${SCREENSHOTS}/${name}`;
}
