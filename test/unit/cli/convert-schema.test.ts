import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConvertArgs } from '../../../src/cli/convert';
import { runCli } from '../../../src/cli/main';
import { findOpenLabelFaults } from '../../../src/formats/labels/openlabel-validate';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const CUBOIDS = `${DATA}openlabel/spec-examples/openlabel100_test_cuboids.json`;
/** ASAM's published schema, where the shared test data keeps it (never copied into the project). */
const ASAM = `${DATA}openlabel/schema/openlabel_json_schema-v1.0.0.json`;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { lang: 'en_US.UTF-8' }, (l) => out.push(l), (l) => err.push(l)); // prettier-ignore
  return { code, out: out.join('\n'), err };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-convert-schema-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('frustum convert --to openlabel checks the result', () => {
  it('reads --schema, for OpenLABEL only (elsewhere it would check nothing)', () => {
    expect(parseConvertArgs(['a.json', '--to', 'openlabel', '-o', 'b.json', '--schema', 's.json'])).toMatchObject({ schema: 's.json' }); // prettier-ignore
    expect(parseConvertArgs(['a.json', '--to', 'openlabel', '-o', 'b.json'])).not.toHaveProperty('schema');
    expect(parseConvertArgs(['a.json', '--to', 'kitti', '-o', 'out', '--schema', 's.json'])).toBeUndefined();
    expect(parseConvertArgs(['a.json', '--to', 'openlabel', '-o', 'b.json', '--schema'])).toBeUndefined();
  });

  it("writes a result that our schema accepts by default, and checks against ASAM's with --schema", async () => {
    for (const schema of [[], ['--schema', ASAM]]) {
      const out = path.join(scratch, `cuboids-${schema.length}.json`);
      const { code } = await run(['convert', CUBOIDS, '--to', 'openlabel', '-o', out, ...schema]);
      expect(code).toBe(0);
      expect(findOpenLabelFaults(JSON.parse(readFileSync(out, 'utf8')))).toEqual([]);
    }
  });

  it('refuses, writing nothing, a result that breaks the --schema given', async () => {
    // A profile that wants every file to name its source file (tagged_file), which Frustum's writer does not write.
    const profile = path.join(scratch, 'needs-tagged-file.schema.json');
    writeFileSync(profile, JSON.stringify({ type: 'object', properties: { openlabel: { type: 'object', properties: { metadata: { type: 'object', required: ['tagged_file'] } } } } })); // prettier-ignore
    const out = path.join(scratch, 'refused.json');
    const { code, out: printed, err } = await run(['convert', CUBOIDS, '--to', 'openlabel', '-o', out, '--schema', profile]); // prettier-ignore
    expect([code, printed]).toEqual([1, '']);
    expect(err).toEqual([
      "frustum convert: refused.json: /openlabel/metadata must have required property 'tagged_file'",
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('fails, naming the file and writing nothing, when the --schema file cannot be read or compiled', async () => {
    const out = path.join(scratch, 'never.json');
    const missing = path.join(scratch, 'missing.schema.json');
    const wrong = path.join(scratch, 'wrong.schema.json');
    writeFileSync(wrong, JSON.stringify({ required: 'comment' }));
    expect(await run(['convert', CUBOIDS, '--to', 'openlabel', '-o', out, '--schema', missing])).toEqual({
      code: 1,
      out: '',
      err: [`frustum convert: ${missing}: the schema cannot be read (ENOENT)`],
    });
    const failed = await run(['convert', CUBOIDS, '--to', 'openlabel', '-o', out, '--schema', wrong]);
    expect(failed.code).toBe(1);
    expect(failed.err[0]).toMatch(new RegExp(`^frustum convert: ${wrong}: the schema does not compile \\(`));
    expect(existsSync(out)).toBe(false);
    expect((await run(['convert', CUBOIDS, '--to', 'kitti', '-o', out, '--schema', missing])).code).toBe(2);
  });
});
