import { spawnSync } from 'node:child_process';

/** The code a run measured: the commit checked out, and how many tracked files differed from it. */
export interface SourceRevision {
  commit: string;
  /** Tracked files changed and not committed when the run started (0: the run measured `commit` itself). */
  changedFiles: number;
}

function git(args: string[]): string | undefined {
  const result = spawnSync('git', args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The checkout's commit and its uncommitted changes to tracked files; undefined outside a git checkout. */
export function sourceRevision(): SourceRevision | undefined {
  const commit = git(['rev-parse', 'HEAD']);
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  if (commit === undefined || status === undefined) return undefined;
  return { commit, changedFiles: status === '' ? 0 : status.split('\n').length };
}
