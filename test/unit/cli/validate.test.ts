import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';

const EXAMPLES = fileURLToPath(new URL('../../../../shared/data/openlabel/spec-examples/', import.meta.url));
/** ASAM's published schema, where the shared test data keeps it (never copied into the project). */
const ASAM = fileURLToPath(new URL('../../../../shared/data/openlabel/schema/openlabel_json_schema-v1.0.0.json', import.meta.url)); // prettier-ignore

async function run(args: string[], lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { lang }, (l) => out.push(l), (l) => err.push(l)); // prettier-ignore
  return { code, out, err };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('frustum validate', () => {
  it('is listed in the help with convert, in English and Chinese', async () => {
    const en = (await run(['help'])).out.join('\n');
    expect(en).toMatch(/convert +Convert a scene folder or a label file/);
    expect(en).toMatch(/validate +Check an OpenLABEL file/);
    expect((await run(['help'], 'zh_CN.UTF-8')).out.join('\n')).toMatch(/validate +按 OpenLABEL 1\.0 JSON Schema/);
  });

  it('accepts the spec examples and says so', async () => {
    const file = `${EXAMPLES}openlabel100_test_cuboids.json`;
    expect(await run(['validate', file])).toEqual({ code: 0, out: [`${file}: valid OpenLABEL 1.0.0`], err: [] });
    expect((await run(['validate', file], 'zh_CN.UTF-8')).out).toEqual([`${file}：有效的 OpenLABEL 1.0.0`]);
  });

  it("exits 1 with the file, JSON path and reason of each violation, by our schema or ASAM's", async () => {
    const bad = path.join(scratch, 'bad.json');
    const cuboid = { name: 'b', val: [1, 2, 3] };
    writeFileSync(bad, JSON.stringify({ openlabel: { metadata: {}, objects: { car: { name: 'a', type: 'car' }, '0': { name: 'b', type: 'car', object_data: { cuboid: [cuboid] } } } } })); // prettier-ignore
    const { code, out, err } = await run(['validate', bad]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.sort()).toEqual([
      "bad.json: /openlabel/metadata must have required property 'schema_version'",
      'bad.json: /openlabel/objects/0/object_data/cuboid/0/val must NOT have fewer than 9 items',
      'bad.json: /openlabel/objects/car is not an element key (an integer or a UUID)',
    ]);
    const asam = await run(['validate', bad, '--schema', ASAM]);
    expect(asam.code).toBe(1);
    expect(asam.err).toEqual(
      expect.arrayContaining([
        "bad.json: /openlabel/metadata must have required property 'schema_version'",
        'bad.json: /openlabel/objects/car is not allowed here',
        'bad.json: /openlabel/objects/0/object_data/cuboid/0/val must NOT have fewer than 9 items',
      ]),
    );
    writeFileSync(path.join(scratch, 'not.json'), '{');
    expect((await run(['validate', path.join(scratch, 'not.json')])).err[0]).toMatch(/^not\.json: not valid JSON/);
  });

  it('uses our schema by default, any other with --schema, and names a schema it cannot read or compile', async () => {
    const missing = path.join(scratch, 'none.json');
    const file = `${EXAMPLES}openlabel100_test_poses.json`;
    expect((await run(['validate', file, '--schema', ASAM])).code).toBe(0);
    expect((await run(['validate', file, '--schema', missing])).err).toEqual([`frustum validate: ${missing}: the schema cannot be read (ENOENT)`]); // prettier-ignore
    const notJson = path.join(scratch, 'not-json.schema.json');
    writeFileSync(notJson, '{ "type": ');
    expect((await run(['validate', file, '--schema', notJson])).err[0]).toMatch(new RegExp(`^frustum validate: ${notJson}: the schema is not valid JSON`)); // prettier-ignore
    const wrong = path.join(scratch, 'wrong.schema.json');
    writeFileSync(wrong, JSON.stringify({ type: 12 }));
    const failed = await run(['validate', file, '--schema', wrong]);
    expect(failed.code).toBe(1);
    expect(failed.err[0]).toMatch(new RegExp(`^frustum validate: ${wrong}: the schema does not compile \\(`));
    expect((await run(['validate', missing])).err).toEqual([`frustum validate: ${missing}: no such file`]);
    expect((await run(['validate'])).code).toBe(2);
    expect((await run(['validate', file, '--schema'])).code).toBe(2);
  });

  it('checks against a 2020-12 schema given with --schema instead of ours', async () => {
    // A team's own profile: every object needs a 3D box (written with 2020-12's $defs and prefixItems).
    const profile = path.join(scratch, 'profile.schema.json');
    const box = { type: 'array', prefixItems: [{ type: 'object', required: ['val'] }], minItems: 1 };
    const object = { type: 'object', required: ['object_data'], properties: { object_data: { type: 'object', required: ['cuboid'], properties: { cuboid: { $ref: '#/$defs/box' } } } } }; // prettier-ignore
    writeFileSync(profile, JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: { box }, type: 'object', properties: { openlabel: { type: 'object', properties: { objects: { type: 'object', additionalProperties: object } } } } })); // prettier-ignore
    const cuboids = `${EXAMPLES}openlabel100_test_cuboids.json`;
    const static1 = `${EXAMPLES}openlabel100_test_static_dynamic_object_1_1.json`;
    expect((await run(['validate', cuboids, '--schema', profile])).code).toBe(0);
    expect(await run(['validate', static1])).toMatchObject({ code: 0 });
    expect(await run(['validate', static1, '--schema', profile])).toEqual({
      code: 1,
      out: [],
      err: ["openlabel100_test_static_dynamic_object_1_1.json: /openlabel/objects/0 must have required property 'object_data'"], // prettier-ignore
    });
  });
});
