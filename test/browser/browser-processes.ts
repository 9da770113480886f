import { readdirSync, readFileSync } from 'node:fs';

/**
 * The processes of the Chromium that runs on a profile directory: the browser and every child it started (zygotes,
 * renderers, GPU, network and storage services), found by the `--user-data-dir` Chromium hands to each of them.
 * Linux only (/proc); Chromium rewrites its command line into one string, so the directory is looked for in it.
 */
export function browserProcesses(profileDir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    if (cmdline.replaceAll('\0', ' ').includes(`--user-data-dir=${profileDir}`)) pids.push(Number(name));
  }
  return pids;
}

/** SIGKILL to every process of the profile's browser, all in one go: nothing of it gets to finish its work. */
export function killBrowserProcesses(profileDir: string): number[] {
  const pids = browserProcesses(profileDir);
  if (pids.length === 0) throw new Error(`no browser process runs on ${profileDir}`);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone: a child that died with its parent.
    }
  }
  return pids;
}
