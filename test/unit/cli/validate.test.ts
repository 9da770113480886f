import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { defaultOpenLabelSchemaPath } from '../../../src/cli/openlabel-schema';

const EXAMPLES = fileURLToPath(new URL('../../../../shared/data/openlabel/spec-examples/', import.meta.url));

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
    expect((await run(['help'], 'zh_CN.UTF-8')).out.join('\n')).toMatch(/validate +按 ASAM OpenLABEL 1\.0/);
  });

  it('accepts the spec examples and says so', async () => {
    const file = `${EXAMPLES}openlabel100_test_cuboids.json`;
    expect(await run(['validate', file])).toEqual({ code: 0, out: [`${file}: valid OpenLABEL 1.0.0`], err: [] });
    expect((await run(['validate', file], 'zh_CN.UTF-8')).out).toEqual([`${file}：有效的 OpenLABEL 1.0.0`]);
  });

  it('exits 1 with the file, JSON path and reason of each violation', async () => {
    const bad = path.join(scratch, 'bad.json');
    const cuboid = { name: 'b', val: [1, 2, 3] };
    writeFileSync(bad, JSON.stringify({ openlabel: { metadata: {}, objects: { car: { name: 'a', type: 'car' }, '0': { name: 'b', type: 'car', object_data: { cuboid: [cuboid] } } } } })); // prettier-ignore
    const { code, out, err } = await run(['validate', bad]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(
      expect.arrayContaining([
        "bad.json: /openlabel/metadata must have required property 'schema_version'",
        'bad.json: /openlabel/objects must NOT have additional properties ("car")',
        'bad.json: /openlabel/objects/0/object_data/cuboid/0/val must NOT have fewer than 9 items',
      ]),
    );
    writeFileSync(path.join(scratch, 'not.json'), '{');
    expect((await run(['validate', path.join(scratch, 'not.json')])).err[0]).toMatch(/^not\.json: not valid JSON/);
  });

  it('reads the schema from the fixture by default or from --schema, and names what it cannot read', async () => {
    expect(defaultOpenLabelSchemaPath()).toMatch(/test[/\\]fixtures[/\\]openlabel[/\\]openlabel_json_schema-v1\.0\.0\.json$/); // prettier-ignore
    const missing = path.join(scratch, 'none.json');
    const file = `${EXAMPLES}openlabel100_test_poses.json`;
    expect((await run(['validate', file, '--schema', missing])).err).toEqual([`frustum validate: ${missing}: the OpenLABEL schema is not there; give one with --schema`]); // prettier-ignore
    expect((await run(['validate', missing])).err).toEqual([`frustum validate: ${missing}: no such file`]);
    expect((await run(['validate'])).code).toBe(2);
    expect((await run(['validate', file, '--schema'])).code).toBe(2);
  });
});
