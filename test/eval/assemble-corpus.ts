import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeDgpManifest } from './dgp-scene';

/**
 * `node --import tsx test/eval/assemble-corpus.ts [corpus folder] [--clones <folder>]`: rebuilds the validation
 * corpus (default `.eval-data`, git-ignored) from the very repositories and commits its `corpus.json` names.
 * Each repository is cloned without checkout into `<corpus>/.clones/<owner>/<name>` (or read from an existing
 * clone at `--clones <folder>/<owner>/<name>`), and the listed paths at the listed commit are extracted with
 * `git archive`. Nothing of it enters the repository.
 */
interface Extract {
  /** Folder under the corpus folder. */
  into: string;
  /** The path in the repository whose contents go there. */
  path: string;
  /** A converter run on the folder afterwards (`dgp`: writes a Frustum scene manifest beside the DGP scene). */
  convert?: 'dgp';
}

interface Source {
  repository: string;
  commit: string;
  extracts: Extract[];
}

const AV2_TEST_DATA = 'tests/unit/test_data';
const DGP_TEST_SCENE = 'tests/data/dgp/test_scene';
export const SOURCES: Source[] = [
  {
    repository: 'argoverse/av2-api',
    commit: 'b7321d1f71f6ce0ecdd151f4f2b648338c191edd',
    extracts: [
      { into: 'argoverse2/7fab2350-7eaf-3b7e-a39d-6937a4c1bede', path: `${AV2_TEST_DATA}/sensor/val/7fab2350-7eaf-3b7e-a39d-6937a4c1bede` }, // prettier-ignore
      { into: 'argoverse2/adcf7d18-0510-35b0-a2fa-b4cea13a6d76', path: `${AV2_TEST_DATA}/sensor_dataset_logs/av2/sensor/val/adcf7d18-0510-35b0-a2fa-b4cea13a6d76` }, // prettier-ignore
    ],
  },
  {
    repository: 'TRI-ML/dgp',
    commit: '1e06dc9349ab63c3c73c498e1528d9522d3f4f95',
    extracts: [
      { into: 'dgp/scene_01', path: `${DGP_TEST_SCENE}/scene_01`, convert: 'dgp' },
      { into: 'dgp/scene_02', path: `${DGP_TEST_SCENE}/scene_02`, convert: 'dgp' },
    ],
  },
];

const [AV2, DGP] = SOURCES as [Source, Source];

/** What `npm run eval` reads: the datasets, their scene folders, sources and licences. */
export const CORPUS = {
  datasets: [
    {
      name: 'Argoverse 2 sensor (2 logs, 3 sweeps)',
      role: 'validation',
      layout: 'argoverse2',
      scenes: AV2.extracts.map((e) => e.into),
      source: {
        repository: 'github.com/argoverse/av2-api',
        commit: AV2.commit,
        paths: AV2.extracts.map((e) => e.path),
        licence: 'CC BY-NC-SA 4.0 (Argoverse 2 data); repository MIT',
      },
    },
    {
      name: 'TRI DGP test scenes (2 scenes, 6 sweeps)',
      role: 'validation',
      layout: 'frustum-manifest',
      scenes: DGP.extracts.map((e) => e.into),
      source: {
        repository: 'github.com/TRI-ML/dgp',
        commit: DGP.commit,
        paths: DGP.extracts.map((e) => e.path),
        licence: 'MIT (repository and its test data)',
      },
    },
  ],
};

function git(gitDir: string, args: string[]): Buffer {
  return execFileSync('git', [`--git-dir=${gitDir}`, ...args], { maxBuffer: 1 << 30 });
}

function gitDirOf(corpus: string, repository: string, clones: string | undefined): string {
  if (clones) {
    const at = path.join(clones, ...repository.split('/'));
    return existsSync(path.join(at, '.git')) ? path.join(at, '.git') : at;
  }
  const at = path.join(corpus, '.clones', ...repository.split('/'));
  if (!existsSync(at)) {
    mkdirSync(path.dirname(at), { recursive: true });
    execFileSync('git', ['clone', '--bare', '--filter=blob:none', `https://github.com/${repository}.git`, at], { stdio: 'inherit' }); // prettier-ignore
  }
  return at;
}

function main(): void {
  const args = process.argv.slice(2);
  const clonesAt = args.indexOf('--clones');
  const clones = clonesAt >= 0 ? path.resolve(args[clonesAt + 1]!) : undefined;
  const corpus = path.resolve(
    args.find((a, i) => !a.startsWith('--') && !(clonesAt >= 0 && i === clonesAt + 1)) ?? '.eval-data',
  );
  mkdirSync(corpus, { recursive: true });
  for (const source of SOURCES) {
    const gitDir = gitDirOf(corpus, source.repository, clones);
    for (const extract of source.extracts) {
      const { into, path: inRepo } = extract;
      const target = path.join(corpus, into);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      const depth = inRepo.split('/').length;
      const archive = git(gitDir, ['archive', '--format=tar', source.commit, inRepo]);
      execFileSync('tar', ['-x', `--strip-components=${depth}`, '-C', target], { input: archive });
      if (extract.convert === 'dgp') console.log(`${into}: ${writeDgpManifest(target)} sweeps to a scene manifest`);
      console.log(`${into}: from ${source.repository} at ${source.commit.slice(0, 12)}`);
    }
  }
  writeFileSync(path.join(corpus, 'corpus.json'), JSON.stringify(CORPUS, null, 2) + '\n');
  console.log(`${path.join(corpus, 'corpus.json')}: ${CORPUS.datasets.length} datasets`);
}

main();
