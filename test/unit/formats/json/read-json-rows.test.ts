import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/core/math/random';
import { JsonFileError } from '../../../../src/formats/json/json-file-error';
import { readJsonRows, type RowFilter } from '../../../../src/formats/json/read-json-rows';
import { createMemoryFiles, type SceneFiles } from '../../../../src/formats/scene/scene-files';

const PATH = 'v1.0-mini/sample_annotation.json';
const encoder = new TextEncoder();

type Row = Record<string, unknown>;

/** A source holding one file, with `readRange` when `ranges` is set; counts the calls of each. */
function source(bytes: Uint8Array, ranges = true): SceneFiles & { reads: number; rangeReads: number[][] } {
  const files = createMemoryFiles('tables', { [PATH]: bytes });
  const counted = {
    ...files,
    reads: 0,
    rangeReads: [] as number[][],
    read: async (path: string) => {
      counted.reads++;
      return files.read(path);
    },
  };
  if (!ranges) return counted;
  return Object.assign(counted, {
    readRange: async (path: string, start: number, end: number) => {
      counted.rangeReads.push([start, end]);
      return (await files.read(path)).slice(start, end);
    },
  });
}

/** Characters that a scanner could take for structure, or that UTF-8 writes in several bytes. */
const TRICKY = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '\t', 'é', '中', '😀', '\u0001', '/', 'a', '7'];

function trickyString(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += TRICKY[Math.floor(random() * TRICKY.length)]!;
  return text;
}

/** nuScenes-like rows: tokens, a scene token to filter by, numbers, nested arrays, strings with every TRICKY. */
function table(count: number, seed: number): { rows: Row[]; scenes: string[] } {
  const random = createRandom(seed);
  const token = () =>
    Math.floor(random() * 2 ** 52)
      .toString(16)
      .padStart(13, '0');
  const scenes = ['scene-a', 'scene-b', 'scene-c', 'scène-ü'];
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      token: token(),
      scene_token: scenes[Math.floor(random() * scenes.length)],
      translation: [random() * 1000 - 500, random() * 100, -random()],
      camera_intrinsic:
        i % 3 === 0
          ? []
          : [
              [1266.4, 0, 816.3],
              [0, 1266.4, 491.5],
              [0, 0, 1],
            ],
      name: trickyString(random, Math.floor(random() * 12)),
      attribute_tokens: i % 2 ? [token(), token()] : [],
      next: i % 5 === 0 ? '' : token(),
      is_key_frame: random() < 0.5,
      note: i % 7 === 0 ? null : `"scene_token": "scene-a" \\ ${i}`,
    });
  }
  return { rows, scenes };
}

const keep = (rows: Row[], filter?: RowFilter) =>
  filter ? rows.filter((r) => typeof r[filter.key] === 'string' && filter.values.has(r[filter.key] as string)) : rows;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('readJsonRows', () => {
  const { rows, scenes } = table(300, 16);
  const filters: (RowFilter | undefined)[] = [
    undefined,
    { key: 'scene_token', values: new Set([scenes[1]!]) },
    { key: 'scene_token', values: new Set([scenes[0]!, scenes[3]!]) },
    { key: 'token', values: new Set([rows[0]!['token'] as string, rows[299]!['token'] as string, 'absent']) },
    { key: 'scene_token', values: new Set() },
  ];

  for (const indent of [0, 2, '\t']) {
    const text = JSON.stringify(rows, null, indent);
    for (const chunkBytes of [7, 64, 1000, undefined]) {
      it(`gives what JSON.parse and a filter give (indent ${JSON.stringify(indent)}, chunks of ${chunkBytes ?? 'default'} B)`, async () => {
        const files = source(encoder.encode(text));
        for (const filter of filters) {
          const read = await readJsonRows<Row>(files, PATH, filter, chunkBytes === undefined ? {} : { chunkBytes });
          expect(read).toEqual(keep(JSON.parse(text) as Row[], filter));
        }
        expect(files.reads).toBe(0);
      });
    }
  }

  it('reads the whole file once where the source has no readRange', async () => {
    const files = source(encoder.encode(JSON.stringify(rows)), false);
    const filter = filters[1]!;
    expect(await readJsonRows<Row>(files, PATH, filter, { chunkBytes: 64 })).toEqual(keep(rows, filter));
    expect(files.reads).toBe(1);
  });

  it('reads ranges chunk by chunk, and stops at the first short one', async () => {
    const bytes = encoder.encode(JSON.stringify(rows));
    const files = source(bytes);
    await readJsonRows<Row>(files, PATH, filters[1], { chunkBytes: 4096 });
    expect(files.rangeReads.length).toBe(Math.floor(bytes.length / 4096) + 1);
    expect(files.rangeReads[1]).toEqual([4096, 8192]);
  });

  it('reads a row longer than a chunk, and one cut right after its opening brace', async () => {
    const long = { token: 'long', name: 'x'.repeat(5000), list: Array.from({ length: 200 }, (_, i) => [i, 'é']) };
    const table = [{ token: 'a' }, long, { token: 'b' }];
    const text = JSON.stringify(table);
    for (const chunkBytes of [1, 2, 13, 512]) {
      const files = source(encoder.encode(text));
      expect(await readJsonRows<Row>(files, PATH, undefined, { chunkBytes })).toEqual(table);
      const filter = { key: 'token', values: new Set(['long', 'b']) };
      expect(await readJsonRows<Row>(files, PATH, filter, { chunkBytes })).toEqual([long, { token: 'b' }]);
    }
  });

  it('reads empty arrays, whitespace around everything and a byte-order mark', async () => {
    for (const text of ['[]', ' \n[ \t]\r\n', '\ufeff[]']) {
      expect(await readJsonRows(source(encoder.encode(text)), PATH, undefined, { chunkBytes: 1 })).toEqual([]);
    }
    const spaced =
      '\ufeff [ { "scene_token" \n :\t "scene-a" , "n" : [ 1 , [ 2 ] ] } ,\n{"scene_token":"scene-b"} ] \n';
    const filter = { key: 'scene_token', values: new Set(['scene-a']) };
    for (const chunkBytes of [1, 3, 100]) {
      const read = await readJsonRows(source(encoder.encode(spaced)), PATH, filter, { chunkBytes });
      expect(read).toEqual([{ scene_token: 'scene-a', n: [1, [2]] }]);
    }
  });

  it('matches the key only as a top-level field with a string value', async () => {
    const table: Row[] = [
      { name: 'scene_token', other: 'scene-a' },
      { nested: { scene_token: 'scene-a' } },
      { list: [{ scene_token: 'scene-a' }], more: ['scene_token', 'scene-a'] },
      { scene_token: ['scene-a'] },
      { scene_token: null, after: 'scene-a' },
      { scene_token: 1, x: 'scene_token' },
      { scene_tokens: 'scene-a', xscene_token: 'scene-a' },
      { 'scene_token ': 'scene-a' },
      { a: { b: 1 }, scene_token: 'scene-a' },
      { scene_token: 'scene-a' },
    ];
    const filter = { key: 'scene_token', values: new Set(['scene-a']) };
    for (const chunkBytes of [5, 1000]) {
      const read = await readJsonRows<Row>(source(encoder.encode(JSON.stringify(table))), PATH, filter, { chunkBytes });
      expect(read).toEqual(table.slice(-2));
    }
  });

  it('takes keys and values written with escapes, and the last of a repeated key, as JSON.parse does', async () => {
    const text =
      '[{"scene\\u005ftoken":"scene-\\u0061"},{"scene_token":"scene\\/a"},{"scene_token":"a\\"b"},' +
      '{"scene_token":"scene-a","scene_token":"scene-b"},{"scene_token":"scene-b","scene_token":"scene-a"},' +
      '{"scene_token":"scene-a","scene_token":7},{"scene_token":"\\u4e2d"},{"scene_token":"中"}]';
    const filter = { key: 'scene_token', values: new Set(['scene-a', 'scene/a', 'a"b', '中']) };
    const read = await readJsonRows<Row>(source(encoder.encode(text)), PATH, filter, { chunkBytes: 9 });
    expect(read).toEqual(keep(JSON.parse(text) as Row[], filter));
    expect(read).toHaveLength(6);
  });

  const malformed: [string, string, RegExp][] = [
    ['an empty file', '', /^\/ ends before the closing "\]", at byte 0/],
    ['an object, not an array', '{"token":"a"}', /^\/ expected an array at byte 0/],
    ['a row that is not an object', '[{"token":"a"}, 3]', /^\/1 expected row 1 to be an object at byte 16/],
    ['rows without a comma', '[{"token":"a"} {}]', /^\/1 expected "," or "\]" after row 0 at byte 15/],
    ['a trailing comma', '[{"token":"a"},]', /^\/1 expected row 1 to be an object at byte 15/],
    ['content after the array', '[{"token":"a"}] []', /^\/1 expected nothing after the closing "\]" at byte 16/],
    ['a row closed by "]"', '[{"token":[1}]]', /^\/0 "\]" closes the object opened at byte 1/],
    ['a file cut inside a row', '[{"token":"a"},{"token":"b", "n": [1, 2', /^\/1 ends inside row 1 \(opened at byte 15\), at byte 39/], // prettier-ignore
    ['a file cut inside a string', '[{"token":"a\\"},', /^\/0 ends inside row 0 \(opened at byte 1\)/],
    ['a file cut before "]"', '[{"token":"a"},\n', /^\/ ends before the closing "\]", at byte 16/],
    ['a kept row that is not valid JSON', '[{"token":"a"},{"token":"b","n":tru}]', /^\/1 not valid JSON \(.*\), in the row at byte 15/], // prettier-ignore
  ];
  for (const [what, text, fault] of malformed) {
    it(`names the file and the place for ${what}`, async () => {
      for (const chunkBytes of [1, 4, 1000]) {
        const error = await rejection(readJsonRows(source(encoder.encode(text)), PATH, undefined, { chunkBytes }));
        expect(error).toBeInstanceOf(JsonFileError);
        expect((error as JsonFileError).code).toBe('json.syntax');
        expect((error as JsonFileError).fileName).toBe(PATH);
        expect(error.message.startsWith(`${PATH}: `)).toBe(true);
        expect((error as JsonFileError).faults[0]).toMatch(fault);
      }
    });
  }

  it('rejects every file cut short, wherever the cut falls', async () => {
    const text = encoder.encode(JSON.stringify(table(6, 3).rows));
    for (let cut = 0; cut < text.length; cut++) {
      const files = source(text.subarray(0, cut));
      for (const chunkBytes of [3, 1000]) {
        const error = await rejection(readJsonRows(files, PATH, filters[1], { chunkBytes }));
        expect(error, `cut at ${cut}`).toBeInstanceOf(JsonFileError);
      }
    }
  });

  it('checks only the rows it keeps: a fault inside a row left out goes unnoticed', async () => {
    const text = '[{"token":"a","n":tru},{"token":"b"}]';
    const filter = { key: 'token', values: new Set(['b']) };
    expect(await readJsonRows(source(encoder.encode(text)), PATH, filter)).toEqual([{ token: 'b' }]);
  });

  it('rejects with an Error naming the path when the file cannot be read', async () => {
    const error = await rejection(readJsonRows(createMemoryFiles('tables', {}), PATH));
    expect(error.message).toContain(PATH);
  });

  it('stops with an AbortError when the signal aborts, before reading or between chunks', async () => {
    const bytes = encoder.encode(JSON.stringify(rows));
    const aborted = new AbortController();
    aborted.abort();
    const files = source(bytes);
    expect((await rejection(readJsonRows(files, PATH, undefined, { signal: aborted.signal }))).name).toBe('AbortError');
    expect(files.rangeReads).toEqual([]);
    const controller = new AbortController();
    const abortingFiles: SceneFiles = {
      ...files,
      readRange: async (path, start, end) => {
        if (start > 0) controller.abort();
        return bytes.slice(start, end);
      },
    };
    const options = { chunkBytes: 256, signal: controller.signal };
    expect((await rejection(readJsonRows(abortingFiles, PATH, undefined, options))).name).toBe('AbortError');
  });
});
