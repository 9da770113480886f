export interface BenchArgs {
  only: string | undefined;
  quick: boolean;
  out: string;
  help: boolean;
}

export const USAGE = 'usage: npm run bench -- [--only <section>] [--quick] [--out <file>]';

/** Reads `--only <section>`, `--quick`, `--out <file>` (default bench/results.json), `--help`; throws on anything else. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { only: undefined, quick: false, out: 'bench/results.json', help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quick') args.quick = true;
    else if (flag === '--only' || flag === '--out') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      if (flag === '--only') args.only = value;
      else args.out = value;
    } else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return args;
}
