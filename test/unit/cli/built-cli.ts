import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root, where `npm run build:cli` writes `dist/cli/frustum.js`. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUILT = `${ROOT}dist/cli/frustum.js`;

/** Builds the CLI as a user's install does, so that a test never runs a stale build. Throws if the build fails. */
export function buildCli(): void {
  execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
}

/** What one run of the built CLI did: its exit code and its whole stdout and stderr. */
export interface BuiltRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli/frustum.js <args>` in a child process, as a user's shell would, under an English locale. */
export function runBuilt(args: readonly string[], lang = 'en_US.UTF-8'): BuiltRun {
  const result = spawnSync(process.execPath, [BUILT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
