import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compileOpenLabelSchema,
  findOpenLabelFaults,
  ownOpenLabelValidator,
  validateOpenLabel,
} from '../../../../src/formats/labels/openlabel-validate';
import { writeOpenLabel } from '../../../../src/formats/labels/openlabel-writer';
import { BROKEN_FILES, validFile } from './openlabel-broken-files';
import { testLineage } from './label-set-fixtures';
import { randomLabelSet } from './random-label-set';

const DATA = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
/** ASAM's published schema, read where the shared test data keeps it (never copied into the project). */
const asam = compileOpenLabelSchema(JSON.parse(readFileSync(`${DATA}openlabel/schema/openlabel_json_schema-v1.0.0.json`, 'utf8')) as object); // prettier-ignore
const files = (folder: string) => readdirSync(DATA + folder).map((name) => `${DATA}${folder}${name}`);

describe("Frustum's OpenLABEL schema", () => {
  it("accepts every spec example and KITTI tracking sequence that ASAM's schema accepts", () => {
    const all = [...files('openlabel/spec-examples/'), ...files('kitti-tracking-openlabel/')];
    expect(all.length).toBeGreaterThanOrEqual(8 + 18);
    for (const file of all) {
      const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
      expect(asam(json), file).toBe(true);
      expect(findOpenLabelFaults(json), file).toEqual([]);
    }
  });

  it("accepts what Frustum's writer produces, as ASAM's does", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = writeOpenLabel(randomLabelSet(seed), testLineage()).files[0]!.text;
      expect(() => validateOpenLabel(text, `seed-${seed}.json`)).not.toThrow();
      expect(asam(JSON.parse(text)), `seed ${seed}`).toBe(true);
    }
  });

  describe('rejects broken files, each fault at its JSON path', () => {
    it('(the file they are made from is valid, for both)', () => {
      expect(findOpenLabelFaults(validFile())).toEqual([]);
      expect(asam(validFile())).toBe(true);
    });

    for (const broken of BROKEN_FILES) {
      it(`${broken.name} (ASAM's schema: ${broken.asam ? 'accepts it' : 'rejects it too'})`, () => {
        const json = broken.make();
        expect(findOpenLabelFaults(json)).toEqual(broken.faults.map(([place, message]) => expect.objectContaining({ place, message }))); // prettier-ignore
        expect(asam(json)).toBe(broken.asam);
      });
    }
  });

  it('throws one line per violation naming the file, with the code openlabel.schema', () => {
    const text = JSON.stringify({ openlabel: { metadata: {}, frames: { abc: {} } } });
    let error: unknown;
    try {
      validateOpenLabel(text, 'bad.json');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      name: 'JsonFileError',
      code: 'openlabel.schema',
      errors: [
        "bad.json: /openlabel/metadata must have required property 'schema_version'",
        'bad.json: /openlabel/frames/abc is not a frame number (frame keys are non-negative integers)',
      ],
    });
    expect(() => validateOpenLabel('{', 'bad.json')).toThrow(/^bad\.json: not valid JSON/);
  });

  it('keeps the compiled validator: the same function every time, for ours and per other schema object', () => {
    expect(ownOpenLabelValidator()).toBe(ownOpenLabelValidator());
    const schema = { type: 'object', required: ['openlabel'] };
    expect(compileOpenLabelSchema(schema)).toBe(compileOpenLabelSchema(schema));
    const text = JSON.stringify({ openlabel: { metadata: { schema_version: '1.0.0' } } });
    expect(validateOpenLabel(text, 'a.json')).toEqual(JSON.parse(text));
    expect(() => validateOpenLabel('{}', 'b.json', schema)).toThrow("b.json: / must have required property 'openlabel'"); // prettier-ignore
  });
});
