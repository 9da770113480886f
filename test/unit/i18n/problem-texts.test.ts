import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/i18n/i18n';
import { CODES_WITH_REASON, PROBLEM_TEXTS, problemText } from '../../../src/i18n/problem-texts';
import { problemTextsEn } from '../../../src/i18n/problem-texts-en';
import { problemTextsZhCN } from '../../../src/i18n/problem-texts-zh-CN';
import { foreignWords } from './latin-words';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));

/**
 * Where codes are made: the formats (readers, importers, writers, JSON checks) and the layers that throw the
 * app's own coded errors. The UI and the catalogues only read them.
 */
const CODE_FOLDERS = ['formats', 'app', 'storage', 'decode', 'state'];

/**
 * Code-shaped strings of those folders that are not codes, reviewed: nuScenes category names (`vehicle.car`),
 * JSON field names a message quotes (`lidar.path`) and this app's storage keys (`frustum.locale`).
 */
const NOT_CODES = /^(vehicle|human|lidar|frustum)\./;

/** A file name is code-shaped too (`frustum-manifest.json`): its extension gives it away. */
const FILE_NAME = /\.(json|txt|bin|pcd|png|jpe?g|zip|csv|las|laz|ply|js|ts|html|svelte|wasm)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** Every quoted `<area>.<thing>[.<fault>]` in the source that makes codes: what a problem or error may carry. */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of CODE_FOLDERS.flatMap((folder) => sourceFiles(join(SRC, folder)))) {
    const text = readFileSync(file, 'utf8');
    for (const [, code] of text.matchAll(/'([a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+)'/g)) {
      if (!NOT_CODES.test(code!) && !FILE_NAME.test(code!)) codes.add(code!);
    }
  }
  return codes;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('the sentences of problem and error codes', () => {
  const codes = codesInSource();

  it('finds the codes in the source: a new one without a sentence in every language fails here', () => {
    // The regex really sees them: codes made in each way (a problem, a thrown error, a JSON fault).
    for (const code of [
      'openlabel.cuboid.nonpositive-size',
      'kitti.label.no-sweep',
      'scene.missing',
      'schema.required',
      'ontology.color.invalid',
      'tracks.overlap',
    ])
      // prettier-ignore
      expect(codes, code).toContain(code);
    expect(codes.size).toBeGreaterThan(90);
    for (const locale of LOCALES) {
      const missing = [...codes].filter((code) => !Object.hasOwn(PROBLEM_TEXTS[locale], code));
      expect(missing, locale).toEqual([]);
    }
  });

  it('words no code the source no longer makes', () => {
    expect(Object.keys(problemTextsEn).filter((code) => !codes.has(code))).toEqual([]);
  });

  it('has the same codes and placeholders in 简体中文 as in English, in real Chinese', () => {
    expect(Object.keys(problemTextsZhCN).sort()).toEqual(Object.keys(problemTextsEn).sort());
    for (const [code, en] of Object.entries(problemTextsEn)) {
      const zh = problemTextsZhCN[code as keyof typeof problemTextsEn];
      expect(placeholders(zh), code).toEqual(placeholders(en));
      expect(foreignWords(zh), code).toEqual([]);
    }
    for (const code of CODES_WITH_REASON) expect(Object.hasOwn(problemTextsEn, code), code).toBe(true);
  });

  it('fills a sentence in pieces: figures among the words, names from the data apart', () => {
    const values = { length: 0, width: -1, height: 1.5 };
    expect(problemText('zh-CN', 'openlabel.cuboid.nonpositive-size', values)).toEqual([
      { text: '尺寸 0 × -1 × 1.5 不大于零（不是框，例如 KITTI 的忽略区域）：已跳过。' },
    ]);
    expect(problemText('zh-CN', 'labels.class.unknown', { className: 'Tram', classId: 'tram' })).toEqual([
      { text: '类别 ' },
      { data: 'Tram' },
      { text: ' 不在本体中：按 ' },
      { data: 'tram' },
      { text: ' 导入。' },
    ]);
    // A part said only where its values are given: the frames of a tracking file, none for an object file.
    expect(problemText('zh-CN', 'kitti.label.no-sweep', { frames: '7, 8' })).toEqual([{ text: '没有激光雷达点云的帧上的框已略过（帧 ' }, { data: '7, 8' }, { text: '）。' }]); // prettier-ignore
    expect(problemText('en', 'kitti.label.no-sweep')).toEqual([{ text: 'Boxes of frames without a LiDAR sweep were left out.' }]); // prettier-ignore
    // A value the sentence needs and the problem lacks, or a code no catalogue has: no sentence, never "{{x}}".
    expect(problemText('en', 'labels.class.unknown', { className: 'Tram' })).toBeUndefined();
    expect(problemText('en', 'labels.from.the-future')).toBeUndefined();
    expect(problemText('en', 'toString')).toBeUndefined();
  });
});
