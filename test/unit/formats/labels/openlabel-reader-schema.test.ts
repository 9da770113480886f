import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../src/core/math/random';
import { readOpenLabel } from '../../../../src/formats/labels/openlabel-reader';
import { findOpenLabelFaults } from '../../../../src/formats/labels/openlabel-validate';
import { writeOpenLabel } from '../../../../src/formats/labels/openlabel-writer';
import { validFile } from './openlabel-broken-files';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

const EXAMPLES = fileURLToPath(new URL('../../../../../shared/data/openlabel/spec-examples/', import.meta.url));

describe('readOpenLabel checks the schema and reads on', () => {
  it('names each violation as a problem at its JSON path, and still reads the rest', () => {
    const file = validFile();
    const ol = file['openlabel'];
    ol.frames['0'].objects['0'].object_data.cuboid[0].val = [1, 2, 3, 4, 5, 6, 7, 8];
    ol.frames['0'].objects['0'].object_data.num[0].val = 'fast';
    ol.frames['abc'] = { objects: { '0': { object_data: { cuboid: [{ name: 'box', val: [0, 0, 0, 0, 0, 0, 1, 1, 1] }] } } } }; // prettier-ignore
    ol.relations['0'].rdf_objects = 7;
    const { set, problems } = readOpenLabel(JSON.stringify(file), 'small.json');
    const schema = problems.filter((p) => p.code === 'openlabel.schema');
    expect(schema.sort((a, b) => a.place!.localeCompare(b.place!))).toEqual([
      { path: 'small.json', code: 'openlabel.schema', place: '/openlabel/frames/0/objects/0/object_data/cuboid/0/val', message: 'must NOT have fewer than 9 items' }, // prettier-ignore
      { path: 'small.json', code: 'openlabel.schema', place: '/openlabel/frames/0/objects/0/object_data/num/0/val', message: 'must be number' }, // prettier-ignore
      { path: 'small.json', code: 'openlabel.schema', place: '/openlabel/frames/abc', message: 'is not a frame number (frame keys are non-negative integers)' }, // prettier-ignore
      { path: 'small.json', code: 'openlabel.schema', place: '/openlabel/relations/0/rdf_objects', message: 'must be array' }, // prettier-ignore
    ]);
    // The track, its box on frame 1 and the action are read; the broken box and the frame "abc" are not.
    expect(set.tracks.map((t) => t.id)).toEqual(['car-1']);
    expect(set.cuboids.map((c) => [c.frameIndex, c.position[0]])).toEqual([[1, expect.any(Number)]]);
    expect(set.scene.frames).toHaveLength(2);
    expect(set.segments.map((s) => [s.kind, s.trackId])).toEqual([['turning', undefined]]);
  });

  it('reads a valid file with no schema problem', () => {
    const { set, problems } = readOpenLabel(JSON.stringify(validFile()), 'small.json');
    expect(problems.filter((p) => p.code === 'openlabel.schema')).toEqual([]);
    expect(set.cuboids).toHaveLength(2);
    expect(set.segments.map((s) => s.trackId)).toEqual(['car-1']);
  });

  it('never throws on files broken at random, and reports every fault the schema finds (property test)', () => {
    const texts = [
      JSON.stringify(validFile()),
      ...readdirSync(EXAMPLES).map((name) => readFileSync(EXAMPLES + name, 'utf8')),
      ...[1, 2].map((seed) => writeOpenLabel(randomLabelSet(seed), testLineage()).files[0]!.text),
    ];
    const random = createRandom(11);
    const junk: unknown[] = [null, 'x', 3, -1, [], {}, [1, 'a'], true, [1, 2], undefined];
    let faulty = 0;
    for (const text of texts) {
      const places = leafPaths(JSON.parse(text)).filter((p) => p.length > 2 && p[1] !== 'metadata');
      for (let n = 0; n < 150; n++) {
        const json = JSON.parse(text) as unknown;
        for (let k = 0; k < 3; k++) replaceAt(json, places[Math.floor(random() * places.length)]!, structuredClone(junk[Math.floor(random() * junk.length)])); // prettier-ignore
        const expected = findOpenLabelFaults(json).length;
        const mutated = JSON.stringify(json);
        let read: ReturnType<typeof readOpenLabel> | undefined;
        expect(() => (read = readOpenLabel(mutated, 'm.json')), mutated).not.toThrow();
        expect(read!.problems.filter((p) => p.code === 'openlabel.schema')).toHaveLength(expected);
        if (expected > 0) faulty++;
      }
    }
    // Most mutations do break the schema (the others hit places where anything goes).
    expect(faulty).toBeGreaterThan(texts.length * 60);
  });
});

/** Every path in a JSON value, as lists of keys (numbers for array indices). */
function leafPaths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leafPaths(v, [...at, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

/** Sets the value at `path` (undefined deletes it, closing up an array); a path no longer there is passed over. */
function replaceAt(json: unknown, path: (string | number)[], value: unknown) {
  let parent = json as Record<string | number, unknown> | undefined;
  for (const key of path.slice(0, -1)) parent = parent?.[key] as typeof parent;
  if (!parent || typeof parent !== 'object') return;
  const last = path.at(-1)!;
  if (value !== undefined) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
}
