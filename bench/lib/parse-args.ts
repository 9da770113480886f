import type { BrowserBackend, GpuMode } from './section';

export interface BenchArgs {
  only: string | undefined;
  quick: boolean;
  /** `--out <file>`; undefined: a full run writes bench/results/<date>-<machine>.json, a partial one results.json. */
  out: string | undefined;
  /** `--machine <kind>`: the machine's name in the results file's name (default "<cores>-core-<gpu mode>"). */
  machine: string | undefined;
  help: boolean;
  /** Backends of the GPU browser sections: `--browser webgpu|webgl2|both` (default both). */
  browsers: BrowserBackend[];
  /** `--gpu swiftshader|hardware` (default swiftshader, what machines without a GPU and CI have). */
  gpu: GpuMode;
}

export const USAGE =
  'usage: npm run bench -- [--only <section>] [--quick] [--out <file>] [--machine <kind>] ' +
  '[--browser webgpu|webgl2|both] [--gpu swiftshader|hardware]';

const BROWSERS: Record<string, BrowserBackend[]> = {
  webgpu: ['webgpu'],
  webgl2: ['webgl2'],
  both: ['webgpu', 'webgl2'],
};

/** Flags followed by a value. */
const VALUE_FLAGS = new Set(['--only', '--out', '--machine', '--browser', '--gpu']);

/**
 * Reads `--only <section>`, `--quick`, `--out <file>`, `--machine <kind>`, `--browser <which>`, `--gpu <mode>`,
 * `--help`; throws on anything else.
 */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    only: undefined,
    quick: false,
    out: undefined,
    machine: undefined,
    help: false,
    browsers: BROWSERS['both']!,
    gpu: 'swiftshader',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quick') args.quick = true;
    else if (flag !== undefined && VALUE_FLAGS.has(flag)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      if (flag === '--only') args.only = value;
      else if (flag === '--out') args.out = value;
      else if (flag === '--machine') {
        // It becomes part of a file name.
        if (!/^[a-z0-9][a-z0-9-]*$/.test(value)) throw new Error(`--machine takes [a-z0-9-], not ${value}\n${USAGE}`);
        args.machine = value;
      } else if (flag === '--browser') {
        const browsers = BROWSERS[value];
        if (!browsers) throw new Error(`--browser takes webgpu, webgl2 or both, not ${value}\n${USAGE}`);
        args.browsers = browsers;
      } else {
        if (value !== 'swiftshader' && value !== 'hardware') {
          throw new Error(`--gpu takes swiftshader or hardware, not ${value}\n${USAGE}`);
        }
        args.gpu = value;
      }
    } else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return args;
}
