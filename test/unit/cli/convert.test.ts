import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { EXPORT_FORMATS } from '../../../src/formats/labels/label-formats';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const KITTI = `${DATA}kitti-object/training`;

async function run(args: string[], lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { lang }, (l) => out.push(l), (l) => err.push(l)); // prettier-ignore
  return { code, out: out.join('\n'), err };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'frustum-convert-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('frustum convert', () => {
  it('writes KITTI labels from the KITTI folder with a lineage naming and hashing every input', async () => {
    const out = path.join(scratch, 'kitti');
    const { code, out: printed } = await run(['convert', KITTI, '--to', 'kitti', '-o', out, '--author', 'ci']);
    expect(code).toBe(0);
    const report = JSON.parse(printed) as { to: string; files: string[]; boxes: number; problems: string[] };
    expect(report.to).toBe('kitti');
    expect(readdirSync(path.join(out, 'label_2'))).toEqual(readdirSync(`${KITTI}/label_2`));
    const sidecar = JSON.parse(readFileSync(path.join(out, 'frustum-lineage.json'), 'utf8')) as {
      lineage: { author: string; inputs: { path: string; sha256: string }[] };
    };
    expect(sidecar.lineage.author).toBe('ci');
    const label = sidecar.lineage.inputs.find((i) => i.path === 'label_2/000001.txt')!;
    expect(label.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(`${KITTI}/label_2/000001.txt`))
        .digest('hex'),
    );
    expect(sidecar.lineage.inputs.some((i) => i.path === 'velodyne/000000.bin')).toBe(true);
  });

  it('goes from a folder to OpenLABEL (valid by the schema) and from that file on to nuScenes-style and CSV', async () => {
    const openlabel = path.join(scratch, 'chain', 'scene.json');
    expect((await run(['convert', `${DATA}nuscenes-sample`, '--to', 'openlabel', '-o', openlabel])).code).toBe(0);
    expect(await run(['validate', openlabel])).toEqual({
      code: 0,
      out: `${openlabel}: valid OpenLABEL 1.0.0`,
      err: [],
    });
    const nuscenes = path.join(scratch, 'chain', 'scene.nuscenes.json');
    const second = await run(['convert', openlabel, '--to', 'nuscenes', '-o', nuscenes]);
    expect(second.code).toBe(0);
    const csv = path.join(scratch, 'chain', 'boxes.csv');
    const third = await run(['convert', nuscenes, '--to', 'csv', '-o', csv]);
    expect(JSON.parse(third.out)).toMatchObject({ to: 'csv', files: [csv, path.join(scratch, 'chain', 'boxes.lineage.json')] }); // prettier-ignore
    const boxes = (JSON.parse(second.out) as { boxes: number }).boxes;
    expect(readFileSync(csv, 'utf8').trim().split('\r\n')).toHaveLength(boxes + 1);
    expect(boxes).toBeGreaterThan(60);
  });

  it('refuses misuse with the usage (exit 2) and unreadable input with one line (exit 1)', async () => {
    const usage = await run(['convert', KITTI, '--to', 'pdf', '-o', scratch]);
    expect(usage.code).toBe(2);
    // The targets are EXPORT_FORMATS' keys, so a new one shows up here by itself.
    const targets = Object.keys(EXPORT_FORMATS).join('|');
    expect(targets).toMatch(/^openlabel\|kitti\|kitti-tracking\|nuscenes\|csv\b/);
    expect(usage.err).toEqual([`Usage: frustum convert <folder-or-label-file> --to ${targets} -o <out> [--from openlabel|nuscenes|csv] [--author <name>] [--schema <schema.json>] [--verbose]`]); // prettier-ignore
    expect((await run(['convert', KITTI, '--to', 'csv'])).code).toBe(2);
    expect((await run(['convert', KITTI, '-o', scratch, '--to', 'csv', '--from', 'kitti'])).code).toBe(2);
    const missing = await run(['convert', path.join(scratch, 'nope.json'), '--to', 'csv', '-o', path.join(scratch, 'x.csv')]); // prettier-ignore
    expect(missing).toMatchObject({ code: 1, err: [`frustum convert: ${path.join(scratch, 'nope.json')}: no such file or folder`] }); // prettier-ignore
    writeFileSync(path.join(scratch, 'k.txt'), readFileSync(`${KITTI}/label_2/000000.txt`));
    const kitti = await run(['convert', path.join(scratch, 'k.txt'), '--to', 'csv', '-o', path.join(scratch, 'k.csv')]);
    expect(kitti.err).toEqual(['frustum convert: k.txt: KITTI labels need their calibration: convert the KITTI folder (with calib/) instead']); // prettier-ignore
    expect((await run(['convert'], 'zh_CN.UTF-8')).err[0]).toMatch(/^用法：frustum convert/);
  });

  it('prints one group per problem code (one line for every DontCare region), and every problem with --verbose', async () => {
    const name = 'openlabel100_kitti_tracking_0001.json';
    const input = `${DATA}kitti-tracking-openlabel/${name}`;
    type Ol = { objects: Record<string, { type: string }>; frames: Record<string, { objects?: Record<string, { object_data?: { cuboid?: unknown[] } }> }> }; // prettier-ignore
    const ol = (JSON.parse(readFileSync(input, 'utf8')) as { openlabel: Ol }).openlabel;
    const dontCare = Object.values(ol.frames).flatMap(
      (f) =>
      Object.entries(f.objects ?? {}).flatMap(([k, o]) => (ol.objects[k]?.type === 'DontCare' ? (o.object_data?.cuboid ?? []) : [])), // prettier-ignore
    ).length;
    type Group = { code: string; count: number; message: string; places: string[] };
    type Report = { problems: Group[]; allProblems?: { path: string; code: string; message: string; place?: string }[] }; // prettier-ignore

    const plain = await run(['convert', input, '--to', 'kitti-tracking', '-o', path.join(scratch, 'dc')]);
    expect(plain.code).toBe(0);
    const report = JSON.parse(plain.out) as Report;
    expect(report.allProblems).toBeUndefined();
    const sizes = report.problems.filter((g) => g.code === 'openlabel.cuboid.nonpositive-size');
    expect(sizes).toEqual([{ code: 'openlabel.cuboid.nonpositive-size', count: dontCare, message: expect.stringMatching(/not above zero/), places: [0, 1, 2].map((f) => `${name} /openlabel/frames/${f}/objects/-1/object_data/cuboid/0`) }]); // prettier-ignore
    expect(new Set(report.problems.map((g) => g.code)).size).toBe(report.problems.length);

    const verbose = await run(['convert', input, '--to', 'kitti-tracking', '-o', path.join(scratch, 'dc2'), '--verbose']); // prettier-ignore
    const full = JSON.parse(verbose.out) as Report;
    expect(full.problems).toEqual(report.problems);
    const all = full.allProblems!.filter((p) => p.code === 'openlabel.cuboid.nonpositive-size');
    expect(all).toHaveLength(dontCare);
    expect(all.at(-1)).toMatchObject({ path: name, place: expect.stringMatching(/^\/openlabel\/frames\/\d+\/objects\/-1\//) }); // prettier-ignore
    expect(full.allProblems).toHaveLength(report.problems.reduce((n, g) => n + g.count, 0));
  });
});
